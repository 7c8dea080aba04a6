using Microsoft.Extensions.Logging;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Core.CodeOfConduct;

namespace SchoolTwitter.Application.Drafts;

public enum ApprovalOutcome
{
    Approved,
    NotFound,
    /// <summary>The person the flow named is not on the SLT list (or the caller is not SLT).</summary>
    Forbidden,
    /// <summary>The draft is not waiting for an approval (blocked, already approved, published…).</summary>
    NotAwaitingApproval,
    /// <summary>Four eyes: the submitter cannot approve their own draft.</summary>
    SubmitterCannotApprove,
}

public sealed record ApprovalResult(ApprovalOutcome Outcome, DraftRecord? Draft, string? Reason = null);

/// <summary>
/// Four eyes on a draft with warnings: an SLT member other than the submitter accepts the warnings, and the draft is
/// scheduled. "Other" means another person, not another address: the directory links addresses and object ids through
/// the SLT list. Blocked drafts can never be approved.
/// </summary>
public sealed class DraftApprovalService(
    IDraftStore drafts,
    IAuditLog audit,
    ISltDirectory slt,
    DraftScheduler scheduler,
    TimeProvider time,
    ILogger<DraftApprovalService> logger)
{
    /// <summary>
    /// Approves for <paramref name="caller"/> (resolved and admitted by the HTTP access check): a signed-in SLT member
    /// approves as themselves; the school's flow approves for the SLT-list member <paramref name="claimedApprover"/> names.
    /// </summary>
    public async Task<ApprovalResult> ApproveAsync(string draftId, Caller caller, string? claimedApprover, CancellationToken ct)
    {
        var approverCaller = caller.Kind == CallerKind.Flow ? await slt.RelayAsync(caller, claimedApprover, ct) : caller;
        if (!approverCaller.IsSlt)
        {
            logger.LogWarning("Approval of draft {DraftId} refused: {Reason}", draftId, approverCaller.Reason);
            await RefuseAsync(time.GetUtcNow(), approverCaller.Email ?? claimedApprover ?? approverCaller.Id, draftId, "refused: " + approverCaller.Reason, ct);
            return new(ApprovalOutcome.Forbidden, null, approverCaller.Reason);
        }
        return await ApproveAsync(draftId, approverCaller, ct);
    }

    /// <summary>Approves for <paramref name="approverCaller"/>, already established as SLT.</summary>
    private async Task<ApprovalResult> ApproveAsync(string draftId, Caller approverCaller, CancellationToken ct)
    {
        var approver = approverCaller.Id;
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
            if (await slt.IsSamePersonAsync(approverCaller, draft.SubmittedBy, draft.SubmittedByObjectId, ct))
            {
                await RefuseAsync(now, approver, draftId, "refused: the submitter cannot approve their own draft", ct);
                return new(ApprovalOutcome.SubmitterCannotApprove, draft);
            }

            var approved = await drafts.TryTransitionAsync(draft, DraftStatus.Scheduled, now,
                d => d with { ApprovedBy = approver, ApprovedAt = now }, ct);
            if (approved is null) continue;

            logger.LogInformation("Draft {DraftId} approved by {Approver}", draftId, approver);
            await audit.AppendAsync(DraftAuditActions.Entry(now, approver, DraftAuditActions.Approved, draftId, "approved",
                (approverCaller.Via is { } via ? $"approved by {approver} {via}; " : "") +
                "warnings accepted: " + string.Join(", ", draft.Verdict.Findings.Select(f => f.Rule))), ct);
            await scheduler.SchedulePublishAsync(approved, ct);
            return new(ApprovalOutcome.Approved, approved);
        }
        throw new InvalidOperationException($"Draft {draftId} kept changing while it was being approved.");
    }

    private Task RefuseAsync(DateTimeOffset now, string approver, string draftId, string outcome, CancellationToken ct) =>
        audit.AppendAsync(DraftAuditActions.Entry(now, approver, DraftAuditActions.ApprovalRefused, draftId, outcome), ct);
}
