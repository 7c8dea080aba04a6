namespace SchoolTwitter.Infrastructure.Configuration;

public static partial class SettingNames
{
    /// <summary>reply_settings for posts: following (default) | mentionedUsers | subscribers | verified.</summary>
    public const string XReplySettings = "X__ReplySettings";

    /// <summary>Six-field NCRONTAB for the draft sweep (default every 10 minutes): lost publish messages, unsent approval requests.</summary>
    public const string DraftSweepSchedule = "DraftSweepSchedule";

    /// <summary>The Easy Auth app role that marks an SLT member (X-MS-CLIENT-PRINCIPAL roles claim).</summary>
    public const string SltAppRole = "Slt__AppRole";

    /// <summary>Comma-separated Entra group object ids whose members are SLT.</summary>
    public const string SltGroupIds = "Slt__GroupIds";

    /// <summary>Client id of the Power Automate flow's app registration (the only app that may name a submitter, with Flow.Submit).</summary>
    public const string SltFlowClientId = "Slt__FlowClientId";
}
