using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SchoolTwitter.Application.X;

namespace SchoolTwitter.Infrastructure.X;

/// <summary>
/// The school's X account over X API v2 with OAuth 1.0a user context (signed by <see cref="OAuth1SigningHandler"/>, which
/// must be in the HttpClient's pipeline). Bodies are source-generated DTO records (<see cref="XJsonContext"/>) named as X's
/// OpenAPI document 2.167 names them, reading the long-standing names too. A write X answers 2xx without confirming it
/// (only <c>errors</c>, as for a mute of an unknown user) is a failure.
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
    private readonly Uri _baseUrl;

    /// <summary>Set once X refuses the 2.167 post field names: every later read asks with the long-standing ones.</summary>
    private volatile bool _legacyPostFields;

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
        _baseUrl = new Uri(_options.BaseUrl.TrimEnd('/') + "/", UriKind.Absolute);
        _legacyPostFields = string.Equals(_options.PostFieldsParameter, XApiOptions.LegacyPostFieldsParameter, StringComparison.Ordinal);
    }

    /// <summary>Comma-separated user fields requested with every user read.</summary>
    public const string UserFields = "created_at,description,entities,location,profile_image_url,protected,public_metrics,url,verified";

    /// <summary>
    /// What every post read asks for, in the 2.167 names: the post fields, and the expansions that bring the author,
    /// the replied-to user and the referenced posts (2.167 lists those as expansions, no longer as post fields).
    /// </summary>
    public const string PostFieldsQuery = "post.fields=conversation_id,created_at&expansions=author_id,in_reply_to_user_id,referenced_posts";

    /// <summary>Also asked for the account's own posts: reconciliation matches links and photos through them.</summary>
    public const string OwnPostExtraFields = "attachments,entities";

    /// <summary>
    /// Also asked for mentions: their photos (attachments, the media expansion with each photo's url and type), for the second
    /// check. Not in the long-standing names: an X that refuses 2.167's expansions sends media keys without the media, and the
    /// second check sends such a post to SLT as not checked.
    /// </summary>
    public const string MentionMediaQuery = ",attachments.media_keys&media.fields=url,type";

    /// <summary>The same in the long-standing names, for an X that refuses the 2.167 ones.</summary>
    public const string LegacyPostFieldsQuery = "tweet.fields=author_id,conversation_id,created_at,in_reply_to_user_id,referenced_tweets";

    public Task<XUser> GetMeAsync(CancellationToken ct) => ReadMeAsync(null, ct);

    public Task<XUser> GetMeAsync(XCredentials credentials, CancellationToken ct) => ReadMeAsync(credentials, ct);

    private async Task<XUser> ReadMeAsync(XCredentials? credentials, CancellationToken ct)
    {
        var request = Get($"2/users/me?user.fields={UserFields}");
        var answer = Read(request, await SendAsync(request, credentials, ct), XJsonContext.Default.XResponseXUserDto);
        return ToUser(Confirmed(answer, "users/me"));
    }

    public async Task<XPost> CreatePostAsync(XNewPost post, CancellationToken ct)
    {
        var body = new XCreatePostBody(post.Text, post.MediaIds.Count > 0 ? new XCreatePostMedia(post.MediaIds) : null,
            string.IsNullOrWhiteSpace(post.ReplySettings) ? null : post.ReplySettings);
        var request = new XRequest(HttpMethod.Post, "2/tweets", () => Json(body, XJsonContext.Default.XCreatePostBody), CreatePost: true);
        var answer = Read(request, await SendAsync(request, null, ct), XJsonContext.Default.XResponseXCreatedPostDto);
        if (answer?.Data?.Id is not { Length: > 0 } id)
        {
            // X answered success without a post id: it may well have posted.
            throw new XAmbiguousOutcomeException("X answered the create-post call without a post id.");
        }

        return new XPost(id, answer.Data.Text ?? post.Text);
    }

    public async Task<string> UploadImageAsync(ReadOnlyMemory<byte> image, string mediaType, CancellationToken ct)
    {
        var request = new XRequest(HttpMethod.Post, "2/media/upload", () =>
        {
            // Multipart (never part of the OAuth signature) with only the fields MediaUploadRequest allows.
            var content = new MultipartFormDataContent();
            var media = new ReadOnlyMemoryContent(image);
            media.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            content.Add(media, "media", "image");
            content.Add(new StringContent("tweet_image"), "media_category");
            return content;
        });
        var data = Confirmed(Read(request, await SendAsync(request, null, ct), XJsonContext.Default.XResponseXMediaDto), "media/upload");
        return data.Id ?? data.MediaIdString ?? throw new XApiException(200, "X answered the media upload without a media id.");
    }

    public async Task SetAltTextAsync(string mediaId, string altText, CancellationToken ct)
    {
        var body = new XMediaMetadataBody(mediaId, new XMediaMetadataFields(new XAltText(altText)));
        var request = new XRequest(HttpMethod.Post, "2/media/metadata", () => Json(body, XJsonContext.Default.XMediaMetadataBody));
        var data = Confirmed(Read(request, await SendAsync(request, null, ct), XJsonContext.Default.XResponseXMediaMetadataResultDto), "media/metadata");
        if (data.Id != mediaId) throw new XApiException(200, "X did not confirm the alt text for the media id it was given.");
    }

    public Task<XPage<XPost>> GetRecentPostsAsync(string userId, int maxResults, string? paginationToken, CancellationToken ct) =>
        ReadPostsAsync($"2/users/{Segment(userId)}/tweets?max_results={Math.Clamp(maxResults, 5, 100)}{Token(paginationToken)}", ct, OwnPostExtraFields);

    public async Task<XPage<XUser>> GetFollowersAsync(string userId, string? paginationToken, CancellationToken ct, int? maxResults = null)
    {
        if (maxResults is < 1 or > XPageLimits.MaxFollowers)
        {
            throw new ArgumentOutOfRangeException(nameof(maxResults), maxResults, "X returns 1 to 1,000 followers a page.");
        }

        var size = (maxResults ?? XPageLimits.MaxFollowers).ToString(CultureInfo.InvariantCulture);
        return await ReadUsersAsync($"2/users/{Segment(userId)}/followers?max_results={size}&user.fields={UserFields}{Token(paginationToken)}", ct);
    }

    public Task<XPage<XUser>> GetFollowingAsync(string userId, string? paginationToken, CancellationToken ct) =>
        ReadUsersAsync($"2/users/{Segment(userId)}/following?max_results=1000&user.fields={UserFields}{Token(paginationToken)}", ct);

    public Task<XPage<XPost>> GetMentionsAsync(string userId, string? sinceId, string? paginationToken, CancellationToken ct)
    {
        var query = $"max_results={Math.Clamp(_options.MentionsPageSize, 5, 100)}{Token(paginationToken)}";
        if (!string.IsNullOrEmpty(sinceId))
        {
            query += "&since_id=" + Uri.EscapeDataString(sinceId);
        }

        return ReadPostsAsync($"2/users/{Segment(userId)}/mentions?{query}", ct, "attachments", MentionMediaQuery);
    }

    public async Task MuteAsync(string userId, string targetUserId, CancellationToken ct)
    {
        var body = new XMuteBody(targetUserId);
        var request = new XRequest(HttpMethod.Post, $"2/users/{Segment(userId)}/muting", () => Json(body, XJsonContext.Default.XMuteBody));
        var data = Confirmed(Read(request, await SendAsync(request, null, ct), XJsonContext.Default.XResponseXMutingDto), "muting");
        if (data.Muting != true) throw new XApiException(200, "X did not confirm the mute.");
    }

    public async Task HideReplyAsync(string postId, CancellationToken ct)
    {
        var request = new XRequest(HttpMethod.Put, $"2/tweets/{Segment(postId)}/hidden", () => Json(new XHideBody(true), XJsonContext.Default.XHideBody));
        var data = Confirmed(Read(request, await SendAsync(request, null, ct), XJsonContext.Default.XResponseXHiddenDto), "hide reply");
        if (data.Hidden != true) throw new XApiException(200, "X did not confirm that the reply is hidden.");
    }

    /// <summary>A page of posts, asked for in the 2.167 names; an X that refuses them is asked again, and from then on, in the long-standing ones.</summary>
    private Task<XPage<XPost>> ReadPostsAsync(string pathAndQuery, CancellationToken ct, string? extraPostFields = null, string? media = null) =>
        WithPostFieldFallbackAsync(legacy => ReadPageAsync(pathAndQuery, legacy, extraPostFields, media, ct));

    /// <summary>Runs a post read in the names X currently takes; a refusal of the 2.167 names switches to the long-standing ones for good.</summary>
    private async Task<T> WithPostFieldFallbackAsync<T>(Func<bool, Task<T>> read)
    {
        var legacy = _legacyPostFields;
        try
        {
            return await read(legacy);
        }
        catch (XParameterRefusedException refused) when (!legacy && refused.Parameters.Overlaps(["post.fields", "expansions"]))
        {
            _logger.LogWarning("X refused the 2.167 post field names ({Parameters}); asking with tweet.fields from now on", string.Join(", ", refused.Parameters));
            _legacyPostFields = true;
            return await read(true);
        }
    }

    private async Task<XPage<XPost>> ReadPageAsync(string pathAndQuery, bool legacy, string? extraPostFields, string? media, CancellationToken ct)
    {
        var fields = legacy ? LegacyPostFieldsQuery : PostFieldsQuery;
        // The extra fields join the post-field list, which comes first in both queries ("post.fields=a,b&expansions=...").
        if (extraPostFields is not null)
        {
            var end = fields.IndexOf('&', StringComparison.Ordinal) is var amp and >= 0 ? amp : fields.Length;
            fields = $"{fields[..end]},{extraPostFields}{fields[end..]}";
        }
        // The media expansion joins the expansions list, which ends the 2.167 query.
        if (media is not null && !legacy) fields += media;
        var request = Get($"{pathAndQuery}&{fields}");
        var page = Read(request, await SendAsync(request, null, ct), XJsonContext.Default.XPageResponseXPostDto);
        var included = (page?.Includes?.Media ?? [])
            .Where(m => m.MediaKey is { Length: > 0 })
            .DistinctBy(m => m.MediaKey)
            .ToDictionary(m => m.MediaKey!, m => new XMedia(m.MediaKey!, m.Type ?? string.Empty, m.Url), StringComparer.Ordinal);
        return ToPage(page, p => WithMedia(ToPost(p), included));
    }

    /// <summary>The post's attached media from the page's includes, in attachment order; a key X sent no media for is left out.</summary>
    private static XPost WithMedia(XPost post, Dictionary<string, XMedia> included) =>
        included.Count == 0 || post.MediaKeys is not { Count: > 0 } keys
            ? post
            : post with { Media = [.. keys.Where(included.ContainsKey).Select(k => included[k])] };

    private async Task<XPage<XUser>> ReadUsersAsync(string pathAndQuery, CancellationToken ct)
    {
        var request = Get(pathAndQuery);
        return ToPage(Read(request, await SendAsync(request, null, ct), XJsonContext.Default.XPageResponseXUserDto), ToUser);
    }

    /// <summary>One call to X: sends, maps errors, returns the body of a 2xx answer. A 401 with the source's credentials invalidates them and tries once more.</summary>
    private async Task<string> SendAsync(XRequest request, XCredentials? given, CancellationToken ct)
    {
        var credentials = given ?? await _credentials.GetAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            var (status, headers, body) = await ExchangeAsync(request, credentials, ct);
            if ((int)status is >= 200 and < 300)
            {
                return body;
            }

            var problem = Problem(body);
            var (title, detail) = (problem.Title, problem.Detail);
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

            var message = $"X answered {(int)status} to {request.Method.Method} {request.PathForLogs}: {title} {detail}".TrimEnd();
            if (status == HttpStatusCode.BadRequest && problem.Parameters.Count > 0)
            {
                throw new XParameterRefusedException(message, title, detail, problem.Parameters);
            }

            throw new XApiException((int)status, message, title, detail);
        }
    }

    private async Task<(HttpStatusCode Status, HttpResponseHeaders Headers, string Body)> ExchangeAsync(
        XRequest request, XCredentials credentials, CancellationToken ct)
    {
        var url = new Uri(_baseUrl, request.PathAndQuery);
        using var message = new HttpRequestMessage(request.Method, url) { Content = request.Content?.Invoke() };
        // OAuth1SigningHandler signs each attempt (a retried read must not replay a nonce) with these credentials.
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

    /// <summary>
    /// Title and detail of an error answer (problem JSON, or the first item of the older {"errors":[{"code","message"}]}
    /// shape), and the query parameters it names as invalid.
    /// </summary>
    private static (string? Title, string? Detail, IReadOnlySet<string> Parameters) Problem(string body)
    {
        XErrorBody? error = null;
        try
        {
            error = string.IsNullOrWhiteSpace(body) ? null : JsonSerializer.Deserialize(body, XJsonContext.Default.XErrorBody);
        }
        catch (JsonException)
        {
        }

        var (title, detail) = Describe(error?.Title, error?.Detail, error?.Errors);
        var parameters = new HashSet<string>(StringComparer.Ordinal);
        if (error?.Parameter is { Length: > 0 } top) parameters.Add(top);
        foreach (var item in error?.Errors ?? [])
        {
            if (item.Parameter is { Length: > 0 } one) parameters.Add(one);
            parameters.UnionWith(item.Parameters?.Keys ?? Enumerable.Empty<string>());
        }

        return (title, detail, parameters);
    }

    /// <summary>A title and detail from an answer's own fields, else from its first error item.</summary>
    private static (string? Title, string? Detail) Describe(string? title, string? detail, IReadOnlyList<XProblemDto>? errors)
    {
        if (detail is null && errors is [var first, ..])
        {
            detail = first.Message ?? first.Detail;
            title ??= first.Title ?? (first.Code is { } code ? "code " + code.ToString(CultureInfo.InvariantCulture) : null);
        }

        return (title, detail);
    }

    /// <summary>A 2xx body as <typeparamref name="T"/>; null when empty. A body of another shape is an error (ambiguous for a create).</summary>
    private static T? Read<T>(XRequest request, string body, JsonTypeInfo<T> type) where T : class
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            return JsonSerializer.Deserialize(body, type);
        }
        catch (JsonException)
        {
            if (request.CreatePost)
            {
                throw new XAmbiguousOutcomeException("X answered the create-post call with a body that is not the JSON it documents.");
            }

            throw new XApiException(200, $"X answered {request.Method.Method} {request.PathForLogs} with a body that is not the JSON it documents.");
        }
    }

    /// <summary>The <c>data</c> X confirmed; a 2xx carrying only <c>errors</c> (X's partial error) is a failure.</summary>
    private static T Confirmed<T>(XResponse<T>? answer, string what) where T : class
    {
        if (answer?.Data is { } data) return data;
        var (title, detail) = Describe(null, null, answer?.Errors);
        throw new XApiException(200, $"X answered {what} without doing it: {title} {detail}".TrimEnd(), title, detail);
    }

    private static XPage<T> ToPage<TDto, T>(XPageResponse<TDto>? page, Func<TDto, T> map)
    {
        if (page is null)
        {
            return new XPage<T>([], null, 0);
        }

        if (page.Data is null && page.Meta is null && page.Errors is { Count: > 0 })
        {
            var (title, detail) = Describe(null, null, page.Errors);
            throw new XApiException(200, $"X answered a page without data: {title} {detail}".TrimEnd(), title, detail);
        }

        var items = (page.Data ?? []).Select(map).ToList();
        var next = page.Meta?.NextToken;
        return new XPage<T>(items, string.IsNullOrEmpty(next) ? null : next, page.Meta?.ResultCount ?? items.Count);
    }

    private static XUser ToUser(XUserDto u)
    {
        var metrics = u.PublicMetrics;
        return new XUser(
            Id: u.Id ?? throw new XApiException(200, "X returned a user without an id."),
            Username: u.Username ?? string.Empty,
            Name: u.Name ?? string.Empty,
            Description: u.Description,
            ProfileImageUrl: u.ProfileImageUrl,
            CreatedAt: Date(u.CreatedAt),
            FollowersCount: Count(metrics?.FollowersCount),
            FollowingCount: Count(metrics?.FollowingCount),
            PostCount: Count(metrics?.PostCount ?? metrics?.TweetCount),
            DefaultProfileImage: u.DefaultProfileImage
                ?? (u.ProfileImageUrl?.Contains("default_profile_images", StringComparison.OrdinalIgnoreCase) ?? false),
            Url: u.Entities?.Url?.Urls?.FirstOrDefault()?.ExpandedUrl ?? u.Url, // "url" is the t.co link; entities.url holds the site itself
            Location: u.Location);
    }

    private static XPost ToPost(XPostDto p) => new(
        Id: p.Id ?? throw new XApiException(200, "X returned a post without an id."),
        Text: p.Text ?? string.Empty,
        AuthorId: p.AuthorId,
        ConversationId: p.ConversationId,
        InReplyToUserId: p.InReplyToUserId,
        ReferencedPosts: (p.ReferencedPosts ?? p.ReferencedTweets)?.Select(r => new XReferencedPost(r.Type ?? string.Empty, r.Id ?? string.Empty)).ToList(),
        CreatedAt: Date(p.CreatedAt),
        Urls: p.Entities?.Urls?.Where(u => u.Url is { Length: > 0 })
            .Select(u => new XUrlEntity(u.Url!, u.ExpandedUrl, u.DisplayUrl, u.MediaKey)).ToList(),
        MediaKeys: p.Attachments?.MediaKeys?.Where(k => k is not null).Select(k => k!).ToList());

    private static int Count(long? n) => n is { } value ? (int)Math.Clamp(value, 0, int.MaxValue) : 0;

    private static DateTimeOffset? Date(string? s) =>
        s is not null && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;

    private static XRequest Get(string pathAndQuery) => new(HttpMethod.Get, pathAndQuery, null);

    private static StringContent Json<T>(T body, JsonTypeInfo<T> type) => new(JsonSerializer.Serialize(body, type), Encoding.UTF8, "application/json");

    private static string Segment(string id) => Uri.EscapeDataString(id);

    private static string Token(string? token) =>
        string.IsNullOrEmpty(token) ? string.Empty : "&pagination_token=" + Uri.EscapeDataString(token);

    /// <param name="Content">Builds a fresh body per attempt (a body cannot be sent twice).</param>
    private sealed record XRequest(HttpMethod Method, string PathAndQuery, Func<HttpContent>? Content, bool CreatePost = false)
    {
        public string PathForLogs => "/" + PathAndQuery.Split('?')[0];
    }

    /// <summary>400 naming query parameters X does not take (as a renamed field list would be).</summary>
    private sealed class XParameterRefusedException(string message, string? title, string? detail, IReadOnlySet<string> parameters)
        : XApiException(400, message, title, detail)
    {
        public IReadOnlySet<string> Parameters { get; } = parameters;
    }
}
