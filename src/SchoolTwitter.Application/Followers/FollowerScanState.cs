using System.Text.Json;
using System.Text.Json.Serialization;

namespace SchoolTwitter.Application.Followers;

public enum FollowerScanMode
{
    /// <summary>Weekly: newest first, stopping at the first follower already known.</summary>
    Incremental,

    /// <summary>Monthly: every page, then unfollowers marked and blocks confirmed.</summary>
    Reconciliation,
}

public enum FollowerScanPhase
{
    Reading,
    Sweeping,
    Reporting,
    Completed,
}

/// <summary>One scan, checkpointed after every page so any invocation can continue it.</summary>
public sealed record FollowerScanRun
{
    public required string RunId { get; init; }
    public required DateOnly Slot { get; init; }
    public required FollowerScanMode Mode { get; init; }
    public FollowerScanPhase Phase { get; set; } = FollowerScanPhase.Reading;

    /// <summary>The pagination token of the next page to read; null before the first page.</summary>
    public string? Cursor { get; set; }

    /// <summary>
    /// The max_results of this run's pages. Fixed while <see cref="Cursor"/> is set, because the cursor was issued for it; null in a
    /// checkpoint written before adaptive pages, whose cursor came from 1,000-follower pages.
    /// </summary>
    public int? PageSize { get; set; }
    public int PagesRead { get; set; }

    /// <summary>Followers X returned to this run, re-reads included: what X bills at $0.001 each (once per follower per UTC day).</summary>
    public int FollowersReturned { get; set; }

    /// <summary>How often an incremental run restarted from the newest follower with a larger page.</summary>
    public int PageSizeIncreases { get; set; }
    public int FollowersSeen { get; set; }
    public int NewFollowers { get; set; }
    public int Flagged { get; set; }
    public int Unfollowed { get; set; }
    public int BlocksConfirmed { get; set; }
    public int Continuations { get; set; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset LastProgressAt { get; set; }

    /// <summary>When a queued continuation will pick the run up (the 429 reset time, or now when the budget ran out).</summary>
    public DateTimeOffset? ResumeAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>The follower scan checkpoint of one school account.</summary>
public sealed record FollowerScanState
{
    public DateOnly? LastCompletedSlot { get; set; }
    public DateOnly? LastReconciledSlot { get; set; }

    /// <summary>New followers found by the last completed weekly (incremental) scan: sizes the next one's first page.</summary>
    public int? LastWeeklyNewFollowers { get; set; }
    public FollowerScanRun? Run { get; set; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}

/// <summary>The queue message that continues a scan; the run id makes a stale or duplicate message harmless.</summary>
public sealed record FollowerScanContinuationMessage(string AccountId, string RunId);
