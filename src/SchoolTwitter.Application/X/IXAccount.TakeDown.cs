namespace SchoolTwitter.Application.X;

/// <summary>What protection, the history audit and the profile check need of the account (issue 13).</summary>
public partial interface IXAccount
{
    /// <summary>DELETE /2/tweets/{id}. X answering 404 throws <see cref="XApiException"/> with status 404 (the post is gone already).</summary>
    Task DeletePostAsync(string postId, CancellationToken ct);

    /// <summary>
    /// GET /2/users/{id}/tweets, 100 a page, newest first, with each post's pictures' alt text (expansions=attachments.media_keys).
    /// X serves an account's latest 3,200 posts this way.
    /// </summary>
    Task<XPage<XTimelinePost>> GetTimelinePageAsync(string userId, string? paginationToken, CancellationToken ct);

    /// <summary>GET /2/users/me with name, description, url (and the links they stand for) and the post count.</summary>
    Task<XProfile> GetProfileAsync(CancellationToken ct);
}

/// <summary>One of the account's own posts as the timeline serves it (text HTML-escaped by X, links as t.co).</summary>
/// <param name="AltTexts">One entry per picture (null where it has none).</param>
/// <param name="RepliedToPostId">Set when the post was a reply.</param>
public sealed record XTimelinePost(
    string Id,
    string Text,
    DateTimeOffset? CreatedAt,
    IReadOnlyList<string?> AltTexts,
    string? RepliedToPostId = null,
    IReadOnlyList<XUrlEntity>? Urls = null);

/// <param name="Links">What the profile's t.co links stand for (entities.url and entities.description), plus <see cref="Url"/> itself.</param>
public sealed record XProfile(string Id, string Username, string Name, string? Description, string? Url, IReadOnlyList<string> Links, int PostCount);

/// <summary>Page sizes X serves for the timeline.</summary>
public static class XTimelineLimits
{
    public const int PageSize = 100;

    /// <summary>GET /2/users/{id}/tweets reaches back this many posts at most.</summary>
    public const int Reachable = 3200;
}
