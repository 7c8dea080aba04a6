using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SchoolTwitter.Application.X;
using SchoolTwitter.Infrastructure.X;
using SchoolTwitter.Testing.FakeX;

namespace SchoolTwitter.Integration.Tests.Platform;

/// <summary>The fake X behaves like X where the product depends on it: signatures, shapes, pagination, duplicates, faults.</summary>
public sealed class FakeXServerTests : IAsyncLifetime
{
    private FakeXServer _x = null!;

    public async Task InitializeAsync() => _x = await FakeXServer.StartAsync();

    public async Task DisposeAsync() => await _x.DisposeAsync();

    private XApiClient Client(XCredentials? credentials = null, TimeSpan? timeout = null) => new(
        XHttpClients.Signed(TimeProvider.System),
        new StaticXCredentialSource(credentials ?? _x.Credentials),
        TimeProvider.System,
        Options.Create(new XApiOptions { BaseUrl = _x.BaseUrl, RequestTimeout = timeout ?? TimeSpan.FromSeconds(10) }),
        NullLogger<XApiClient>.Instance);

    [Fact]
    public async Task Users_me_answers_the_account_for_valid_signed_credentials()
    {
        var me = await Client().GetMeAsync(CancellationToken.None);
        me.Id.ShouldBe(_x.AccountId);
        me.Username.ShouldNotBeNullOrEmpty();
        _x.RequestCount("GET", "/2/users/me").ShouldBe(1);
    }

    [Fact]
    public async Task Wrong_secret_gets_401_with_code_89_and_nothing_is_done()
    {
        var wrong = _x.Credentials with { AccessTokenSecret = "not-the-secret" };
        var ex = await Should.ThrowAsync<XUnauthorizedException>(() => Client(wrong).CreatePostAsync(new XNewPost("Hello", [], null), CancellationToken.None));
        ex.Detail.ShouldBe("Invalid or expired token.");
        _x.Posts.ShouldBeEmpty();
        _x.Requests.ShouldAllBe(r => !r.Authenticated);
    }

    [Fact]
    public async Task Unknown_consumer_key_or_token_is_refused()
    {
        await Should.ThrowAsync<XUnauthorizedException>(() => Client(_x.Credentials with { ConsumerKey = "other" }).GetMeAsync(CancellationToken.None));
        await Should.ThrowAsync<XUnauthorizedException>(() => Client(_x.Credentials with { AccessToken = "other" }).GetMeAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Unsigned_or_replayed_requests_are_refused()
    {
        using var http = new HttpClient();
        (await http.GetAsync(_x.BaseUrl + "/2/users/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var url = new Uri(_x.BaseUrl + "/2/users/me");
        var header = new OAuth1Signer(TimeProvider.System).CreateAuthorizationHeader(HttpMethod.Get, url, _x.Credentials);
        async Task<HttpStatusCode> Send()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Authorization", header);
            return (await http.SendAsync(request)).StatusCode;
        }

        (await Send()).ShouldBe(HttpStatusCode.OK);
        (await Send()).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_stale_timestamp_is_refused()
    {
        var url = new Uri(_x.BaseUrl + "/2/users/me");
        var old = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-1));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Authorization", new OAuth1Signer(old).CreateAuthorizationHeader(HttpMethod.Get, url, _x.Credentials));
        using var http = new HttpClient();
        (await http.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Create_post_records_text_media_and_reply_settings_and_refuses_identical_text()
    {
        var client = Client();
        var mediaId = await client.UploadImageAsync(new byte[] { 0xFF, 0xD8, 0xFF, 0x00, 0x01, 0xFF, 0xD9 }, "image/jpeg", CancellationToken.None);
        await client.SetAltTextAsync(mediaId, "Pupils planting trees", CancellationToken.None);

        var post = await client.CreatePostAsync(new XNewPost("Our Year 4 trip to the museum.", [mediaId], "following"), CancellationToken.None);

        var recorded = _x.Posts.ShouldHaveSingleItem();
        recorded.Id.ShouldBe(post.Id);
        recorded.MediaIds.ShouldBe([mediaId]);
        recorded.ReplySettings.ShouldBe("following");
        var upload = _x.Uploads.ShouldHaveSingleItem();
        upload.Bytes.ShouldBe(new byte[] { 0xFF, 0xD8, 0xFF, 0x00, 0x01, 0xFF, 0xD9 });
        upload.MediaCategory.ShouldBe("tweet_image");
        upload.AltText.ShouldBe("Pupils planting trees");

        await Should.ThrowAsync<XDuplicateContentException>(() => client.CreatePostAsync(new XNewPost("Our Year 4 trip to the museum.", [], null), CancellationToken.None));
        _x.Posts.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Followers_page_newest_first_up_to_1000_with_next_token()
    {
        var followers = Enumerable.Range(0, 2300).Select(i => new XUser((9_000_000 - i).ToString(), "f" + i, "Follower " + i)).ToList();
        _x.SetFollowers(followers);
        var client = Client();

        var seen = new List<XUser>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await client.GetFollowersAsync(_x.AccountId, token, CancellationToken.None);
            page.Items.Count.ShouldBeLessThanOrEqualTo(1000);
            seen.AddRange(page.Items);
            token = page.NextToken;
            pages++;
        }
        while (token is not null);

        pages.ShouldBe(3);
        seen.Select(u => u.Id).ShouldBe(followers.Select(u => u.Id));
    }

    [Fact]
    public async Task Followers_page_size_is_sent_and_honoured_and_out_of_range_sizes_are_refused_before_any_request()
    {
        var followers = Enumerable.Range(0, 130).Select(i => new XUser((8_000_000 - i).ToString(), "p" + i, "Parent " + i)).ToList();
        _x.SetFollowers(followers);
        var client = Client();

        var first = await client.GetFollowersAsync(_x.AccountId, null, CancellationToken.None, maxResults: 40);
        var second = await client.GetFollowersAsync(_x.AccountId, first.NextToken, CancellationToken.None, maxResults: 40);

        first.Items.Select(u => u.Id).ShouldBe(followers.Take(40).Select(u => u.Id));
        second.Items.Select(u => u.Id).ShouldBe(followers.Skip(40).Take(40).Select(u => u.Id));
        _x.Requests.Where(r => r.Path.EndsWith("/followers", StringComparison.Ordinal)).ShouldAllBe(r => r.Query.Contains("max_results=40"));

        var sent = _x.RequestCount("GET", $"/2/users/{_x.AccountId}/followers");
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => client.GetFollowersAsync(_x.AccountId, null, CancellationToken.None, maxResults: 0));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => client.GetFollowersAsync(_x.AccountId, null, CancellationToken.None, maxResults: 1_001));
        _x.RequestCount("GET", $"/2/users/{_x.AccountId}/followers").ShouldBe(sent);
    }

    [Fact]
    public async Task Mentions_since_id_returns_only_newer_posts_newest_first()
    {
        var first = _x.AddMention(new XPost("", "Hello @school", AuthorId: "77"));
        var second = _x.AddMention(new XPost("", "Great assembly @school", AuthorId: "78", InReplyToUserId: _x.AccountId,
            ReferencedPosts: [new XReferencedPost("replied_to", "5")]));
        var third = _x.AddMention(new XPost("", "Thanks @school", AuthorId: "79"));

        var page = await Client().GetMentionsAsync(_x.AccountId, first.Id, null, CancellationToken.None);

        page.Items.Select(p => p.Id).ShouldBe([third.Id, second.Id]);
        page.Items[1].ReferencedPosts!.Single().Type.ShouldBe("replied_to");
        page.Items[1].InReplyToUserId.ShouldBe(_x.AccountId);
    }

    [Fact]
    public async Task Recent_posts_list_the_accounts_own_posts_newest_first()
    {
        _x.AddPost("Older post");
        _x.AddPost("Newer post");
        var page = await Client().GetRecentPostsAsync(_x.AccountId, 10, null, CancellationToken.None);
        page.Items.Select(p => p.Text).ShouldBe(["Newer post", "Older post"]);
    }

    [Fact]
    public async Task Mute_and_hide_reply_are_recorded()
    {
        var reply = _x.AddMention(new XPost("", "@school rude reply", "12345"));
        var client = Client();
        await client.MuteAsync(_x.AccountId, "12345", CancellationToken.None);
        await client.HideReplyAsync(reply.Id, CancellationToken.None);
        _x.MutedUserIds.ShouldBe(["12345"]);
        _x.HiddenPostIds.ShouldBe([reply.Id]);
    }

    [Fact]
    public async Task Writes_about_an_unknown_user_reply_or_media_answer_200_with_only_errors_and_the_client_fails()
    {
        var client = Client();

        var mute = await Should.ThrowAsync<XApiException>(() => client.MuteAsync(_x.AccountId, "404404", CancellationToken.None));
        var hide = await Should.ThrowAsync<XApiException>(() => client.HideReplyAsync("505505", CancellationToken.None));
        var alt = await Should.ThrowAsync<XApiException>(() => client.SetAltTextAsync("606606", "Pupils planting trees", CancellationToken.None));

        foreach (var (refused, id) in new[] { (mute, "404404"), (hide, "505505"), (alt, "606606") })
        {
            refused.Status.ShouldBe(200);
            refused.Title.ShouldBe("Not Found Error");
            refused.Detail.ShouldNotBeNull().ShouldContain(id);
        }
        _x.MutedUserIds.ShouldBeEmpty();
        _x.HiddenPostIds.ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_reads_fall_back_to_tweet_fields_once_x_refuses_the_2167_names()
    {
        _x.PostFieldParameters.Remove("post.fields");
        _x.AddPost("Harvest festival.");
        var client = Client();

        (await client.GetRecentPostsAsync(_x.AccountId, 10, null, CancellationToken.None)).Items.ShouldHaveSingleItem().Text.ShouldBe("Harvest festival.");
        await client.GetMentionsAsync(_x.AccountId, null, null, CancellationToken.None);

        var reads = _x.Requests.Where(r => r.Path.EndsWith("/tweets", StringComparison.Ordinal) || r.Path.EndsWith("/mentions", StringComparison.Ordinal)).ToList();
        reads.Select(r => r.Query.Contains("post.fields", StringComparison.Ordinal)).ShouldBe([true, false, false]);
        reads[1].Query.ShouldContain("tweet.fields=author_id,conversation_id,created_at,in_reply_to_user_id,referenced_tweets");
    }

    [Fact]
    public async Task Field_values_the_document_does_not_list_are_refused()
    {
        using var http = XHttpClients.Signed(TimeProvider.System);
        var url = new Uri($"{_x.BaseUrl}/2/users/{_x.AccountId}/tweets?post.fields=author_id");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Options.Set(OAuth1SigningHandler.CredentialsKey, _x.Credentials);

        using var answer = await http.SendAsync(request);

        answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await answer.Content.ReadAsStringAsync()).ShouldContain("[author_id] is not one of");
    }

    [Fact]
    public async Task Reads_accept_the_2026_field_names()
    {
        _x.Use2026FieldNames = true;
        _x.AddPost("One");
        var me = await Client().GetMeAsync(CancellationToken.None);
        me.PostCount.ShouldBe(1);
    }

    [Fact]
    public async Task Injected_faults_apply_to_the_next_matching_requests_only()
    {
        _x.InjectFault("GET", "/2/users/me", FakeFault.ServiceUnavailable503, times: 2);
        var client = Client();
        (await Should.ThrowAsync<XApiException>(() => client.GetMeAsync(CancellationToken.None))).Status.ShouldBe(503);
        (await Should.ThrowAsync<XApiException>(() => client.GetMeAsync(CancellationToken.None))).Status.ShouldBe(503);
        (await client.GetMeAsync(CancellationToken.None)).Id.ShouldBe(_x.AccountId);
    }

    [Fact]
    public async Task A_create_body_with_a_reply_field_is_refused_and_counted()
    {
        using var http = new HttpClient();
        var url = new Uri(_x.BaseUrl + "/2/tweets");
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent("""{"text":"hi","reply":{"in_reply_to_tweet_id":"1"}}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", new OAuth1Signer(TimeProvider.System).CreateAuthorizationHeader(HttpMethod.Post, url, _x.Credentials));
        (await http.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        _x.ReplyAttempts.ShouldBe(1);
        _x.Posts.ShouldBeEmpty();
    }
}
