using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SchoolTwitter.Application.X;

namespace SchoolTwitter.Testing.FakeX;

/// <summary>A picture or video attached to a seeded mention.</summary>
/// <param name="Bytes">What the media host serves for a photo.</param>
/// <param name="Type">photo, video or animated_gif (only a photo has a url).</param>
/// <param name="Status">What the media host answers (404: the picture was deleted).</param>
/// <param name="InIncludes">False to play an X that sends the media key but not the media object.</param>
/// <param name="SendLength">False to serve the photo without a Content-Length.</param>
public sealed record FakeMedia(byte[]? Bytes, string Type = "photo", int Status = 200, bool InIncludes = true, bool SendLength = true);

/// <summary>
/// Mentions with media, as X API v2 answers them: <c>attachments.media_keys</c> when post.fields asks for attachments, and
/// <c>includes.media</c> (media_key, type, and url for a photo when media.fields asks for it) when expansions asks for
/// attachments.media_keys. Photos are served at {BaseUrl}/media/{key}.jpg without credentials, as X's media host serves them.
/// </summary>
public sealed partial class FakeXServer
{
    private const string MediaPath = "/media/";

    private readonly Dictionary<string, FakeMedia> _media = [];
    private readonly List<(string Key, bool Authorized)> _mediaDownloads = [];

    /// <summary>A mention carrying media (keys assigned), as <see cref="AddMention(XPost, string?)"/> otherwise.</summary>
    public XPost AddMention(XPost mention, IReadOnlyList<FakeMedia> media, string? accountId = null)
    {
        lock (_gate)
        {
            var keys = new List<string>();
            foreach (var m in media)
            {
                var key = "3_" + NextId();
                _media[key] = m;
                keys.Add(key);
            }
            return AddMention(mention with { MediaKeys = keys }, accountId);
        }
    }

    /// <summary>The media host's downloads: which key, and whether the request carried an Authorization header.</summary>
    public IReadOnlyList<(string Key, bool Authorized)> MediaDownloads { get { lock (_gate) { return [.. _mediaDownloads]; } } }

    public string MediaUrl(string key) => $"{BaseUrl}{MediaPath}{key}.jpg";

    private (int, JsonNode) MentionsPage(string accountId, IQueryCollection query)
    {
        var fields = RequestedPostFields(query);
        var posts = Mentions(accountId, query["since_id"]);
        if (fields.Contains("attachments"))
        {
            lock (_gate)
            {
                foreach (var json in posts)
                {
                    if (_mentionDetails[json["id"]!.GetValue<string>()].Post.MediaKeys is { Count: > 0 } keys)
                    {
                        json["attachments"] = new JsonObject { ["media_keys"] = new JsonArray([.. keys.Select(k => (JsonNode)k)]) };
                    }
                }
            }
        }

        var (status, page) = PostsPage(posts, query, 5, 100, 10);
        var expansions = query["expansions"].SelectMany(v => (v ?? "").Split(',')).ToHashSet(StringComparer.Ordinal);
        if (status != 200 || !expansions.Contains("attachments.media_keys") || page["data"] is not JsonArray data) return (status, page);

        var mediaFields = query["media.fields"].SelectMany(v => (v ?? "").Split(',')).ToHashSet(StringComparer.Ordinal);
        var included = new JsonArray();
        lock (_gate)
        {
            foreach (var key in data.SelectMany(p => p!["attachments"]?["media_keys"]?.AsArray() ?? []).Select(k => k!.GetValue<string>()).Distinct())
            {
                if (!_media.TryGetValue(key, out var m) || !m.InIncludes) continue;
                var item = new JsonObject { ["media_key"] = key, ["type"] = m.Type };
                if (m.Type == "photo" && mediaFields.Contains("url")) item["url"] = MediaUrl(key);
                included.Add(item);
            }
        }
        if (included.Count > 0) page["includes"] = new JsonObject { ["media"] = included };
        return (status, page);
    }

    /// <summary>GET {BaseUrl}/media/{key}.jpg: the photo's bytes, no credentials needed; true when the request was for media.</summary>
    private async Task<bool> TryServeMediaAsync(HttpContext ctx, string path)
    {
        if (!path.StartsWith(MediaPath, StringComparison.Ordinal) || ctx.Request.Method != "GET") return false;
        var key = Path.GetFileNameWithoutExtension(path[MediaPath.Length..]);
        FakeMedia? media;
        lock (_gate)
        {
            _mediaDownloads.Add((key, ctx.Request.Headers.Authorization.Count > 0));
            media = _media.GetValueOrDefault(key);
        }

        if (media?.Bytes is null || media.Type != "photo" || media.Status != 200)
        {
            ctx.Response.StatusCode = media is null || media.Status == 200 ? 404 : media.Status;
            return true;
        }

        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "image/jpeg";
        if (media.SendLength) ctx.Response.ContentLength = media.Bytes.Length;
        await ctx.Response.Body.WriteAsync(media.Bytes, ctx.RequestAborted);
        return true;
    }

}
