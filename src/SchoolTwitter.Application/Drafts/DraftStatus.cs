namespace SchoolTwitter.Application.Drafts;

/// <summary>Where a draft is on its way from the Form to the school's timeline.</summary>
public enum DraftStatus
{
    Received,
    Checking,
    Blocked,
    AwaitingApproval,
    Scheduled,
    Publishing,
    Published,
    NeedsReconciliation,
    Failed,

    /// <summary>Withdrawn by an SLT member before it was posted (from scheduled or awaiting approval).</summary>
    Cancelled,
}

public static class DraftStatusNames
{
    /// <summary>The wire name used in the HTTP API and in storage (kebab-case, stable).</summary>
    public static string ToWire(this DraftStatus status) => status switch
    {
        DraftStatus.Received => "received",
        DraftStatus.Checking => "checking",
        DraftStatus.Blocked => "blocked",
        DraftStatus.AwaitingApproval => "awaiting-approval",
        DraftStatus.Scheduled => "scheduled",
        DraftStatus.Publishing => "publishing",
        DraftStatus.Published => "published",
        DraftStatus.NeedsReconciliation => "needs-reconciliation",
        DraftStatus.Failed => "failed",
        DraftStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static DraftStatus FromWire(string wire)
    {
        foreach (var status in Enum.GetValues<DraftStatus>())
        {
            if (status.ToWire() == wire) return status;
        }
        throw new FormatException($"Unknown draft status '{wire}'.");
    }
}
