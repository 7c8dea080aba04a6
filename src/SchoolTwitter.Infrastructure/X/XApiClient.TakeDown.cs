using System.Text.Json;
using SchoolTwitter.Application.X;

namespace SchoolTwitter.Infrastructure.X;

/// <summary>Delete, the full timeline with alt text, and the profile with its links (issue 13), kept apart from the core client.</summary>
public sealed partial class XApiClient
{
    public async Task DeletePostAsync(string postId, CancellationToken ct)
    {
        using var doc = await SendAsync(new XRequest(HttpMethod.Delete, $"2/tweets/{Segment(postId)}", null), null, ct);
        var data = Data(doc, "delete post");
        if (!data.TryGetProperty("deleted", out var deleted) || deleted.ValueKind != JsonValueKind.True)
        {
            throw new XApiException(200, $"X answered the delete of post {postId} without deleted: true.");
        }
    }

    public async Task<XPage<XTimelinePost>> GetTimelinePageAsync(string userId, string? paginationToken, CancellationToken ct)
    {
        var query = $"max_results={XTimelineLimits.PageSize}&{_options.PostFieldsParameter}=created_at,entities,attachments,referenced_tweets"
                    + $"&expansions=attachments.media_keys&media.fields=alt_text,type{Token(paginationToken)}";
        using var doc = await SendAsync(Get($"2/users/{Segment(userId)}/tweets?{query}"), null, ct);
        var altByKey = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (doc is not null && doc.RootElement.TryGetProperty("includes", out var includes) && includes.ValueKind == JsonValueKind.Object
            && includes.TryGetProperty("media", out var media) && media.ValueKind == JsonValueKind.Array)
        {
            foreach (var m in media.EnumerateArray())
            {
                if (Str(m, "media_key") is { } key) altByKey[key] = Str(m, "alt_text");
            }
        }

        return ReadPage(doc, p =>
        {
            var post = ReadPost(p);
            var replied = post.ReferencedPosts?.FirstOrDefault(r => r.Type == "replied_to")?.Id;
            var alts = (post.MediaKeys ?? []).Select(k => altByKey.GetValueOrDefault(k)).ToList();
            return new XTimelinePost(post.Id, post.Text, post.CreatedAt, alts, replied, post.Urls);
        });
    }

    public async Task<XProfile> GetProfileAsync(CancellationToken ct)
    {
        using var doc = await SendAsync(Get("2/users/me?user.fields=description,url,entities,public_metrics"), null, ct);
        var data = Data(doc, "users/me");
        var user = ReadUser(data);
        var links = new List<string>();
        if (user.Url is { Length: > 0 } url) links.Add(url);
        if (data.TryGetProperty("entities", out var entities) && entities.ValueKind == JsonValueKind.Object)
        {
            foreach (var part in new[] { "url", "description" })
            {
                if (entities.TryGetProperty(part, out var section) && section.ValueKind == JsonValueKind.Object
                    && section.TryGetProperty("urls", out var urls) && urls.ValueKind == JsonValueKind.Array)
                {
                    links.AddRange(urls.EnumerateArray().Select(u => Str(u, "expanded_url")).OfType<string>());
                }
            }
        }
        return new XProfile(user.Id, user.Username, user.Name, user.Description, user.Url, links, user.PostCount);
    }
}
