using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SchoolTwitter.Application.X;

namespace SchoolTwitter.Testing.FakeX;

/// <summary>
/// What issue 13 needs of the fake: pictures with alt text on the timeline (expansions=attachments.media_keys gives
/// includes.media with media_key, type and alt_text, as X does), posts deleted outside the API, and the profile's fields.
/// DELETE /2/tweets/:id answers {"data":{"deleted":true}} and 404 for a post that is gone; faults inject as for any route.
/// </summary>
public sealed partial class FakeXServer
{
    private static readonly TimeSpan DeleteWindow = TimeSpan.FromMinutes(15);
    private DateTimeOffset _deleteWindowStart;
    private int _deletesInWindow;

    /// <summary>
    /// DELETE /2/tweets/:id requests allowed per 15-minute window (X's pay-per-use access: 50); null = no limit. Over it, 429 with
    /// x-rate-limit-reset 15 minutes on, on the fake's clock (a test advances a FakeTimeProvider to reach it).
    /// </summary>
    public int? DeleteLimitPerWindow { get; set; }

    /// <summary>DELETE requests X answered (whatever the answer), for "nothing deleted twice" checks.</summary>
    public int DeleteRequests => RequestCount("DELETE", "/2/tweets/");

    private (int, JsonNode) DeleteWithinLimit(string id, string accountId)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (now - _deleteWindowStart >= DeleteWindow)
            {
                _deleteWindowStart = now;
                _deletesInWindow = 0;
            }
            if (DeleteLimitPerWindow is { } limit && ++_deletesInWindow > limit)
            {
                return ProblemJson(429, "Too Many Requests", "Too Many Requests");
            }
        }
        return DeletePost(id, accountId);
    }

    /// <summary>A post by the account with pictures (one upload per alt text; null for a picture without alt text).</summary>
    public FakePost AddPostWithPictures(string text, IReadOnlyList<string?> altTexts, DateTimeOffset? createdAt = null, string? accountId = null)
    {
        var account = accountId ?? AccountId;
        var mediaIds = new List<string>();
        lock (_gate)
        {
            foreach (var alt in altTexts)
            {
                var upload = new FakeUpload(NextId(), [0xFF, 0xD8, 0xFF], "image/jpeg", "tweet_image", account) { AltText = alt };
                _uploads.Add(upload);
                mediaIds.Add(upload.MediaId);
            }
        }
        return AddPost(text, account, createdAt, mediaIds);
    }

    /// <summary>Deletes a post as someone would in the X app: the API then answers 404 for it.</summary>
    public void DeleteOutsideApi(string postId)
    {
        lock (_gate)
        {
            var index = _posts.FindIndex(p => p.Id == postId);
            if (index >= 0) _posts[index] = _posts[index] with { Deleted = true };
        }
    }

    /// <summary>Changes the account's profile (null leaves a field as it is; "" clears it).</summary>
    public void SetProfile(string? name = null, string? description = null, string? url = null, string? accountId = null)
    {
        lock (_gate)
        {
            var id = accountId ?? AccountId;
            var user = _accounts[id];
            _accounts[id] = user with
            {
                Name = name ?? user.Name,
                Description = description is null ? user.Description : description.Length == 0 ? null : description,
                Url = url is null ? user.Url : url.Length == 0 ? null : url,
            };
        }
    }

    public XUser Profile(string? accountId = null)
    {
        lock (_gate)
        {
            return _accounts[accountId ?? AccountId];
        }
    }

    /// <summary>GET /2/users/:id/tweets: a page of own posts, with includes.media for the page's pictures when expanded.</summary>
    private (int, JsonNode) Timeline(string accountId, IQueryCollection query)
    {
        var fields = RequestedPostFields(query);
        var expanded = query["expansions"].Any(v => (v ?? "").Split(',').Contains("attachments.media_keys"));
        if (expanded) fields.Add("attachments");
        var (status, json) = PostsPage(OwnPosts(accountId, fields), query, 5, 100, 10);
        if (status != 200 || !expanded || json["data"] is not JsonArray page) return (status, json);

        var mediaFields = query["media.fields"].SelectMany(v => (v ?? "").Split(',')).ToHashSet();
        var media = new JsonArray();
        lock (_gate)
        {
            foreach (var key in page.SelectMany(p => (p?["attachments"]?["media_keys"] as JsonArray) ?? []).Select(k => k!.GetValue<string>()))
            {
                var upload = _uploads.FirstOrDefault(u => FakePostRendering.MediaKey(u.MediaId) == key);
                var item = new JsonObject { ["media_key"] = key, ["type"] = "photo" };
                if (mediaFields.Contains("alt_text") && upload?.AltText is { } alt) item["alt_text"] = alt;
                media.Add(item);
            }
        }
        if (media.Count > 0) json["includes"] = new JsonObject { ["media"] = media };
        return (status, json);
    }
}
