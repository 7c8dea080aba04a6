using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Telemetry;
using SchoolTwitter.Application.X;

namespace SchoolTwitter.Application.Drafts;

/// <summary>
/// Settles a draft whose create-post had an unknown outcome: the account's recent posts decide whether it went out. Found:
/// recorded as published. Not found: SLT are told a person must look, and nothing is posted again automatically.
/// </summary>
public sealed class DraftReconciliation(
    IDraftStore drafts,
    IXAccount x,
    IAuditLog audit,
    PublishedDraftRecorder recorder,
    DraftOutcomeNotifier notify,
    IOptions<DraftPipelineOptions> options,
    TimeProvider time,
    ILogger<DraftReconciliation> logger)
{
    private string? _accountId;

    /// <summary>Moves a claimed draft whose post may or may not exist to needs-reconciliation, then reconciles it.</summary>
    public async Task BeginAsync(DraftRecord claimed, string reason, string outcome, CancellationToken ct)
    {
        var unsure = await DraftRace.RunAsync(drafts, claimed.Id, claimed, async current =>
        {
            if (current is null || current.Status != DraftStatus.Publishing) return DraftRace.Settled(current);
            var now = time.GetUtcNow();
            var moved = await drafts.TryTransitionAsync(current, DraftStatus.NeedsReconciliation, now, d => d with { FailureReason = reason }, ct);
            if (moved is null) return DraftRace.Lost<DraftRecord?>();
            await audit.AppendAsync(DraftAuditActions.Entry(now, DraftAuditActions.System, DraftAuditActions.NeedsReconciliation,
                claimed.Id, outcome, reason), ct);
            return DraftRace.Settled<DraftRecord?>(moved);
        }, "it was moved to reconciliation", ct);

        if (unsure?.Status == DraftStatus.NeedsReconciliation) await ReconcileAsync(unsure, ct);
    }

    public async Task ReconcileAsync(DraftRecord draft, CancellationToken ct)
    {
        XPage<XPost> recent;
        try
        {
            recent = await x.GetRecentPostsAsync(await AccountIdAsync(ct), Math.Clamp(options.Value.ReconcileLookback, 5, 100), null, ct);
        }
        catch (XRateLimitedException limited)
        {
            throw DraftRetryLaterException.After(draft.Id, limited, time, logger);
        }

        var since = (draft.ClaimedAt ?? draft.SubmittedAt) - TimeSpan.FromMinutes(5);
        var wanted = PostMatch.Normalise(draft.Text);
        var match = recent.Items.FirstOrDefault(p => PostMatch.Normalise(p.Text) == wanted && (p.CreatedAt is null || p.CreatedAt >= since));
        if (match is not null)
        {
            logger.LogInformation("Draft {DraftId} was posted after all, as {TweetId}", draft.Id, match.Id);
            await recorder.RecordAsync(draft, match.Id, "reconciled: found on the timeline", ct);
            return;
        }

        if (draft.SltAlertedAt is not null)
        {
            logger.LogInformation("Draft {DraftId} still needs a person to reconcile it; SLT were told at {AlertedAt}", draft.Id, draft.SltAlertedAt);
            return;
        }

        var now = time.GetUtcNow();
        var alerted = await drafts.TryReplaceAsync(draft with { SltAlertedAt = now, UpdatedAt = now }, ct) ?? draft;
        logger.LogDraftNeedsReconciliation(draft.Id, "not found among the account's recent posts; SLT alerted, not re-posted");
        await audit.AppendAsync(DraftAuditActions.Entry(now, DraftAuditActions.System, DraftAuditActions.NeedsReconciliation, draft.Id,
            "not found on the timeline; SLT alerted", draft.FailureReason), ct);
        await notify.NeedsReconciliationAsync(alerted, ct);
    }

    private async Task<string> AccountIdAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.AccountId)) return options.Value.AccountId;
        return _accountId ??= (await x.GetMeAsync(ct)).Id;
    }
}
