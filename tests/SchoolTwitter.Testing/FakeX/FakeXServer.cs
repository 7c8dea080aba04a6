using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SchoolTwitter.Application.X;
using SchoolTwitter.Infrastructure.X;

namespace SchoolTwitter.Testing.FakeX;

/// <summary>
/// X API v2 of the project's own, on 127.0.0.1 (Kestrel, port 0). Verifies OAuth 1.0a signatures, speaks X's JSON shapes,
/// keeps state (posts, uploads, mutes, hidden replies), counts requests, and injects faults on request.
/// </summary>
public sealed partial class FakeXServer : IAsyncDisposable
{
    private static readonly HashSet<string> PostFields = ["text", "media", "reply_settings", "reply", "quote_tweet_id", "poll", "for_super_followers_only", "nullcast", "geo", "direct_message_deep_link", "card_uri", "made_with_ai", "paid_partnership", "community_id", "share_with_followers"];
    private static readonly HashSet<string> ReplySettingValues = ["following", "mentionedUsers", "subscribers", "verified"];

    private readonly object _gate = new();
    private LoopbackServer _host = null!;
    private readonly TimeProvider _time;
    private readonly Dictionary<(string ConsumerKey, string Token), (XCredentials Credentials, string AccountId)> _accepted = [];
    private readonly Dictionary<string, XUser> _accounts = [];
    private readonly HashSet<string> _usedNonces = [];
    private readonly List<FakePost> _posts = [];
    private readonly Dictionary<string, (XPost Post, string MentionedAccount)> _mentionDetails = [];
    private readonly List<FakeUpload> _uploads = [];
    private readonly Dictionary<string, List<XUser>> _followers = [];
    private readonly Dictionary<string, List<XUser>> _following = [];
    private readonly HashSet<string> _muted = [];
    private readonly HashSet<string> _hidden = [];
    private readonly List<FakeRequest> _requests = [];
    private readonly List<(string Method, string PathPrefix, FakeFault Fault, int Remaining)> _faults = [];
    // Snowflake-shaped, from the wall clock: ids grow with time and two fakes (tests sharing one Azurite) never hand out the same id.
    private long _nextId = ((DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 1_288_834_974_657) << 22) + Random.Shared.Next(0, 1 << 20);
    private int _replyAttempts;

    private FakeXServer(TimeProvider time, XCredentials credentials, string accountId)
    {
        _time = time;
        Credentials = credentials;
        AccountId = accountId;
        AcceptCredentials(credentials, accountId);
    }

    /// <summary>Starts the fake on a free loopback port with fresh random credentials (or the given ones) for one account.</summary>
    public static async Task<FakeXServer> StartAsync(
        XCredentials? credentials = null,
        string? accountId = null,
        TimeProvider? time = null,
        CancellationToken ct = default)
    {
        var server = new FakeXServer(time ?? TimeProvider.System, credentials ?? NewCredentials(), accountId ?? "1500000000000000001");
        server._host = await LoopbackServer.StartAsync(server.HandleAsync, ct);
        server.BaseUrl = server._host.Address;
        return server;
    }

    /// <summary>Random credentials of X's shapes (test values only).</summary>
    public static XCredentials NewCredentials() => new(
        "ck" + Convert.ToHexString(RandomNumberGenerator.GetBytes(10)),
        "cs" + Convert.ToHexString(RandomNumberGenerator.GetBytes(20)),
        "1500000000000000001-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)),
        "ts" + Convert.ToHexString(RandomNumberGenerator.GetBytes(20)));

    /// <summary>e.g. http://127.0.0.1:41234 — use as X__BaseUrl.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>The credentials accepted for <see cref="AccountId"/> at start.</summary>
    public XCredentials Credentials { get; }

    public string AccountId { get; }

    /// <summary>Delay before a <see cref="FakeFault.SlowReply"/> answer.</summary>
    public TimeSpan SlowReplyDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>x-rate-limit-reset sent with <see cref="FakeFault.RateLimited"/>; default now + <see cref="RateLimitWindow"/>.</summary>
    public DateTimeOffset? RateLimitReset { get; set; }

    /// <summary>How far ahead of the 429's own time its reset lies when <see cref="RateLimitReset"/> is not set.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a new post takes to appear on the account's timeline (X's reads lag its writes).</summary>
    public TimeSpan TimelineLag { get; set; }

    /// <summary>Answer with the 2026 field names (post_count, edit_history_post_ids) instead of the long-standing ones.</summary>
    public bool Use2026FieldNames { get; set; }

    /// <summary>How far an oauth_timestamp may be from the fake's clock.</summary>
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);

    public IReadOnlyList<FakePost> Posts { get { lock (_gate) { return [.. _posts]; } } }

    /// <summary>Posts neither deleted nor seeded as mentions, for one account.</summary>
    public IReadOnlyList<FakePost> LivePosts(string? accountId = null)
    {
        lock (_gate)
        {
            return [.. _posts.Where(p => !p.Deleted && p.AuthorId == (accountId ?? AccountId))];
        }
    }

    public IReadOnlyList<FakeUpload> Uploads { get { lock (_gate) { return [.. _uploads]; } } }

    public IReadOnlyCollection<string> MutedUserIds { get { lock (_gate) { return [.. _muted]; } } }

    public IReadOnlyCollection<string> HiddenPostIds { get { lock (_gate) { return [.. _hidden]; } } }

    public IReadOnlyList<FakeRequest> Requests { get { lock (_gate) { return [.. _requests]; } } }

    /// <summary>Create-post bodies that carried a "reply" field (the account must never reply; the fake refuses them).</summary>
    public int ReplyAttempts => Volatile.Read(ref _replyAttempts);

    /// <summary>Requests received with this method whose path starts with the prefix (counted whatever the answer).</summary>
    public int RequestCount(string method, string pathPrefix)
    {
        lock (_gate)
        {
            return _requests.Count(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)
                                        && r.Path.StartsWith(pathPrefix, StringComparison.Ordinal));
        }
    }

    /// <summary>Credentials the fake accepts from now on, acting as <paramref name="accountId"/>.</summary>
    public void AcceptCredentials(XCredentials credentials, string accountId)
    {
        lock (_gate)
        {
            _accepted[(credentials.ConsumerKey, credentials.AccessToken)] = (credentials, accountId);
            var suffix = accountId.Length > 4 ? accountId[^4..] : accountId;
            _accounts.TryAdd(accountId, new XUser(accountId, "school" + suffix, "Test Primary School " + suffix,
                "The official account of a test primary school.", CreatedAt: new DateTimeOffset(2015, 9, 1, 8, 0, 0, TimeSpan.Zero)));
        }
    }

    /// <summary>Stops accepting these credentials (as regenerating tokens in X's console would): answers 401 code 89.</summary>
    public void RevokeCredentials(XCredentials credentials)
    {
        lock (_gate)
        {
            _accepted.Remove((credentials.ConsumerKey, credentials.AccessToken));
        }
    }

    /// <summary>Followers of the account, newest first (as X returns them).</summary>
    public void SetFollowers(IEnumerable<XUser> newestFirst, string? accountId = null)
    {
        lock (_gate)
        {
            _followers[accountId ?? AccountId] = [.. newestFirst];
        }
    }

    public void SetFollowing(IEnumerable<XUser> following, string? accountId = null)
    {
        lock (_gate)
        {
            _following[accountId ?? AccountId] = [.. following];
        }
    }

    /// <summary>A post by someone else mentioning the account (id assigned if empty; ids grow with time as X's do).</summary>
    public XPost AddMention(XPost mention, string? accountId = null)
    {
        lock (_gate)
        {
            var id = string.IsNullOrEmpty(mention.Id) ? NextId() : mention.Id;
            var post = mention with { Id = id, CreatedAt = mention.CreatedAt ?? _time.GetUtcNow() };
            _mentionDetails[id] = (post, accountId ?? AccountId);
            return post;
        }
    }

    /// <summary>A post by the account made before the test (e.g. one an earlier, lost create-post call did make).</summary>
    public FakePost AddPost(string text, string? accountId = null, DateTimeOffset? createdAt = null, IReadOnlyList<string>? mediaIds = null)
    {
        lock (_gate)
        {
            var post = new FakePost(NextId(), accountId ?? AccountId, text, mediaIds ?? [], null, createdAt ?? _time.GetUtcNow());
            _posts.Add(post);
            return post;
        }
    }

    /// <summary>The next <paramref name="times"/> requests with this method and path prefix (e.g. "POST", "/2/tweets") get the fault.</summary>
    public void InjectFault(string method, string pathPrefix, FakeFault fault, int times = 1)
    {
        lock (_gate)
        {
            _faults.Add((method.ToUpperInvariant(), pathPrefix, fault, times));
        }
    }

    /// <summary>Removes every fault not yet used.</summary>
    public void ClearFaults()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private string NextId() => (++_nextId).ToString(CultureInfo.InvariantCulture);

    private async Task HandleAsync(HttpContext ctx)
    {
        var request = ctx.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ctx.RequestAborted);
        var bytes = buffer.ToArray();
        var body = Encoding.UTF8.GetString(bytes);
        var path = request.Path.Value ?? "/";
        if (await TryServeMediaAsync(ctx, path)) return;
        var accountId = Authenticate(ctx, body);
        lock (_gate)
        {
            _requests.Add(new FakeRequest(request.Method, path, request.QueryString.Value ?? string.Empty, request.ContentType, body, accountId is not null));
        }

        if (accountId is null)
        {
            await Problem(ctx, 401, "Unauthorized", "Invalid or expired token.", code: 89);
            return;
        }

        var fault = TakeFault(request.Method, path);
        switch (fault)
        {
            case FakeFault.RateLimited:
                var reset = RateLimitReset ?? _time.GetUtcNow().Add(RateLimitWindow);
                ctx.Response.Headers["x-rate-limit-limit"] = "100";
                ctx.Response.Headers["x-rate-limit-remaining"] = "0";
                ctx.Response.Headers["x-rate-limit-reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                await Problem(ctx, 429, "Too Many Requests", "Too Many Requests");
                return;
            case FakeFault.ServerError500:
                await Problem(ctx, 500, "Internal Server Error", "Something went wrong.");
                return;
            case FakeFault.ServiceUnavailable503:
                await Problem(ctx, 503, "Service Unavailable", "Service is temporarily unavailable.");
                return;
            case FakeFault.DuplicateContent:
                await Problem(ctx, 403, "Forbidden", "You are not allowed to create a Tweet with duplicate content.");
                return;
            case FakeFault.SlowReply:
                try
                {
                    await Task.Delay(SlowReplyDelay, ctx.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up; the work still happens, as it would at X.
                }

                break;
        }

        var (status, json) = await DispatchAsync(request.Method, path, ctx.Request.Query, request.ContentType, body, bytes, accountId);
        if (fault == FakeFault.DropConnectionAfterCreate)
        {
            ctx.Abort();
            return;
        }

        if (ctx.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = status >= 400 ? "application/problem+json" : "application/json";
        ctx.Response.Headers["x-rate-limit-limit"] = "100";
        ctx.Response.Headers["x-rate-limit-remaining"] = "99";
        ctx.Response.Headers["x-rate-limit-reset"] = _time.GetUtcNow().AddMinutes(15).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        await ctx.Response.WriteAsync(json.ToJsonString(), ctx.RequestAborted);
    }

    private FakeFault? TakeFault(string method, string path)
    {
        lock (_gate)
        {
            for (var i = 0; i < _faults.Count; i++)
            {
                var f = _faults[i];
                if (f.Method == method.ToUpperInvariant() && path.StartsWith(f.PathPrefix, StringComparison.Ordinal))
                {
                    if (f.Remaining <= 1)
                    {
                        _faults.RemoveAt(i);
                    }
                    else
                    {
                        _faults[i] = f with { Remaining = f.Remaining - 1 };
                    }

                    return f.Fault;
                }
            }
        }

        return null;
    }

    /// <summary>Checks the OAuth 1.0a header independently: known consumer key and token, method, fresh timestamp, unused nonce, signature.</summary>
    private string? Authenticate(HttpContext ctx, string body)
    {
        var oauth = OAuth1Signer.ParseAuthorizationHeader(ctx.Request.Headers.Authorization.ToString());
        if (oauth is null
            || !oauth.TryGetValue("oauth_consumer_key", out var consumerKey)
            || !oauth.TryGetValue("oauth_token", out var token)
            || !oauth.TryGetValue("oauth_signature", out var signature)
            || !oauth.TryGetValue("oauth_nonce", out var nonce) || nonce.Length < 8
            || !oauth.TryGetValue("oauth_timestamp", out var timestamp)
            || oauth.GetValueOrDefault("oauth_signature_method") != OAuth1Signer.SignatureMethod
            || (oauth.TryGetValue("oauth_version", out var version) && version != OAuth1Signer.Version)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return null;
        }

        if ((DateTimeOffset.FromUnixTimeSeconds(seconds) - _time.GetUtcNow()).Duration() > TimestampTolerance)
        {
            return null;
        }

        (XCredentials Credentials, string AccountId) known;
        lock (_gate)
        {
            if (!_accepted.TryGetValue((consumerKey, token), out known) || !_usedNonces.Add($"{consumerKey}|{token}|{timestamp}|{nonce}"))
            {
                return null;
            }
        }

        var url = new Uri($"{ctx.Request.Scheme}://{ctx.Request.Host}{ctx.Request.PathBase}{ctx.Request.Path}{ctx.Request.QueryString}");
        var form = ctx.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
            ? OAuth1Signer.ParseUrlEncoded(body)
            : [];
        var expected = OAuth1Signer.Sign(
            OAuth1Signer.SignatureBaseString(ctx.Request.Method, url, form, oauth),
            known.Credentials.ConsumerSecret,
            known.Credentials.AccessTokenSecret);

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature))
            ? known.AccountId
            : null;
    }

    private async Task<(int Status, JsonNode Json)> DispatchAsync(string method, string path, IQueryCollection query, string? contentType, string body, byte[] bytes, string accountId)
    {
        var segments = path.Trim('/').Split('/');
        try
        {
            if (method == "POST" && path == "/2/media/upload")
            {
                return await UploadAsync(contentType, body, bytes, accountId);
            }

            return (method, segments) switch
            {
                ("GET", ["2", "users", "me"]) => RefusedQuery(query, UserReadParameters) ?? (200, Data(UserJson(Account(accountId)))),
                ("POST", ["2", "tweets"]) => CreatePost(body, accountId),
                ("DELETE", ["2", "tweets", var id]) => DeleteWithinLimit(id, accountId),
                ("PUT", ["2", "tweets", var id, "hidden"]) => Hide(id, body),
                ("POST", ["2", "media", "metadata"]) => Metadata(body),
                ("GET", ["2", "users", var id, "tweets"]) => RefusedQuery(query, PostReadParameters) ?? Timeline(id, query),
                ("GET", ["2", "users", var id, "mentions"]) => RefusedQuery(query, PostReadParameters) ?? MentionsPage(id, query),
                ("GET", ["2", "users", var id, "followers"]) => RefusedQuery(query, UserReadParameters) ?? UsersPage(Users(_followers, id), query),
                ("GET", ["2", "users", var id, "following"]) => RefusedQuery(query, UserReadParameters) ?? UsersPage(Users(_following, id), query),
                ("POST", ["2", "users", var id, "muting"]) => Mute(id, body, accountId),
                _ => ProblemJson(404, "Not Found Error", $"No route {method} {path} on the fake X."),
            };
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or IOException)
        {
            return ProblemJson(400, "Invalid Request", "The request body is not valid: " + ex.GetType().Name);
        }
    }

    private (int, JsonNode) CreatePost(string body, string accountId)
    {
        if (JsonNode.Parse(body) is not JsonObject json)
        {
            return ProblemJson(400, "Invalid Request", "The body must be a JSON object.");
        }

        if (json.Select(p => p.Key).FirstOrDefault(k => !PostFields.Contains(k)) is { } unknown)
        {
            return ProblemJson(400, "Invalid Request", $"[{unknown}] is not one of the allowed fields.");
        }

        if (json.ContainsKey("reply"))
        {
            Interlocked.Increment(ref _replyAttempts);
            return ProblemJson(403, "Forbidden", "Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to.");
        }

        var text = json["text"]?.GetValue<string>() ?? string.Empty;
        var mediaIds = (json["media"]?["media_ids"] as JsonArray)?.Select(n => n!.GetValue<string>()).ToList() ?? [];
        var replySettings = json["reply_settings"]?.GetValue<string>();
        if (text.Length == 0 && mediaIds.Count == 0)
        {
            return ProblemJson(400, "Invalid Request", "The text field is required when there is no media.");
        }

        if (mediaIds.Count > 4 || (json.ContainsKey("media") && mediaIds.Count == 0))
        {
            return ProblemJson(400, "Invalid Request", "media.media_ids must hold 1 to 4 ids.");
        }

        if (replySettings is not null && !ReplySettingValues.Contains(replySettings))
        {
            return ProblemJson(400, "Invalid Request", $"reply_settings '{replySettings}' is not allowed.");
        }

        lock (_gate)
        {
            if (mediaIds.FirstOrDefault(id => !_uploads.Any(u => u.MediaId == id && u.AccountId == accountId)) is { } missing)
            {
                return ProblemJson(400, "Invalid Request", $"Media id {missing} was not uploaded by this account.");
            }

            if (_posts.Any(p => !p.Deleted && p.AuthorId == accountId && p.Text == text && text.Length > 0))
            {
                return ProblemJson(403, "Forbidden", "You are not allowed to create a Tweet with duplicate content.");
            }

            var post = new FakePost(NextId(), accountId, text, mediaIds, replySettings, _time.GetUtcNow());
            _posts.Add(post);
            var history = new JsonArray(JsonValue.Create(post.Id));
            return (201, Data(new JsonObject
            {
                ["id"] = post.Id,
                ["text"] = post.Text,
                [Use2026FieldNames ? "edit_history_post_ids" : "edit_history_tweet_ids"] = history,
            }));
        }
    }

    private (int, JsonNode) DeletePost(string id, string accountId)
    {
        lock (_gate)
        {
            var index = _posts.FindIndex(p => p.Id == id && p.AuthorId == accountId && !p.Deleted);
            if (index < 0)
            {
                return ProblemJson(404, "Not Found Error", $"Could not find post with id: [{id}].");
            }

            _posts[index] = _posts[index] with { Deleted = true };
            return (200, Data(new JsonObject { ["deleted"] = true }));
        }
    }

    private (int, JsonNode) Hide(string id, string body)
    {
        var hidden = JsonNode.Parse(body)?["hidden"]?.GetValue<bool>();
        if (hidden is null)
        {
            return ProblemJson(400, "Invalid Request", "The hidden field is required.");
        }

        lock (_gate)
        {
            if (!IsKnownPost(id))
            {
                return NotDone("tweet", "tweet_id", id, $"Could not find tweet with id: [{id}].");
            }

            if (hidden.Value)
            {
                _hidden.Add(id);
            }
            else
            {
                _hidden.Remove(id);
            }
        }

        return (200, Data(new JsonObject { ["hidden"] = hidden.Value }));
    }

    private async Task<(int, JsonNode)> UploadAsync(string? contentType, string body, byte[] raw, string accountId)
    {
        byte[] bytes;
        string? mediaType;
        string? category;
        if (contentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true)
        {
            var form = await ParseMultipartAsync(contentType, raw);
            if (UnknownUploadField(form.Keys) is { } unknownField)
            {
                return ProblemJson(400, "Invalid Request", $"[{unknownField}] is not one of the allowed fields.");
            }

            if (!form.TryGetValue("media", out var media))
            {
                return ProblemJson(400, "Invalid Request", "The media field is required.");
            }

            bytes = media.Bytes;
            mediaType = media.ContentType;
            category = form.TryGetValue("media_category", out var c) ? Encoding.UTF8.GetString(c.Bytes) : null;
        }
        else if (JsonNode.Parse(body) is JsonObject json && json["media"]?.GetValue<string>() is { } base64)
        {
            if (UnknownUploadField(json.Select(p => p.Key)) is { } unknownField)
            {
                return ProblemJson(400, "Invalid Request", $"[{unknownField}] is not one of the allowed fields.");
            }

            bytes = Convert.FromBase64String(base64);
            mediaType = null; // X reads the type from the bytes.
            category = json["media_category"]?.GetValue<string>();
        }
        else
        {
            return ProblemJson(400, "Invalid Request", "Send the media as multipart/form-data or JSON base64.");
        }

        if (bytes.Length == 0 || bytes.Length > 5 * 1024 * 1024)
        {
            return ProblemJson(400, "Invalid Request", "Images must be 1 byte to 5 MB.");
        }

        lock (_gate)
        {
            var id = NextId();
            _uploads.Add(new FakeUpload(id, bytes, mediaType, category, accountId));
            return (200, Data(new JsonObject
            {
                ["id"] = id,
                ["media_key"] = "3_" + id,
                ["size"] = bytes.Length,
                ["expires_after_secs"] = 86400,
                ["image"] = new JsonObject { ["image_type"] = mediaType },
            }));
        }
    }

    /// <summary>Multipart parts by name, as raw bytes.</summary>
    private static async Task<Dictionary<string, (byte[] Bytes, string? ContentType)>> ParseMultipartAsync(string contentType, byte[] raw)
    {
        var boundary = Microsoft.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType).Boundary.ToString().Trim('"');
        var reader = new Microsoft.AspNetCore.WebUtilities.MultipartReader(boundary, new MemoryStream(raw));
        var parts = new Dictionary<string, (byte[] Bytes, string? ContentType)>(StringComparer.Ordinal);
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = Microsoft.Net.Http.Headers.ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            using var part = new MemoryStream();
            await section.Body.CopyToAsync(part);
            parts[disposition.Name.ToString().Trim('"')] = (part.ToArray(), section.ContentType);
        }

        return parts;
    }

    private (int, JsonNode) Metadata(string body)
    {
        var json = JsonNode.Parse(body);
        var id = json?["id"]?.GetValue<string>();
        var alt = json?["metadata"]?["alt_text"]?["text"]?.GetValue<string>();
        if (id is null || alt is null)
        {
            return ProblemJson(400, "Invalid Request", "id and metadata.alt_text.text are required.");
        }

        if (alt.Length > 1000)
        {
            return ProblemJson(400, "Invalid Request", "Alt text is limited to 1000 characters.");
        }

        lock (_gate)
        {
            var upload = _uploads.FirstOrDefault(u => u.MediaId == id);
            if (upload is null)
            {
                return NotDone("media", "id", id, $"Could not find media with id: [{id}].");
            }

            upload.AltText = alt;
        }

        return (200, Data(new JsonObject { ["id"] = id, ["associated_metadata"] = new JsonObject { ["alt_text"] = new JsonObject { ["text"] = alt } } }));
    }

    private (int, JsonNode) Mute(string id, string body, string accountId)
    {
        if (id != accountId)
        {
            return ProblemJson(403, "Forbidden", "You can only mute on behalf of the authenticated user.");
        }

        var target = JsonNode.Parse(body)?["target_user_id"]?.GetValue<string>();
        if (string.IsNullOrEmpty(target))
        {
            return ProblemJson(400, "Invalid Request", "target_user_id is required.");
        }

        lock (_gate)
        {
            if (!IsKnownUser(target))
            {
                return NotDone("user", "target_user_id", target, $"Could not find user with id: [{target}].");
            }

            _muted.Add(target);
        }

        return (200, Data(new JsonObject { ["muting"] = true }));
    }

    private List<JsonObject> OwnPosts(string accountId, ISet<string> fields)
    {
        lock (_gate)
        {
            var visibleBefore = _time.GetUtcNow() - TimelineLag;
            var username = _accounts.TryGetValue(accountId, out var account) ? account.Username : "i";
            return _posts.Where(p => p.AuthorId == accountId && !p.Deleted && p.CreatedAt <= visibleBefore)
                .OrderByDescending(p => long.Parse(p.Id, CultureInfo.InvariantCulture))
                .Select(p =>
                {
                    var json = PostJson(new XPost(p.Id, p.Text, p.AuthorId, p.Id, CreatedAt: p.CreatedAt));
                    FakePostRendering.Render(json, p, username, fields);
                    return json;
                })
                .ToList();
        }
    }

    /// <summary>The post fields asked for (tweet.fields, or post.fields in the 2026 spec).</summary>
    private static HashSet<string> RequestedPostFields(IQueryCollection query) =>
        [.. new[] { "tweet.fields", "post.fields" }.SelectMany(name => query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries)))];

    private List<JsonObject> Mentions(string accountId, string? sinceId)
    {
        var since = long.TryParse(sinceId, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        lock (_gate)
        {
            return _mentionDetails.Values
                .Where(m => m.MentionedAccount == accountId && long.Parse(m.Post.Id, CultureInfo.InvariantCulture) > since)
                .OrderByDescending(m => long.Parse(m.Post.Id, CultureInfo.InvariantCulture))
                .Select(m => PostJson(m.Post))
                .ToList();
        }
    }

    private List<JsonObject> Users(Dictionary<string, List<XUser>> source, string accountId)
    {
        lock (_gate)
        {
            return source.TryGetValue(accountId, out var users) ? users.Select(UserJson).ToList() : [];
        }
    }

    private (int, JsonNode) PostsPage(List<JsonObject> all, IQueryCollection query, int min, int max, int fallback) =>
        Page(all, query, min, max, fallback, newest: true);

    private (int, JsonNode) UsersPage(List<JsonObject> all, IQueryCollection query) =>
        Page(all, query, 1, 1000, 100, newest: false);

    private static (int, JsonNode) Page(List<JsonObject> all, IQueryCollection query, int min, int max, int fallback, bool newest)
    {
        var size = fallback;
        if (query.TryGetValue("max_results", out var m))
        {
            if (!int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < min || size > max)
            {
                return ProblemJson(400, "Invalid Request", $"The `max_results` query parameter value [{m}] is not between {min} and {max}");
            }
        }

        var offset = 0;
        if (query.TryGetValue("pagination_token", out var token))
        {
            if (!TryReadToken(token.ToString(), out offset))
            {
                return ProblemJson(400, "Invalid Request", "The `pagination_token` query parameter value is not valid.");
            }
        }

        var page = all.Skip(offset).Take(size).ToList();
        var meta = new JsonObject { ["result_count"] = page.Count };
        if (offset + size < all.Count)
        {
            meta["next_token"] = Convert.ToBase64String(Encoding.ASCII.GetBytes("o" + (offset + size).ToString(CultureInfo.InvariantCulture))).TrimEnd('=');
        }

        if (newest && page.Count > 0)
        {
            meta["newest_id"] = page[0]["id"]!.GetValue<string>();
            meta["oldest_id"] = page[^1]["id"]!.GetValue<string>();
        }

        var result = new JsonObject();
        if (page.Count > 0)
        {
            result["data"] = new JsonArray(page.Select(p => (JsonNode)p.DeepClone()).ToArray());
        }

        result["meta"] = meta;
        return (200, result);
    }

    private static bool TryReadToken(string token, out int offset)
    {
        offset = 0;
        try
        {
            var padded = token + new string('=', (4 - token.Length % 4) % 4);
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(padded));
            return text.StartsWith('o') && int.TryParse(text[1..], NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private XUser Account(string accountId)
    {
        lock (_gate)
        {
            var user = _accounts[accountId];
            return user with
            {
                FollowersCount = _followers.TryGetValue(accountId, out var f) ? f.Count : 0,
                FollowingCount = _following.TryGetValue(accountId, out var g) ? g.Count : 0,
                PostCount = _posts.Count(p => p.AuthorId == accountId && !p.Deleted),
            };
        }
    }

    private JsonObject UserJson(XUser u)
    {
        var metrics = new JsonObject
        {
            ["followers_count"] = u.FollowersCount,
            ["following_count"] = u.FollowingCount,
            [Use2026FieldNames ? "post_count" : "tweet_count"] = u.PostCount,
            ["listed_count"] = 0,
        };
        var json = new JsonObject
        {
            ["id"] = u.Id,
            ["username"] = u.Username,
            ["name"] = u.Name,
            ["public_metrics"] = metrics,
            ["protected"] = false,
            ["verified"] = false,
        };
        if (u.Description is not null) { json["description"] = u.Description; }
        if (u.CreatedAt is { } created) { json["created_at"] = created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture); }
        if (u.Url is not null)
        {
            // As X answers: "url" is the t.co link, the site itself is in entities.url.urls.
            var shortLink = $"https://t.co/{u.Id}";
            json["url"] = shortLink;
            json["entities"] = new JsonObject
            {
                ["url"] = new JsonObject
                {
                    ["urls"] = new JsonArray(new JsonObject
                    {
                        ["start"] = 0, ["end"] = shortLink.Length, ["url"] = shortLink, ["expanded_url"] = u.Url,
                        ["display_url"] = u.Url.Replace("https://", "", StringComparison.Ordinal),
                    }),
                },
            };
        }
        if (u.Location is not null) { json["location"] = u.Location; }
        json["profile_image_url"] = u.ProfileImageUrl
            ?? (u.DefaultProfileImage
                ? "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png"
                : $"https://pbs.twimg.com/profile_images/{u.Id}/photo_normal.jpg");
        return json;
    }

    private JsonObject PostJson(XPost p)
    {
        var json = new JsonObject
        {
            ["id"] = p.Id,
            ["text"] = p.Text,
            [Use2026FieldNames ? "edit_history_post_ids" : "edit_history_tweet_ids"] = new JsonArray(JsonValue.Create(p.Id)),
        };
        if (p.AuthorId is not null) { json["author_id"] = p.AuthorId; }
        json["conversation_id"] = p.ConversationId ?? p.Id;
        if (p.InReplyToUserId is not null) { json["in_reply_to_user_id"] = p.InReplyToUserId; }
        if (p.ReferencedPosts is { Count: > 0 } refs)
        {
            json[Use2026FieldNames ? "referenced_posts" : "referenced_tweets"] =
                new JsonArray(refs.Select(r => (JsonNode)new JsonObject { ["type"] = r.Type, ["id"] = r.Id }).ToArray());
        }

        if (p.CreatedAt is { } created) { json["created_at"] = created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture); }
        return json;
    }

    private static JsonObject Data(JsonNode data) => new() { ["data"] = data };

    private static (int, JsonNode) ProblemJson(int status, string title, string detail, int? code = null)
    {
        var json = new JsonObject { ["title"] = title, ["detail"] = detail, ["type"] = "about:blank", ["status"] = status };
        if (code is not null)
        {
            json["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = detail });
        }

        return (status, json);
    }

    private static async Task Problem(HttpContext ctx, int status, string title, string detail, int? code = null)
    {
        var (_, json) = ProblemJson(status, title, detail, code);
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/problem+json";
        await ctx.Response.WriteAsync(json.ToJsonString(), ctx.RequestAborted);
    }
}
