using Microsoft.Extensions.Options;
using SchoolTwitter.Application.Followers;

namespace SchoolTwitter.Application.Page;

/// <summary>
/// The review list as SLT's page shows it: followers awaiting a decision and those blocked lately (to see whether a
/// reconciliation confirmed the block), or the replies and mentions moderation flagged, decided or not.
/// </summary>
public sealed class ReviewItems(IFollowerReviewStore review, TimeProvider time, IOptions<FollowerOptions> options)
{
    /// <summary>How long a decided item stays on the page.</summary>
    public const int DecidedDays = 90;

    private static readonly ReviewStatus[] Every = Enum.GetValues<ReviewStatus>();

    public Task<IReadOnlyList<FollowerReviewItem>> FollowersAsync(CancellationToken ct) => ListAsync(k => k == ReviewKind.Follower, ct);

    public Task<IReadOnlyList<FollowerReviewItem>> PostsAsync(CancellationToken ct) => ListAsync(k => k != ReviewKind.Follower, ct);

    private async Task<IReadOnlyList<FollowerReviewItem>> ListAsync(Func<ReviewKind, bool> kind, CancellationToken ct)
    {
        var since = time.GetUtcNow().AddDays(-DecidedDays);
        var items = new List<FollowerReviewItem>();
        foreach (var status in Every)
        {
            await foreach (var item in review.ListAsync(options.Value.AccountId, status, ct))
            {
                if (kind(item.Kind) && (status == ReviewStatus.Pending || (item.DecidedAt ?? item.FlaggedAt) >= since)) items.Add(item);
            }
        }
        // Awaiting a decision first (most serious first), then the decided ones, newest first.
        return [.. items.OrderBy(i => i.Status == ReviewStatus.Pending ? 0 : 1)
            .ThenByDescending(i => i.Status == ReviewStatus.Pending ? (int)i.Suggestion : 0)
            .ThenByDescending(i => i.DecidedAt ?? i.FlaggedAt)];
    }
}
