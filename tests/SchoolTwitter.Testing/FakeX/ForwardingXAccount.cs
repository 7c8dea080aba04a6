using SchoolTwitter.Application.X;

namespace SchoolTwitter.Testing.FakeX;

/// <summary>
/// Passes every call to the real X client; a test's decorator overrides only the call it observes, holds or breaks, so a new
/// X call needs adding here once, not to every decorator.
/// </summary>
public abstract class ForwardingXAccount(IXAccount inner) : IXAccount
{
    protected IXAccount Inner => inner;

    public virtual Task<XUser> GetMeAsync(CancellationToken ct) => inner.GetMeAsync(ct);
    public virtual Task<XUser> GetMeAsync(XCredentials credentials, CancellationToken ct) => inner.GetMeAsync(credentials, ct);
    public virtual Task<XPost> CreatePostAsync(XNewPost post, CancellationToken ct) => inner.CreatePostAsync(post, ct);
    public virtual Task<string> UploadImageAsync(ReadOnlyMemory<byte> image, string mediaType, CancellationToken ct) => inner.UploadImageAsync(image, mediaType, ct);
    public virtual Task SetAltTextAsync(string mediaId, string altText, CancellationToken ct) => inner.SetAltTextAsync(mediaId, altText, ct);
    public virtual Task<XPage<XPost>> GetRecentPostsAsync(string userId, int maxResults, string? paginationToken, CancellationToken ct) => inner.GetRecentPostsAsync(userId, maxResults, paginationToken, ct);
    public virtual Task<XPage<XUser>> GetFollowersAsync(string userId, string? paginationToken, CancellationToken ct, int? maxResults = null) => inner.GetFollowersAsync(userId, paginationToken, ct, maxResults);
    public virtual Task<XPage<XUser>> GetFollowingAsync(string userId, string? paginationToken, CancellationToken ct) => inner.GetFollowingAsync(userId, paginationToken, ct);
    public virtual Task<XPage<XPost>> GetMentionsAsync(string userId, string? sinceId, string? paginationToken, CancellationToken ct) => inner.GetMentionsAsync(userId, sinceId, paginationToken, ct);
    public virtual Task MuteAsync(string userId, string targetUserId, CancellationToken ct) => inner.MuteAsync(userId, targetUserId, ct);
    public virtual Task HideReplyAsync(string postId, CancellationToken ct) => inner.HideReplyAsync(postId, ct);
    public virtual Task DeletePostAsync(string postId, CancellationToken ct) => inner.DeletePostAsync(postId, ct);
    public virtual Task<XPage<XTimelinePost>> GetTimelinePageAsync(string userId, string? paginationToken, CancellationToken ct) => inner.GetTimelinePageAsync(userId, paginationToken, ct);
    public virtual Task<XProfile> GetProfileAsync(CancellationToken ct) => inner.GetProfileAsync(ct);
}
