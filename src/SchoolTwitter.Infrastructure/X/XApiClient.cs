using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SchoolTwitter.Application.X;

namespace SchoolTwitter.Infrastructure.X;

/// <summary>
/// The school's X account over X API v2 with OAuth 1.0a user context. Reads both the long-standing and the 2026 field names.
/// POST /2/tweets is sent exactly once per call: any answer other than a clear one becomes <see cref="XAmbiguousOutcomeException"/>.
/// Secrets never reach a log line or an exception message.
/// </summary>
public sealed partial class XApiClient : IXAccount
{
    private static readonly TimeSpan DefaultRateLimitWindow = TimeSpan.FromMinutes(15);

    private readonly HttpClient _http;
    private readonly IXCredentialSource _credentials;
    private readonly TimeProvider _time;
    private readonly XApiOptions _options;
    private readonly ILogger<XApiClient> _logger;
    private readonly OAuth1Signer _signer;
    private readonly Uri _baseUrl;

    public XApiClient(
        HttpClient http,
        IXCredentialSource credentials,
        TimeProvider time,
        IOptions<XApiOptions> options,
        ILogger<XApiClient> logger)
    {
        _http = http;
        _credentials = credentials;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _signer = new OAuth1Signer(time);
        _baseUrl = new Uri(_options.BaseUrl.TrimEnd('/') + "/", UriKind.Absolute);
    }

    /// <summary>Comma-separated user fields requested with every user read.</summary>
    public const string UserFields = "created_at,description,location,profile_image_url,protected,public_metrics,url,verified";

    /// <summary>Comma-separated post fields requested with every post read.</summary>
    public const string PostFields = "author_id,conversation_id,created_at,in_reply_to_user_id,referenced_tweets";

    /// <summary>Also asked for the account's own posts: reconciliation matches links and photos through them.</summary>
    public const string OwnPostExtraFields = "attachments,entities";

    public async Task<XUser> GetMeAsync(CancellationToken ct)
    {
        using var doc = await SendAsync(Get($"2/users/me?user.fields={UserFields}"), null, ct);
        return ReadUser(Data(doc, "users/me"));
    }

    public async Task<XUser> GetMeAsync(XCredentials credentials, CancellationToken ct)
    {
        using var doc = await SendAsync(Get($"2/users/me?user.fields={UserFields}"), credentials, ct);
        return ReadUser(Data(doc, "users/me"));
    }

    public async Task<XPost> CreatePostAsync(XNewPost post, CancellationToken ct)
    {
        var body = new JsonObject { ["text"] = post.Text };
        if (post.MediaIds.Count > 0)
        {
            body["media"] = new JsonObject { ["media_ids"] = new JsonArray(post.MediaIds.Select(id => (JsonNode?)JsonValue.Create(id)).ToArray()) };
        }

        if (!string.IsNullOrWhiteSpace(post.ReplySettings))
        {
            body["reply_settings"] = post.ReplySettings;
        }

        var json = body.ToJsonString();
        var request = new XRequest(HttpMethod.Post, "2/tweets", () => Json(json), CreatePost: true);
        using var doc = await SendAsync(request, null, ct);
        if (doc is null || !doc.RootElement.TryGetProperty("data", out var data) || Str(data, "id") is not { Length: > 0 } id)
        {
            // X answered success without a post id: it may well have posted.
            throw new XAmbiguousOutcomeException("X answered the create-post call without a post id.");
        }

        return new XPost(id, Str(data, "text") ?? post.Text);
    }

    public async Task<string> UploadImageAsync(ReadOnlyMemory<byte> image, string mediaType, CancellationToken ct)
    {
        var request = new XRequest(HttpMethod.Post, "2/media/upload", () =>
        {
            // Multipart: never part of the OAuth signature.
            var content = new MultipartFormDataContent();
            var media = new ReadOnlyMemoryContent(image);
            media.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            content.Add(media, "media", "image");
            content.Add(new StringContent("tweet_image"), "media_category");
            content.Add(new StringContent(mediaType), "media_type");
            return content;
        });
        using var doc = await SendAsync(request, null, ct);
        var data = Data(doc, "media/upload");
        return Str(data, "id") ?? Str(data, "media_id_string")
            ?? throw new XApiException(200, "X answered the media upload without a media id.");
    }

    public async Task SetAltTextAsync(string mediaId, string altText, CancellationToken ct)
    {
        var json = new JsonObject
        {
            ["id"] = mediaId,
            ["metadata"] = new JsonObject { ["alt_text"] = new JsonObject { ["text"] = altText } },
        }.ToJsonString();
        using var _ = await SendAsync(new XRequest(HttpMethod.Post, "2/media/metadata", () => Json(json)), null, ct);
    }

    public async Task<XPage<XPost>> GetRecentPostsAsync(string userId, int maxResults, string? paginationToken, CancellationToken ct)
    {
        var query = $"max_results={Math.Clamp(maxResults, 5, 100)}&{_options.PostFieldsParameter}={PostFields},{OwnPostExtraFields}{Token(paginationToken)}";
        using var doc = await SendAsync(Get($"2/users/{Segment(userId)}/tweets?{query}"), null, ct);
        return ReadPage(doc, ReadPost);
    }

    public async Task<XPage<XUser>> GetFollowersAsync(string userId, string? paginationToken, CancellationToken ct, int? maxResults = null)
    {
        if (maxResults is < 1 or > XPageLimits.MaxFollowers)
        {
            throw new ArgumentOutOfRangeException(nameof(maxResults), maxResults, "X returns 1 to 1,000 followers a page.");
        }

        var size = (maxResults ?? XPageLimits.MaxFollowers).ToString(CultureInfo.InvariantCulture);
        using var doc = await SendAsync(Get($"2/users/{Segment(userId)}/followers?max_results={size}&user.fields={UserFields}{Token(paginationToken)}"), null, ct);
        return ReadPage(doc, ReadUser);
    }

    public async Task<XPage<XUser>> GetFollowingAsync(string userId, string? paginationToken, CancellationToken ct)
    {
        using var doc = await SendAsync(Get($"2/users/{Segment(userId)}/following?max_results=1000&user.fields={UserFields}{Token(paginationToken)}"), null, ct);
        return ReadPage(doc, ReadUser);
    }

    public async Task<XPage<XPost>> GetMentionsAsync(string userId, string? sinceId, string? paginationToken, CancellationToken ct)
    {
        var query = $"max_results={Math.Clamp(_options.MentionsPageSize, 5, 100)}&{_options.PostFieldsParameter}={PostFields}{Token(paginationToken)}";
        if (!string.IsNullOrEmpty(sinceId))
        {
            query += "&since_id=" + Uri.EscapeDataString(sinceId);
        }

        using var doc = await SendAsync(Get($"2/users/{Segment(userId)}/mentions?{query}"), null, ct);
        return ReadPage(doc, ReadPost);
    }

    public async Task MuteAsync(string userId, string targetUserId, CancellationToken ct)
    {
        var json = new JsonObject { ["target_user_id"] = targetUserId }.ToJsonString();
        using var _ = await SendAsync(new XRequest(HttpMethod.Post, $"2/users/{Segment(userId)}/muting", () => Json(json)), null, ct);
    }

    public async Task HideReplyAsync(string postId, CancellationToken ct)
    {
        var json = new JsonObject { ["hidden"] = true }.ToJsonString();
        using var _ = await SendAsync(new XRequest(HttpMethod.Put, $"2/tweets/{Segment(postId)}/hidden", () => Json(json)), null, ct);
    }

    /// <summary>One call to X: signs, sends, maps errors. A 401 with the source's credentials invalidates them and tries once more.</summary>
    private async Task<JsonDocument?> SendAsync(XRequest request, XCredentials? given, CancellationToken ct)
    {
        var credentials = given ?? await _credentials.GetAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            var (status, headers, body) = await ExchangeAsync(request, credentials, ct);
            if ((int)status is >= 200 and < 300)
            {
                return string.IsNullOrWhiteSpace(body) ? null : Parse(body, request);
            }

            var (title, detail) = Problem(body);
            _logger.LogWarning("X answered {Status} to {Method} {Path}: {Title} {Detail}",
                (int)status, request.Method.Method, request.PathForLogs, title, detail);

            if (status == HttpStatusCode.Unauthorized)
            {
                if (given is null && attempt == 1)
                {
                    // Rotation may have replaced the credentials: read them afresh once. A 401 means nothing was done, so a create may repeat.
                    _credentials.Invalidate();
                    credentials = await _credentials.GetAsync(ct);
                    continue;
                }

                throw new XUnauthorizedException(detail);
            }

            if (status == HttpStatusCode.TooManyRequests)
            {
                throw new XRateLimitedException(RateLimitReset(headers));
            }

            if (request.CreatePost && status == HttpStatusCode.Forbidden && IsDuplicate(title, detail))
            {
                throw new XDuplicateContentException(detail);
            }

            if (request.CreatePost && (int)status >= 500)
            {
                throw new XAmbiguousOutcomeException($"X answered {(int)status} to the create-post call; it may have posted.");
            }

            throw new XApiException((int)status, $"X answered {(int)status} to {request.Method.Method} {request.PathForLogs}: {title} {detail}".TrimEnd(), title, detail);
        }
    }

    private async Task<(HttpStatusCode Status, HttpResponseHeaders Headers, string Body)> ExchangeAsync(
        XRequest request, XCredentials credentials, CancellationToken ct)
    {
        var url = new Uri(_baseUrl, request.PathAndQuery);
        using var message = new HttpRequestMessage(request.Method, url) { Content = request.Content?.Invoke() };
        // Signed here so the client works on any HttpClient; OAuth1SigningHandler re-signs each retry attempt with a fresh nonce.
        message.Headers.Authorization = AuthenticationHeaderValue.Parse(_signer.CreateAuthorizationHeader(request.Method, url, credentials));
        message.Options.Set(OAuth1SigningHandler.CredentialsKey, credentials);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return (response.StatusCode, response.Headers, body);
        }
        catch (Exception ex) when (ex is not XApiException)
        {
            var timedOut = timeout.IsCancellationRequested && !ct.IsCancellationRequested;
            _logger.LogWarning("X call {Method} {Path} failed without an answer ({Failure}, timed out: {TimedOut})",
                request.Method.Method, request.PathForLogs, ex.GetType().Name, timedOut);

            if (request.CreatePost)
            {
                // The request may have reached X: whether the post exists is unknown. Never retry; reconcile.
                throw new XAmbiguousOutcomeException(
                    timedOut ? $"X did not answer the create-post call within {_options.RequestTimeout}; it may have posted."
                             : "The create-post call failed without an answer from X; it may have posted.", ex);
            }

            if (ct.IsCancellationRequested)
            {
                throw;
            }

            throw new XApiException(0, timedOut
                ? $"X did not answer {request.Method.Method} {request.PathForLogs} within {_options.RequestTimeout}."
                : $"X could not be reached for {request.Method.Method} {request.PathForLogs} ({ex.GetType().Name}).");
        }
    }

    private DateTimeOffset RateLimitReset(HttpResponseHeaders headers)
    {
        var now = _time.GetUtcNow();
        DateTimeOffset? reset = EpochHeader(headers, "x-rate-limit-reset");

        // A usage cap (24-hour limits) outlasts the 15-minute window: wait for whichever exhausted limit resets last.
        foreach (var scope in new[] { "x-user-limit-24hour", "x-app-limit-24hour" })
        {
            if (headers.TryGetValues(scope + "-remaining", out var remaining) && remaining.FirstOrDefault() == "0"
                && EpochHeader(headers, scope + "-reset") is { } capReset && (reset is null || capReset > reset))
            {
                reset = capReset;
            }
        }

        return reset is { } r && r > now ? r : now + (reset is null ? DefaultRateLimitWindow : TimeSpan.FromMinutes(1));
    }

    private static DateTimeOffset? EpochHeader(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private static bool IsDuplicate(string? title, string? detail) =>
        (detail ?? string.Empty).Contains("duplicate", StringComparison.OrdinalIgnoreCase)
        || (title ?? string.Empty).Contains("duplicate", StringComparison.OrdinalIgnoreCase);

    /// <summary>Title and detail of problem JSON, or the first message of the older {"errors":[{"code","message"}]} shape.</summary>
    private static (string? Title, string? Detail) Problem(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var title = Str(root, "title");
            var detail = Str(root, "detail");
            if (detail is null && root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                var first = errors[0];
                detail = Str(first, "message") ?? Str(first, "detail");
                title ??= Str(first, "title") ?? (first.TryGetProperty("code", out var code) ? "code " + code.ToString() : null);
            }

            return (title, detail);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static JsonDocument Parse(string body, XRequest request)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            if (request.CreatePost)
            {
                throw new XAmbiguousOutcomeException("X answered the create-post call with a body that is not JSON.");
            }

            throw new XApiException(200, $"X answered {request.Method.Method} {request.PathForLogs} with a body that is not JSON.");
        }
    }

    /// <summary>The "data" object; a 200 carrying only errors[] (partial error) is an error.</summary>
    private static JsonElement Data(JsonDocument? doc, string what)
    {
        if (doc is not null && doc.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            return data;
        }

        var (title, detail) = doc is null ? (null, null) : Problem(doc.RootElement.GetRawText());
        throw new XApiException(200, $"X answered {what} without data: {title} {detail}".TrimEnd(), title, detail);
    }

    private static XPage<T> ReadPage<T>(JsonDocument? doc, Func<JsonElement, T> read)
    {
        if (doc is null)
        {
            return new XPage<T>([], null, 0);
        }

        var root = doc.RootElement;
        var items = new List<T>();
        if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in data.EnumerateArray())
            {
                items.Add(read(item));
            }
        }
        else if (root.TryGetProperty("errors", out _) && !root.TryGetProperty("meta", out _))
        {
            var (title, detail) = Problem(root.GetRawText());
            throw new XApiException(200, $"X answered a page without data: {title} {detail}".TrimEnd(), title, detail);
        }

        string? next = null;
        int? count = null;
        if (root.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object)
        {
            next = Str(meta, "next_token");
            count = Int(meta, "result_count");
        }

        return new XPage<T>(items, string.IsNullOrEmpty(next) ? null : next, count ?? items.Count);
    }

    internal static XUser ReadUser(JsonElement u)
    {
        var metrics = u.TryGetProperty("public_metrics", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        var image = Str(u, "profile_image_url");
        return new XUser(
            Id: Str(u, "id") ?? throw new XApiException(200, "X returned a user without an id."),
            Username: Str(u, "username") ?? string.Empty,
            Name: Str(u, "name") ?? string.Empty,
            Description: Str(u, "description"),
            ProfileImageUrl: image,
            CreatedAt: Date(u, "created_at"),
            FollowersCount: Int(metrics, "followers_count") ?? 0,
            FollowingCount: Int(metrics, "following_count") ?? 0,
            PostCount: Int(metrics, "post_count") ?? Int(metrics, "tweet_count") ?? 0,
            DefaultProfileImage: Bool(u, "default_profile_image")
                ?? (image?.Contains("default_profile_images", StringComparison.OrdinalIgnoreCase) ?? false),
            Url: Str(u, "url"),
            Location: Str(u, "location"));
    }

    internal static XPost ReadPost(JsonElement p)
    {
        List<XReferencedPost>? references = null;
        foreach (var name in new[] { "referenced_posts", "referenced_tweets" })
        {
            if (p.TryGetProperty(name, out var refs) && refs.ValueKind == JsonValueKind.Array)
            {
                references = refs.EnumerateArray()
                    .Select(r => new XReferencedPost(Str(r, "type") ?? string.Empty, Str(r, "id") ?? string.Empty))
                    .ToList();
                break;
            }
        }

        return new XPost(
            Id: Str(p, "id") ?? throw new XApiException(200, "X returned a post without an id."),
            Text: Str(p, "text") ?? string.Empty,
            AuthorId: Str(p, "author_id"),
            ConversationId: Str(p, "conversation_id"),
            InReplyToUserId: Str(p, "in_reply_to_user_id"),
            ReferencedPosts: references,
            CreatedAt: Date(p, "created_at"),
            Urls: p.TryGetProperty("entities", out var entities) && entities.ValueKind == JsonValueKind.Object
                  && entities.TryGetProperty("urls", out var urls) && urls.ValueKind == JsonValueKind.Array
                ? urls.EnumerateArray()
                    .Where(u => Str(u, "url") is { Length: > 0 })
                    .Select(u => new XUrlEntity(Str(u, "url")!, Str(u, "expanded_url"), Str(u, "display_url"), Str(u, "media_key")))
                    .ToList()
                : null,
            MediaKeys: p.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Object
                       && attachments.TryGetProperty("media_keys", out var keys) && keys.ValueKind == JsonValueKind.Array
                ? keys.EnumerateArray().Where(k => k.ValueKind == JsonValueKind.String).Select(k => k.GetString()!).ToList()
                : null);
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                _ => null,
            }
            : null;

    private static int? Int(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n)
            ? (int)Math.Clamp(n, 0, int.MaxValue)
            : null;

    private static bool? Bool(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? v.GetBoolean()
            : null;

    private static DateTimeOffset? Date(JsonElement e, string name) =>
        Str(e, name) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;

    private static XRequest Get(string pathAndQuery) => new(HttpMethod.Get, pathAndQuery, null);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Segment(string id) => Uri.EscapeDataString(id);

    private static string Token(string? token) =>
        string.IsNullOrEmpty(token) ? string.Empty : "&pagination_token=" + Uri.EscapeDataString(token);

    /// <param name="Content">Builds a fresh body per attempt (a body cannot be sent twice).</param>
    private sealed record XRequest(HttpMethod Method, string PathAndQuery, Func<HttpContent>? Content, bool CreatePost = false)
    {
        public string PathForLogs => "/" + PathAndQuery.Split('?')[0];
    }
}
