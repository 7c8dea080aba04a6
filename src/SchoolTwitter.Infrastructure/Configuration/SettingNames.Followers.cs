namespace SchoolTwitter.Infrastructure.Configuration;

public static partial class SettingNames
{
    /// <summary>Six-field NCRONTAB (UTC) for the follower scan timer; UK local time is decided in code.</summary>
    public const string WeeklyFollowerScanSchedule = "WeeklyFollowerScanSchedule";

    /// <summary>Six-field NCRONTAB for inbound moderation of mentions and replies (default every 15 minutes).</summary>
    public const string InboundModerationSchedule = "InboundModerationSchedule";

    /// <summary>UK day of the weekly follower scan (default Monday).</summary>
    public const string FollowerScanDay = "Followers__ScanDay";

    /// <summary>UK wall-clock time of the weekly follower scan, HH:mm (default 07:00).</summary>
    public const string FollowerScanTime = "Followers__ScanTime";

    /// <summary>How long one scan invocation reads before handing over to a queued continuation (default 00:07:00, below functionTimeout).</summary>
    public const string FollowerInvocationBudget = "Followers__InvocationBudget";
}
