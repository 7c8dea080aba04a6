namespace SchoolTwitter.Application.Protection;

/// <summary>Why a pupil must no longer be seen on the school's account.</summary>
public enum ProtectionTrigger
{
    /// <summary>A roster upload turned the pupil's photo consent from Y to N.</summary>
    ConsentWithdrawn,

    /// <summary>A roster upload no longer lists the pupil.</summary>
    LeftRoster,

    /// <summary>SLT marked the pupil "must not be seen" (the reason is in the audit log only).</summary>
    MustNotBeSeen,
}

public enum ProtectionCaseStatus
{
    /// <summary>The posts are listed and SLT alerted; nothing is deleted until one SLT confirmation.</summary>
    AwaitingConfirmation,

    /// <summary>Confirmed: the posts are being deleted (or wait for X's rate limit to reset).</summary>
    TakingDown,

    /// <summary>Every post was tried: removed, already gone, or reported as not removable.</summary>
    Complete,
}

public enum TakeDownState
{
    Pending,
    Removed,

    /// <summary>X says the post no longer exists: it counts as removed.</summary>
    AlreadyGone,

    /// <summary>X refused, or kept failing: a person must remove it in the X app.</summary>
    NotRemoved,
}

/// <summary>
/// One pupil who must no longer be seen, the live posts that pictured or named them, and the drafts held back. The plan
/// (<see cref="TakeDownItem"/>s) is stored before anything is deleted, so a run that dies half way is resumed, not repeated.
/// Holds the pupil's id and initials, never the name or the reason.
/// </summary>
public sealed record ProtectionCase
{
    public required string Id { get; init; }
    public required string PupilId { get; init; }
    public required string PupilInitials { get; init; }
    public required ProtectionTrigger Trigger { get; init; }
    public required string OpenedBy { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }
    public required ProtectionCaseStatus Status { get; init; }
    public IReadOnlyList<string> BlockedDraftIds { get; init; } = [];
    public string? ConfirmedBy { get; init; }
    public DateTimeOffset? ConfirmedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>A take-down run holds the case until then; another run that finds it held leaves it alone.</summary>
    public DateTimeOffset? RunHeldUntil { get; init; }

    /// <summary>When X's rate limit stopped the run: it carries on then.</summary>
    public DateTimeOffset? PausedUntil { get; init; }

    /// <summary>
    /// Set while SLT have not yet been told of the case (stored with it, cleared once the channel has the alert), so an alert
    /// the channel did not take is sent again by <see cref="ProtectionService.RetryAlertsAsync"/> rather than lost.
    /// </summary>
    public DateTimeOffset? AlertPendingSince { get; init; }

    /// <summary>The store's concurrency token (an ETag).</summary>
    public string? Version { get; init; }
}

/// <param name="Reason">Why the post is in the plan: "pictured" or "named".</param>
/// <param name="Detail">What X answered when the post could not be removed.</param>
public sealed record TakeDownItem(
    string TweetId,
    string Reason,
    DateTimeOffset PostedAt,
    TakeDownState State = TakeDownState.Pending,
    int Attempts = 0,
    string? Detail = null,
    DateTimeOffset? DoneAt = null)
{
    public string Link => Drafts.PublishedDraftRecorder.TweetUrl(TweetId);

    public bool IsDone => State != TakeDownState.Pending;
}

/// <summary>Protection cases and their take-down plans (table <c>ProtectionCases</c>).</summary>
public interface IProtectionCaseStore
{
    /// <summary>Stores the case and its whole plan before anyone is told of it.</summary>
    Task<ProtectionCase> CreateAsync(ProtectionCase protectionCase, IReadOnlyList<TakeDownItem> plan, CancellationToken ct);

    Task<ProtectionCase?> GetAsync(string id, CancellationToken ct);

    /// <summary>Every case, newest first (a scan: a school opens a handful a year).</summary>
    Task<IReadOnlyList<ProtectionCase>> ListAsync(CancellationToken ct);

    Task<IReadOnlyList<TakeDownItem>> GetPlanAsync(string id, CancellationToken ct);

    /// <summary>Replaces the case if its stored version is still <paramref name="next"/>.Version; null when someone changed it first.</summary>
    Task<ProtectionCase?> TryReplaceAsync(ProtectionCase next, CancellationToken ct);

    /// <summary>Records one post's outcome (each as it happens, so a resumed run skips it).</summary>
    Task PutItemAsync(string id, TakeDownItem item, CancellationToken ct);
}
