namespace SchoolTwitter.Infrastructure.Configuration;

public static partial class SettingNames
{
    /// <summary>Six-field NCRONTAB (UTC) for the follower scan timer; UK local time is decided in code.</summary>
    public const string WeeklyFollowerScanSchedule = "WeeklyFollowerScanSchedule";

    /// <summary>Six-field NCRONTAB for inbound moderation of mentions and replies (default every 15 minutes).</summary>
    public const string InboundModerationSchedule = "InboundModerationSchedule";
}
