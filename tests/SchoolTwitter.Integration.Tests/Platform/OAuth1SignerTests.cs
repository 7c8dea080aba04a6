using Microsoft.Extensions.Time.Testing;
using SchoolTwitter.Application.X;
using SchoolTwitter.Infrastructure.X;

namespace SchoolTwitter.Integration.Tests.Platform;

public sealed class OAuth1SignerTests
{
    // X's "creating a signature" documentation values (not real credentials).
    private static readonly XCredentials DocumentationCredentials = new(
        ConsumerKey: "xvz1evFS4wEEPTGEFPHBog",
        ConsumerSecret: "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
        AccessToken: "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
        AccessTokenSecret: "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE");

    private static readonly KeyValuePair<string, string>[] DocumentationForm =
    [
        new("status", "Hello Ladies + Gentlemen, a signed OAuth request!"),
        new("include_entities", "true"),
    ];

    private static OAuth1Signer DocumentationSigner() =>
        new(new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1318622958)), () => "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg");

    [Theory]
    [InlineData("https://api.x.com/1.1/statuses/update.json", "Ls93hJiZbQ3akF3HF3x1Bz8/zU4=")]
    [InlineData("https://api.twitter.com/1.1/statuses/update.json", "hCtSmYh+iHYCEqBWrE7C7hYmtUk=")]
    public void Signature_matches_the_X_documentation_test_vector(string url, string expected)
    {
        var header = DocumentationSigner().CreateAuthorizationHeader(HttpMethod.Post, new Uri(url), DocumentationCredentials, DocumentationForm);

        var parameters = OAuth1Signer.ParseAuthorizationHeader(header)!;
        parameters["oauth_signature"].ShouldBe(expected);
        parameters["oauth_nonce"].ShouldBe("kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg");
        parameters["oauth_timestamp"].ShouldBe("1318622958");
        parameters["oauth_consumer_key"].ShouldBe(DocumentationCredentials.ConsumerKey);
        parameters["oauth_token"].ShouldBe(DocumentationCredentials.AccessToken);
        parameters["oauth_signature_method"].ShouldBe("HMAC-SHA1");
        parameters["oauth_version"].ShouldBe("1.0");
    }

    [Fact]
    public void Query_parameters_are_signed_like_form_parameters()
    {
        // The same parameters moved from the body to the query string give the same signature.
        var header = DocumentationSigner().CreateAuthorizationHeader(
            HttpMethod.Post,
            new Uri("https://api.x.com/1.1/statuses/update.json?include_entities=true"),
            DocumentationCredentials,
            [DocumentationForm[0]]);

        OAuth1Signer.ParseAuthorizationHeader(header)!["oauth_signature"].ShouldBe("Ls93hJiZbQ3akF3HF3x1Bz8/zU4=");
    }

    [Fact]
    public void A_json_body_is_not_signed_so_the_signature_depends_only_on_url_and_oauth_parameters()
    {
        var signer = DocumentationSigner();
        var url = new Uri("https://api.x.com/2/tweets");

        var header = signer.CreateAuthorizationHeader(HttpMethod.Post, url, DocumentationCredentials);
        var expected = OAuth1Signer.Sign(
            OAuth1Signer.SignatureBaseString("POST", url, [], OAuth1Signer.ParseAuthorizationHeader(header)!),
            DocumentationCredentials.ConsumerSecret,
            DocumentationCredentials.AccessTokenSecret);

        OAuth1Signer.ParseAuthorizationHeader(header)!["oauth_signature"].ShouldBe(expected);
    }

    [Fact]
    public void Parameters_normalise_as_in_RFC_5849_section_3_4_1_3_2()
    {
        var url = new Uri("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b");
        var form = OAuth1Signer.ParseUrlEncoded("c2&a3=2+q");
        KeyValuePair<string, string>[] oauth =
        [
            new("oauth_consumer_key", "9djdj82h48djs9d2"),
            new("oauth_token", "kkk9d7dh3k39sjv7"),
            new("oauth_signature_method", "HMAC-SHA1"),
            new("oauth_timestamp", "137131201"),
            new("oauth_nonce", "7d8f3e4a"),
            new("oauth_signature", "djosJKDKJSD8743243%2Fjdk33klY%3D"),
        ];

        var all = OAuth1Signer.ParseUrlEncoded(url.Query.TrimStart('?')).Concat(form).Concat(oauth.SkipLast(1));
        OAuth1Signer.NormaliseParameters(all).ShouldBe(
            "a2=r%20b&a3=2%20q&a3=a&b5=%3D%253D&c%40=&c2=&oauth_consumer_key=9djdj82h48djs9d2&oauth_nonce=7d8f3e4a&" +
            "oauth_signature_method=HMAC-SHA1&oauth_timestamp=137131201&oauth_token=kkk9d7dh3k39sjv7");

        // RFC 5849 3.4.1.1's base string for the same request (oauth_signature itself excluded).
        OAuth1Signer.SignatureBaseString("post", url, form, oauth).ShouldBe(
            "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26" +
            "oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26" +
            "oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7");
    }

    [Theory]
    [InlineData("AZaz09-._~", "AZaz09-._~")]
    [InlineData("Hello Ladies + Gentlemen, a signed OAuth request!", "Hello%20Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21")]
    [InlineData("é☃", "%C3%A9%E2%98%83")]
    [InlineData("*'()/:", "%2A%27%28%29%2F%3A")]
    public void Percent_encoding_keeps_only_unreserved_characters_with_uppercase_hex(string raw, string encoded)
    {
        OAuth1Signer.PercentEncode(raw).ShouldBe(encoded);
    }

    [Fact]
    public void Base_string_uri_lowercases_scheme_and_host_and_drops_default_port_but_keeps_others()
    {
        OAuth1Signer.BaseStringUri(new Uri("HTTPS://API.X.com:443/2/Tweets?x=1")).ShouldBe("https://api.x.com/2/Tweets");
        OAuth1Signer.BaseStringUri(new Uri("http://127.0.0.1:5123/2/users/me")).ShouldBe("http://127.0.0.1:5123/2/users/me");
    }

    [Fact]
    public void Every_request_gets_a_fresh_nonce_by_default()
    {
        var signer = new OAuth1Signer(TimeProvider.System);
        var url = new Uri("https://api.x.com/2/users/me");
        var a = OAuth1Signer.ParseAuthorizationHeader(signer.CreateAuthorizationHeader(HttpMethod.Get, url, DocumentationCredentials))!;
        var b = OAuth1Signer.ParseAuthorizationHeader(signer.CreateAuthorizationHeader(HttpMethod.Get, url, DocumentationCredentials))!;
        a["oauth_nonce"].ShouldNotBe(b["oauth_nonce"]);
        a["oauth_nonce"].Length.ShouldBeGreaterThanOrEqualTo(16);
    }

    [Fact]
    public void Authorization_header_never_carries_the_secrets()
    {
        var header = DocumentationSigner().CreateAuthorizationHeader(HttpMethod.Get, new Uri("https://api.x.com/2/users/me"), DocumentationCredentials);
        header.ShouldNotContain(DocumentationCredentials.ConsumerSecret);
        header.ShouldNotContain(DocumentationCredentials.AccessTokenSecret);
    }
}
