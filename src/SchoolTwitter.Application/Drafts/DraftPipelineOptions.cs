namespace SchoolTwitter.Application.Drafts;

/// <summary>
/// Settings of the draft pipeline, bound from the X section (X__ReplySettings, X__AccountId); the limits and windows are the
/// code's own.
/// </summary>
public sealed class DraftPipelineOptions
{
    /// <summary>The reply_settings values X accepts (plus "everyone": the field is omitted).</summary>
    public static readonly IReadOnlyList<string> ReplySettingsValues = ["following", "mentionedUsers", "subscribers", "verified", "everyone"];

    /// <summary>reply_settings sent with every post: only accounts the school follows can reply.</summary>
    public string ReplySettings { get; set; } = "following";

    /// <summary>The school's X user id (for reading its recent posts); looked up once with users/me when empty.</summary>
    public string? AccountId { get; set; }

    /// <summary>Identical content submitted again within this window returns the first draft.</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a publisher's claim protects a draft; longer than the function timeout (10 minutes).</summary>
    public TimeSpan PublishLease { get; set; } = TimeSpan.FromMinutes(12);

    /// <summary>Storage queues hide a message for at most 7 days; later dates hop through re-enqueues.</summary>
    public TimeSpan MaxQueueDelay { get; set; } = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(5);

    /// <summary>How many of the account's recent posts reconciliation reads a page (5–100).</summary>
    public int ReconcileLookback { get; set; } = 100;

    /// <summary>At most this many pages are read, back to the first post older than the claim (a busy day's posts since it).</summary>
    public int ReconcilePages { get; set; } = 10;

    /// <summary>
    /// X's timeline can lag a post by seconds: before telling SLT a post was not found, look again after each of these waits
    /// (bounded: the function holds its message meanwhile).
    /// </summary>
    public TimeSpan[] ReconcileLookAgain { get; set; } = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15)];

    /// <summary>How much earlier than the claim a post may be dated and still be the draft's (X's clock against ours).</summary>
    public TimeSpan ReconcileClockSkew { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the sweep leaves a draft alone after it last changed: the pipeline may be sending its message now.</summary>
    public TimeSpan SweepGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A scheduled draft this long past due (and its message as old) gets another message whatever its note says.</summary>
    public TimeSpan SweepOverdue { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The largest draft text the pipeline stores (far beyond a post; the checker reports the real limit).</summary>
    public int MaxTextLength { get; set; } = 10_000;

    public int MaxImages { get; set; } = 4;

    public int MaxAltTextLength { get; set; } = 5_000;
}
