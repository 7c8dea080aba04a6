using Microsoft.Extensions.Logging;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Core.CodeOfConduct;

namespace SchoolTwitter.Application.Drafts;

public enum ApprovalOutcome
{
    Approved,
    NotFound,
    /// <summary>The caller is not SLT (or the principal was forged).</summary>
    Forbidden,
    /// <summary>The draft is not waiting for an approval (blocked, already approved, published…).</summary>
    NotAwaitingApproval,
    /// <summary>Four eyes: the submitter cannot approve their own draft.</summary>
    SubmitterCannotApprove,
}

public sealed record ApprovalResult(ApprovalOutcome Outcome, DraftRecord? Draft, string? Reason = null);

/// <summary>
/// Four eyes on a draft with warnings: an SLT member other than the submitter accepts the warnings, and the draft is
/// scheduled. The caller has already been established as SLT. Blocked drafts can never be approved.
/// </summary>
public sealed class DraftApprovalService(
    IDraftStore drafts,
    IAuditLog audit,
    ISltDirectory slt,
    DraftScheduler scheduler,
    TimeProvider time,
    ILogger<DraftApprovalService> logger)
{
    /// <summary>Approves for the caller the Easy Auth headers describe, or (the flow connection) <paramref name="claimedApprover"/>.</summary>
    public async Task<ApprovalResult> ApproveAsync(string draftId, PrincipalReading principal, string? claimedApprover, CancellationToken ct)
    {
        var decision = await slt.DecideAsync(principal, claimedApprover, ct);
        if (!decision.IsSlt || decision.Caller is null)
        {
            logger.LogWarning("Approval of draft {DraftId} refused: {Reason}", draftId, decision.Reason);
            await RefuseAsync(time.GetUtcNow(), decision.Caller?.Id ?? claimedApprover ?? "unknown", draftId, "refused: " + decision.Reason, ct);
            return new(ApprovalOutcome.Forbidden, null, decision.Reason);
        }
        return await ApproveAsync(draftId, decision.Caller.Id, ct);
    }

    /// <summary>Approves for <paramref name="approver"/>, already established as SLT.</summary>
    public async Task<ApprovalResult> ApproveAsync(string draftId, string approver, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var draft = DraftIds.IsWellFormed(draftId) ? await drafts.GetAsync(draftId, ct) : null;
            if (draft is null) return new(ApprovalOutcome.NotFound, null);

            var now = time.GetUtcNow();
            if (draft is { Status: DraftStatus.Scheduled, ApprovedBy: not null })
            {
                // A repeat of an approval that may have failed after the draft was scheduled, before its publish message
                // was sent: send it again (publishing is exactly once however many messages there are).
                await scheduler.SchedulePublishAsync(draft, ct);
                await audit.AppendAsync(DraftAuditActions.Entry(now, approver, DraftAuditActions.PublishResent, draftId,
                    "approval repeated; publish message sent again", "approved by " + draft.ApprovedBy), ct);
                return new(ApprovalOutcome.Approved, draft);
            }
            if (draft.Status != DraftStatus.AwaitingApproval || draft.Verdict?.Outcome != VerdictOutcome.Review)
            {
                await RefuseAsync(now, approver, draftId, $"refused: draft is {draft.Status.ToWire()}", ct);
                return new(ApprovalOutcome.NotAwaitingApproval, draft);
            }
            if (string.Equals(Normalise(approver), Normalise(draft.SubmittedBy), StringComparison.Ordinal))
            {
                await RefuseAsync(now, approver, draftId, "refused: the submitter cannot approve their own draft", ct);
                return new(ApprovalOutcome.SubmitterCannotApprove, draft);
            }

            var approved = await drafts.TryTransitionAsync(draft, DraftStatus.Scheduled, now,
                d => d with { ApprovedBy = approver, ApprovedAt = now }, ct);
            if (approved is null) continue;

            logger.LogInformation("Draft {DraftId} approved by {Approver}", draftId, approver);
            await audit.AppendAsync(DraftAuditActions.Entry(now, approver, DraftAuditActions.Approved, draftId, "approved",
                "warnings accepted: " + string.Join(", ", draft.Verdict.Findings.Select(f => f.Rule))), ct);
            await scheduler.SchedulePublishAsync(approved, ct);
            return new(ApprovalOutcome.Approved, approved);
        }
        throw new InvalidOperationException($"Draft {draftId} kept changing while it was being approved.");
    }

    private Task RefuseAsync(DateTimeOffset now, string approver, string draftId, string outcome, CancellationToken ct) =>
        audit.AppendAsync(DraftAuditActions.Entry(now, approver, DraftAuditActions.ApprovalRefused, draftId, outcome), ct);

    private static string Normalise(string email) => email.Trim().ToLowerInvariant();
}
