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

    /// <summary>
    /// Looks for the draft's post among the account's recent posts, again after each of the short waits in
    /// <see cref="DraftPipelineOptions.ReconcileLookAgain"/> (X's timeline lags its writes), before telling SLT.
    /// </summary>
    public async Task ReconcileAsync(DraftRecord draft, CancellationToken ct)
    {
        var waits = options.Value.ReconcileLookAgain ?? [];
        for (var look = 0; ; look++)
        {
            if (await FindAsync(draft, ct) is { } post && await recorder.RecordAsync(draft, post.Id, "reconciled: found on the timeline", ct))
            {
                logger.LogInformation("Draft {DraftId} was posted after all, as {TweetId}", draft.Id, post.Id);
                return;
            }
            if (draft.SltAlertedAt is not null)
            {
                logger.LogInformation("Draft {DraftId} still needs a person to reconcile it; SLT were told at {AlertedAt}", draft.Id, draft.SltAlertedAt);
                return;
            }
            if (look >= waits.Length) break;
            // Infrastructure time, like the X client's back-off: a test's fake clock must not freeze it.
            await Task.Delay(waits[look], ct);
        }

        await TellSltAsync(draft, "not found among the account's recent posts; SLT alerted, not re-posted",
            "not found on the timeline; SLT alerted", ct);
    }

    /// <summary>
    /// Tells SLT a person must settle <paramref name="draft"/>, and notes it only once the SLT channel has heard: a process
    /// that stops in between, or a webhook that is down, leaves no note, and the next delivery or the sweep tells them.
    /// </summary>
    public async Task TellSltAsync(DraftRecord draft, string reason, string outcome, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        logger.LogDraftNeedsReconciliation(draft.Id, reason);
        await audit.AppendAsync(DraftAuditActions.Entry(now, DraftAuditActions.System, DraftAuditActions.NeedsReconciliation, draft.Id,
            outcome, draft.FailureReason), ct);
        if (!await notify.NeedsReconciliationAsync(draft, ct))
        {
            logger.LogDraftNotificationFailed(draft.Id, "may be on X and must be checked by a person");
            return;
        }
        await DraftRace.RunAsync(drafts, draft.Id, draft, async current =>
        {
            if (current is not { Status: DraftStatus.NeedsReconciliation, SltAlertedAt: null }) return DraftRace.Settled(true);
            return await drafts.TryReplaceAsync(current with { SltAlertedAt = now, UpdatedAt = now }, ct) is null
                ? DraftRace.Lost<bool>()
                : DraftRace.Settled(true);
        }, "noting that SLT were told", ct);
    }

    /// <summary>
    /// The draft's post: X's rendering of its text and photos, made after the claim (less clock skew), and not a post
    /// already recorded for another draft with the same words.
    /// </summary>
    private async Task<XPost?> FindAsync(DraftRecord draft, CancellationToken ct)
    {
        var since = (draft.ClaimedAt ?? draft.SubmittedAt) - options.Value.ReconcileClockSkew;
        string? token = null;
        for (var page = 0; page < Math.Max(1, options.Value.ReconcilePages); page++)
        {
            XPage<XPost> recent;
            try
            {
                recent = await x.GetRecentPostsAsync(await AccountIdAsync(ct), Math.Clamp(options.Value.ReconcileLookback, 5, 100), token, ct);
            }
            catch (XRateLimitedException limited)
            {
                throw DraftRetryLaterException.After(draft.Id, limited, time, logger);
            }

            foreach (var post in recent.Items.Where(p => p.CreatedAt >= since && PostMatch.IsRenderingOf(p, draft.Text, draft.Images.Count)))
            {
                var holder = await recorder.HolderAsync(post.Id, ct);
                if (holder is null || holder == draft.Id) return post;
                logger.LogInformation("Post {TweetId} matches draft {DraftId} but is recorded for draft {OtherDraftId}", post.Id, draft.Id, holder);
            }
            // Newest first: once a page reaches a post older than the claim, no later page can hold the draft's.
            if (recent.NextToken is null || recent.Items.Count == 0 || recent.Items.Any(p => p.CreatedAt < since)) return null;
            token = recent.NextToken;
        }
        return null;
    }

    private async Task<string> AccountIdAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.AccountId)) return options.Value.AccountId;
        return _accountId ??= (await x.GetMeAsync(ct)).Id;
    }
}
