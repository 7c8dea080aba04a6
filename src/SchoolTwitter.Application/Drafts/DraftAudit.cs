using SchoolTwitter.Application.Audit;

namespace SchoolTwitter.Application.Drafts;

/// <summary>The audit actions the pipeline appends (subject: the draft id).</summary>
public static class DraftAuditActions
{
    public const string Submitted = "draft.submitted";
    public const string Refused = "draft.refused";
    public const string Checked = "draft.checked";
    public const string BlockedAtPublish = "draft.blocked-at-publish";
    public const string Approved = "draft.approved";
    public const string ApprovalRefused = "draft.approval-refused";
    public const string Published = "draft.published";
    public const string PublishDeferred = "draft.publish-deferred";
    public const string PublishResent = "draft.publish-resent";
    public const string NeedsReconciliation = "draft.needs-reconciliation";
    public const string Failed = "draft.failed";
    public const string Cancelled = "draft.cancelled";
    public const string RosterReplaced = "roster.replaced";
    public const string RosterRefused = "roster.refused";
    public const string StaffReplaced = "staff.replaced";
    public const string StaffRefused = "staff.refused";

    public const string System = "system";

    /// <summary>A verdict's findings as the audit records them: "rule/severity; …".</summary>
    public static string Findings(Core.CodeOfConduct.Verdict verdict) =>
        string.Join("; ", verdict.Findings.Select(f => $"{f.Rule}/{f.Severity.ToString().ToLowerInvariant()}"));

    public static AuditEntry Entry(DateTimeOffset at, string actor, string action, string subject, string outcome, string? detail = null) =>
        new(at, actor, action, subject, outcome, detail);
}
