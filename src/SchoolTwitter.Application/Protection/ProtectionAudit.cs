namespace SchoolTwitter.Application.Protection;

/// <summary>The audit actions of protection cases (subject: the case id; a held-back draft: the draft id).</summary>
public static class ProtectionAuditActions
{
    public const string Opened = "protection.opened";
    public const string Refused = "protection.refused";
    public const string AlertFailed = "protection.alert-failed";
    public const string DraftHeldBack = "draft.held-back";
    public const string Confirmed = "protection.confirmed";
    public const string PostRemoved = "protection.post-removed";
    public const string PostAlreadyGone = "protection.post-already-gone";
    public const string PostNotRemoved = "protection.post-not-removed";
    public const string Paused = "protection.paused";
    public const string Completed = "protection.completed";
    public const string Stalled = "protection.stalled";
}
