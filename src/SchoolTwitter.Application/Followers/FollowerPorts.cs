using SchoolTwitter.Core.Followers;

namespace SchoolTwitter.Application.Followers;

/// <summary>The known-followers set (Azure Table "Followers"). Reads and writes are per page: nothing holds all followers.</summary>
public interface IFollowerStore
{
    /// <summary>The records among <paramref name="followerIds"/> that exist (following or not).</summary>
    Task<IReadOnlyDictionary<string, FollowerRecord>> FindAsync(string accountId, IReadOnlyCollection<string> followerIds, CancellationToken ct);

    /// <summary>Inserts or replaces whole records.</summary>
    Task SaveAsync(string accountId, IReadOnlyList<FollowerRecord> records, CancellationToken ct);

    /// <summary>
    /// Records that a reconciliation pass saw these accounts among the followers: profile fields, Following = true and LastSeenPass
    /// are merged in; the rest of an existing record (first seen, suggestion) is kept. Idempotent for a replayed page.
    /// </summary>
    Task MarkSeenAsync(string accountId, string passId, IReadOnlyList<FollowerProfile> page, CancellationToken ct);

    /// <summary>Every record of the account, streamed page by page.</summary>
    IAsyncEnumerable<FollowerRecord> ListAsync(string accountId, CancellationToken ct);
}

/// <summary>Small named JSON checkpoints per account (scan run, mentions since-id).</summary>
public interface IFollowerCheckpointStore
{
    Task<string?> GetAsync(string accountId, string name, CancellationToken ct);

    Task SetAsync(string accountId, string name, string json, CancellationToken ct);
}

/// <summary>The review list (Azure Table "FollowerReview").</summary>
public interface IFollowerReviewStore
{
    Task<FollowerReviewItem?> GetAsync(string accountId, string id, CancellationToken ct);

    /// <summary>Adds the item unless one with its id exists (a decided item is never reopened by a re-scan); true when added.</summary>
    Task<bool> AddIfAbsentAsync(string accountId, FollowerReviewItem item, CancellationToken ct);

    Task SaveAsync(string accountId, FollowerReviewItem item, CancellationToken ct);

    /// <summary>Items with the given status, streamed.</summary>
    IAsyncEnumerable<FollowerReviewItem> ListAsync(string accountId, ReviewStatus status, CancellationToken ct);
}

/// <summary>The follow policy's approved list (Azure Table "ApprovedFollows").</summary>
public interface IApprovedFollowStore
{
    Task<ApprovedFollow?> GetAsync(string accountId, string handle, CancellationToken ct);

    Task SaveAsync(string accountId, ApprovedFollow follow, CancellationToken ct);

    /// <summary>True when it existed.</summary>
    Task<bool> RemoveAsync(string accountId, string handle, CancellationToken ct);

    IAsyncEnumerable<ApprovedFollow> ListAsync(string accountId, CancellationToken ct);
}
