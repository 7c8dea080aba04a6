using SchoolTwitter.Core.Followers;

namespace SchoolTwitter.Application.Followers;

/// <summary>A follower the school knows about, keyed by the school's account id and the follower's id.</summary>
/// <param name="Following">False once a reconciliation found the account no longer follows.</param>
/// <param name="FirstSeenAt">Null for an account a reconciliation pass recorded but has not yet assessed.</param>
/// <param name="AddedInRun">The scan run that first recorded it (a replayed page of the same run is not "already known").</param>
/// <param name="LastSeenPass">The last reconciliation pass that saw it among the followers.</param>
public sealed record FollowerRecord(
    FollowerProfile Profile,
    bool Following,
    DateTimeOffset? FirstSeenAt,
    string? AddedInRun,
    string? LastSeenPass,
    DateTimeOffset? UnfollowedAt,
    FollowerSuggestion? Suggestion)
{
    public string FollowerId => Profile.Id;
}

public enum ReviewKind
{
    Follower,
    Mention,
    Reply,
}

public enum ReviewStatus
{
    /// <summary>Awaiting an SLT decision.</summary>
    Pending,

    /// <summary>SLT decided to keep the follower (or leave the post).</summary>
    Kept,

    /// <summary>SLT decided to block: muted through the API; blocking and reporting are done by a person in the X app.</summary>
    Blocked,

    /// <summary>A reconciliation found the blocked account no longer follows.</summary>
    BlockConfirmed,
}

/// <summary>One account (or one mention or reply) for SLT to decide on.</summary>
/// <param name="Id">The follower id, or "post-{id}" for a mention or reply.</param>
/// <param name="UserId">The account to mute if SLT decide to block.</param>
public sealed record FollowerReviewItem(
    string Id,
    ReviewKind Kind,
    string UserId,
    string? Handle,
    string? Name,
    string ProfileLink,
    FollowerSuggestion Suggestion,
    IReadOnlyList<FollowerReason> Reasons,
    DateTimeOffset FlaggedAt,
    ReviewStatus Status = ReviewStatus.Pending,
    int FollowersCount = 0,
    int FollowingCount = 0,
    string? PostId = null,
    string? PostText = null,
    string? PostLink = null,
    bool ReplyHidden = false,
    bool Muted = false,
    string? DecidedBy = null,
    string? DecisionReason = null,
    DateTimeOffset? DecidedAt = null,
    DateTimeOffset? ConfirmedAt = null,
    string? PictureUrl = null)
{
    public static string PostReviewId(string postId) => $"post-{postId}";
}

/// <summary>An account the school may follow, with why (its category).</summary>
public sealed record ApprovedFollow(string Handle, string Category, string? Note, string AddedBy, DateTimeOffset AddedAt);

/// <summary>An account the school follows that is not on the approved list.</summary>
public sealed record UnapprovedFollow(string UserId, string Handle, string Name);
