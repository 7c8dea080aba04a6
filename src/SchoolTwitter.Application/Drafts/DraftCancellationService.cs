using Microsoft.Extensions.Logging;
using SchoolTwitter.Application.Security;

namespace SchoolTwitter.Application.Drafts;

public enum CancellationOutcome
{
    Cancelled,
    NotFound,

    /// <summary>Already on its way to X (or posted, blocked, failed): too late to withdraw.</summary>
    TooLate,
}

public sealed record CancellationResult(CancellationOutcome Outcome, DraftRecord? Draft);

/// <summary>
/// An SLT member withdraws a draft that is scheduled or awaiting approval. The move is ETag-conditional like every other, so
/// a publisher that has claimed the draft wins and the cancellation answers "too late"; a publish message still queued finds
/// the draft cancelled and is ignored. Audited with who and why.
/// </summary>
public sealed class DraftCancellationService(IDraftStore drafts, Audit.IAuditLog audit, TimeProvider time, ILogger<DraftCancellationService> logger)
{
    public const int ReasonMaxLength = 500;

    public Task<CancellationResult> CancelAsync(string draftId, Caller caller, string? reason, CancellationToken ct)
    {
        if (!DraftIds.IsWellFormed(draftId)) return Task.FromResult(new CancellationResult(CancellationOutcome.NotFound, null));
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()[..Math.Min(reason.Trim().Length, ReasonMaxLength)];

        return DraftRace.RunAsync(drafts, draftId, null, async draft =>
        {
            if (draft is null) return DraftRace.Settled(new CancellationResult(CancellationOutcome.NotFound, null));
            if (draft.Status is not (DraftStatus.Scheduled or DraftStatus.AwaitingApproval))
            {
                return DraftRace.Settled(new CancellationResult(CancellationOutcome.TooLate, draft));
            }

            var now = time.GetUtcNow();
            var cancelled = await drafts.TryTransitionAsync(draft, DraftStatus.Cancelled, now, null, ct);
            if (cancelled is null) return DraftRace.Lost<CancellationResult>();

            logger.LogInformation("Draft {DraftId} cancelled by {Actor}", draftId, caller.Id);
            await audit.AppendAsync(DraftAuditActions.Entry(now, caller.Id, DraftAuditActions.Cancelled, draftId,
                $"cancelled while {draft.Status.ToWire()}", why), ct);
            return DraftRace.Settled(new CancellationResult(CancellationOutcome.Cancelled, cancelled));
        }, "it was being cancelled", ct);
    }
}
