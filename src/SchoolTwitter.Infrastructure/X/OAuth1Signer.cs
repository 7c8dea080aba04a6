using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SchoolTwitter.Application.X;

namespace SchoolTwitter.Infrastructure.X;

/// <summary>
/// OAuth 1.0a HMAC-SHA1 request signing (RFC 5849 section 3.4). Signs the method, the base URL, the query parameters,
/// the oauth_* parameters and form-urlencoded body parameters only: JSON and multipart bodies are never signed.
/// </summary>
public sealed class OAuth1Signer
{
    public const string SignatureMethod = "HMAC-SHA1";
    public const string Version = "1.0";

    private readonly TimeProvider _time;
    private readonly Func<string> _nonce;

    /// <param name="time">Source of oauth_timestamp.</param>
    /// <param name="nonce">Source of oauth_nonce (random by default; injectable for test vectors).</param>
    public OAuth1Signer(TimeProvider time, Func<string>? nonce = null)
    {
        _time = time;
        _nonce = nonce ?? NewNonce;
    }

    /// <summary>The Authorization header value ("OAuth oauth_consumer_key=..., oauth_signature=...") for one request.</summary>
    /// <param name="formParameters">Decoded parameters of an application/x-www-form-urlencoded body; null for JSON, multipart or no body.</param>
    public string CreateAuthorizationHeader(
        HttpMethod method,
        Uri url,
        XCredentials credentials,
        IEnumerable<KeyValuePair<string, string>>? formParameters = null)
    {
        var oauth = new List<KeyValuePair<string, string>>
        {
            new("oauth_consumer_key", credentials.ConsumerKey),
            new("oauth_nonce", _nonce()),
            new("oauth_signature_method", SignatureMethod),
            new("oauth_timestamp", _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            new("oauth_token", credentials.AccessToken),
            new("oauth_version", Version),
        };

        var baseString = SignatureBaseString(method.Method, url, formParameters ?? [], oauth);
        var signature = Sign(baseString, credentials.ConsumerSecret, credentials.AccessTokenSecret);
        oauth.Add(new("oauth_signature", signature));

        return "OAuth " + string.Join(", ", oauth
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{PercentEncode(p.Key)}=\"{PercentEncode(p.Value)}\""));
    }

    /// <summary>RFC 5849 3.4.1: METHOD &amp; encoded base URL &amp; encoded normalised parameters.</summary>
    public static string SignatureBaseString(
        string method,
        Uri url,
        IEnumerable<KeyValuePair<string, string>> formParameters,
        IEnumerable<KeyValuePair<string, string>> oauthParameters)
    {
        var parameters = ParseUrlEncoded(url.Query.TrimStart('?'))
            .Concat(formParameters)
            .Concat(oauthParameters.Where(p => p.Key != "oauth_signature" && p.Key != "realm"));

        return string.Join('&',
            method.ToUpperInvariant(),
            PercentEncode(BaseStringUri(url)),
            PercentEncode(NormaliseParameters(parameters)));
    }

    /// <summary>RFC 5849 3.4.1.2: lower-case scheme and host, default port dropped, no query or fragment.</summary>
    public static string BaseStringUri(Uri url)
    {
        var scheme = url.Scheme.ToLowerInvariant();
        var host = url.Host.ToLowerInvariant();
        var port = url.IsDefaultPort ? string.Empty : ":" + url.Port.ToString(CultureInfo.InvariantCulture);
        return $"{scheme}://{host}{port}{url.AbsolutePath}";
    }

    /// <summary>RFC 5849 3.4.1.3.2: encode names and values, sort by name then value (byte order), join with = and &amp;.</summary>
    public static string NormaliseParameters(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters
            .Select(p => (Name: PercentEncode(p.Key), Value: PercentEncode(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));

    /// <summary>RFC 5849 3.4.2: base64 HMAC-SHA1 keyed by encoded consumer secret &amp; encoded token secret.</summary>
    public static string Sign(string signatureBaseString, string consumerSecret, string tokenSecret)
    {
        var key = Encoding.ASCII.GetBytes(PercentEncode(consumerSecret) + "&" + PercentEncode(tokenSecret));
        return Convert.ToBase64String(HMACSHA1.HashData(key, Encoding.ASCII.GetBytes(signatureBaseString)));
    }

    /// <summary>RFC 5849 3.6: UTF-8 bytes, every byte except A-Z a-z 0-9 - . _ ~ as %XX with upper-case hex.</summary>
    public static string PercentEncode(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var sb = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
                or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    /// <summary>Decodes a query string or form body (application/x-www-form-urlencoded: '+' is a space); "c2" alone is c2="".</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseUrlEncoded(string encoded)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var pair in encoded.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var name = eq < 0 ? pair : pair[..eq];
            var value = eq < 0 ? string.Empty : pair[(eq + 1)..];
            result.Add(new(Decode(name), Decode(value)));
        }

        return result;

        static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
    }

    /// <summary>Parses an "OAuth k=\"v\", ..." header into decoded parameters (for verifying servers); null if it is not OAuth.</summary>
    public static IReadOnlyDictionary<string, string>? ParseAuthorizationHeader(string? header)
    {
        if (header is null || !header.StartsWith("OAuth ", StringComparison.Ordinal))
        {
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in header["OAuth ".Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0 || part.Length < eq + 3 || part[eq + 1] != '"' || part[^1] != '"')
            {
                return null;
            }

            var name = Uri.UnescapeDataString(part[..eq]);
            if (!result.TryAdd(name, Uri.UnescapeDataString(part[(eq + 2)..^1])))
            {
                return null;
            }
        }

        return result;
    }

    private static string NewNonce() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
}
