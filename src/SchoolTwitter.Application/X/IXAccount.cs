namespace SchoolTwitter.Application.X;

/// <summary>
/// The school's X account, as far as the code of conduct lets the backend use it (X API v2, OAuth 1.0a user context).
/// Deliberately has no way to reply: the account never replies.
/// </summary>
public partial interface IXAccount
{
    /// <summary>GET /2/users/me with the current credentials.</summary>
    Task<XUser> GetMeAsync(CancellationToken ct);

    /// <summary>GET /2/users/me with the given credentials (to verify new ones before they are installed).</summary>
    Task<XUser> GetMeAsync(XCredentials credentials, CancellationToken ct);

    /// <summary>POST /2/tweets. Never retried automatically: a lost answer throws <see cref="XAmbiguousOutcomeException"/>.</summary>
    Task<XPost> CreatePostAsync(XNewPost post, CancellationToken ct);

    /// <summary>POST /2/media/upload (media_category=tweet_image); returns the media id.</summary>
    Task<string> UploadImageAsync(ReadOnlyMemory<byte> image, string mediaType, CancellationToken ct);

    /// <summary>POST /2/media/metadata with alt text (at most 1,000 characters).</summary>
    Task SetAltTextAsync(string mediaId, string altText, CancellationToken ct);

    /// <summary>GET /2/users/{id}/tweets, newest first.</summary>
    Task<XPage<XPost>> GetRecentPostsAsync(string userId, int maxResults, string? paginationToken, CancellationToken ct);

    /// <summary>
    /// GET /2/users/{id}/followers, newest first. <paramref name="maxResults"/> is the page size (1–1,000; null = 1,000). X charges
    /// per follower returned, so a small page keeps a quiet week cheap. Keep the size unchanged while following a pagination token:
    /// X documents the token as opaque and does not say it survives a different max_results.
    /// </summary>
    Task<XPage<XUser>> GetFollowersAsync(string userId, string? paginationToken, CancellationToken ct, int? maxResults = null);

    /// <summary>GET /2/users/{id}/following.</summary>
    Task<XPage<XUser>> GetFollowingAsync(string userId, string? paginationToken, CancellationToken ct);

    /// <summary>GET /2/users/{id}/mentions since a post id.</summary>
    Task<XPage<XPost>> GetMentionsAsync(string userId, string? sinceId, string? paginationToken, CancellationToken ct);

    /// <summary>POST /2/users/{id}/muting.</summary>
    Task MuteAsync(string userId, string targetUserId, CancellationToken ct);

    /// <summary>PUT /2/tweets/{id}/hidden {"hidden":true}.</summary>
    Task HideReplyAsync(string postId, CancellationToken ct);
}

public sealed record XNewPost(string Text, IReadOnlyList<string> MediaIds, string? ReplySettings);

public sealed record XPost(
    string Id,
    string Text,
    string? AuthorId = null,
    string? ConversationId = null,
    string? InReplyToUserId = null,
    IReadOnlyList<XReferencedPost>? ReferencedPosts = null,
    DateTimeOffset? CreatedAt = null,
    IReadOnlyList<XUrlEntity>? Urls = null,
    IReadOnlyList<string>? MediaKeys = null,
    IReadOnlyList<XMedia>? Media = null);

/// <summary>
/// A picture or video attached to a post (includes.media, matched by media key). <see cref="Url"/> is set for a photo;
/// a video or GIF has none.
/// </summary>
/// <param name="Type">photo, video or animated_gif.</param>
public sealed record XMedia(string MediaKey, string Type, string? Url);

public sealed record XReferencedPost(string Type, string Id);

/// <summary>A link in a post's text (entities.urls): the t.co <see cref="Url"/> X put in the text, and what it stands for.</summary>
/// <param name="MediaKey">Set when the link is the one X appends for the post's photos or video.</param>
public sealed record XUrlEntity(string Url, string? ExpandedUrl, string? DisplayUrl, string? MediaKey);

public sealed record XUser(
    string Id,
    string Username,
    string Name,
    string? Description = null,
    string? ProfileImageUrl = null,
    DateTimeOffset? CreatedAt = null,
    int FollowersCount = 0,
    int FollowingCount = 0,
    int PostCount = 0,
    bool DefaultProfileImage = false,
    string? Url = null,
    string? Location = null);

/// <summary>One page of a paginated read; <see cref="NextToken"/> is null on the last page.</summary>
public sealed record XPage<T>(IReadOnlyList<T> Items, string? NextToken, int? ResultCount = null);

/// <summary>Page sizes X serves.</summary>
public static class XPageLimits
{
    /// <summary>Followers a page: max_results 1–1,000.</summary>
    public const int MaxFollowers = 1000;
}
