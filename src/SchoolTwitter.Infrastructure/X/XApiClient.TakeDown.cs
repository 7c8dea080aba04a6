using SchoolTwitter.Application.X;

namespace SchoolTwitter.Infrastructure.X;

/// <summary>Delete, the full timeline with alt text, and the profile with its links (issue 13), kept apart from the core client.</summary>
public sealed partial class XApiClient
{
    /// <summary>The timeline read for the history audit: text, links, pictures and their alt text, and what a post replied to.</summary>
    public const string TimelineQuery =
        "post.fields=created_at,entities,attachments&expansions=referenced_posts,attachments.media_keys&media.fields=alt_text,type";

    /// <summary>The same in the long-standing names; an X that refuses 2.167's names gets no alt text (no expansions with them).</summary>
    public const string LegacyTimelineQuery = "tweet.fields=created_at,entities,attachments,referenced_tweets";

    public async Task DeletePostAsync(string postId, CancellationToken ct)
    {
        var request = new XRequest(HttpMethod.Delete, $"2/tweets/{Segment(postId)}", null);
        var data = Confirmed(Read(request, await SendAsync(request, null, ct), XJsonContext.Default.XResponseXDeletedDto), "delete post");
        if (data.Deleted != true)
        {
            throw new XApiException(200, $"X answered the delete of post {postId} without deleted: true.");
        }
    }

    public async Task<XPage<XTimelinePost>> GetTimelinePageAsync(string userId, string? paginationToken, CancellationToken ct)
    {
        var path = $"2/users/{Segment(userId)}/tweets?max_results={XTimelineLimits.PageSize}{Token(paginationToken)}";
        return await WithPostFieldFallbackAsync(legacy => ReadTimelineAsync(path, legacy, ct));
    }

    private async Task<XPage<XTimelinePost>> ReadTimelineAsync(string path, bool legacy, CancellationToken ct)
    {
        var request = Get($"{path}&{(legacy ? LegacyTimelineQuery : TimelineQuery)}");
        var page = Read(request, await SendAsync(request, null, ct), XJsonContext.Default.XPageResponseXPostDto);
        var altByKey = (page?.Includes?.Media ?? [])
            .Where(m => m.MediaKey is { Length: > 0 })
            .DistinctBy(m => m.MediaKey)
            .ToDictionary(m => m.MediaKey!, m => m.AltText, StringComparer.Ordinal);
        return ToPage(page, p =>
        {
            var post = ToPost(p);
            var replied = post.ReferencedPosts?.FirstOrDefault(r => r.Type == "replied_to")?.Id;
            var alts = (post.MediaKeys ?? []).Select(k => altByKey.GetValueOrDefault(k)).ToList();
            return new XTimelinePost(post.Id, post.Text, post.CreatedAt, alts, replied, post.Urls);
        });
    }

    public async Task<XProfile> GetProfileAsync(CancellationToken ct)
    {
        var request = Get("2/users/me?user.fields=description,url,entities,public_metrics");
        var dto = Confirmed(Read(request, await SendAsync(request, null, ct), XJsonContext.Default.XResponseXUserDto), "users/me");
        var user = ToUser(dto);
        // The website field and links written in the description both count as linking to the school's site.
        var links = new List<string>();
        if (user.Url is { Length: > 0 } url) links.Add(url);
        links.AddRange(new[] { dto.Entities?.Url, dto.Entities?.Description }
            .SelectMany(section => section?.Urls ?? [])
            .Select(u => u.ExpandedUrl)
            .OfType<string>());
        return new XProfile(user.Id, user.Username, user.Name, user.Description, user.Url, [.. links.Distinct(StringComparer.Ordinal)], user.PostCount);
    }
}
