using Microsoft.Extensions.Logging;
using SchoolTwitter.Application.Audit;

namespace SchoolTwitter.Application.Drafts;

/// <summary>
/// Records that a draft's post exists on X, whether the publisher made it or reconciliation found it: the draft becomes
/// published with the tweet's id, the audit says how, and the submitter is told.
/// </summary>
public sealed class PublishedDraftRecorder(
    IDraftStore drafts,
    IAuditLog audit,
    DraftOutcomeNotifier notify,
    TimeProvider time,
    ILogger<PublishedDraftRecorder> logger)
{
    public static string TweetUrl(string tweetId) => $"https://x.com/i/web/status/{tweetId}";

    /// <summary>Never gives up on a lost race: the tweet exists, so a stale-claim reconciler moving the draft meanwhile changes nothing.</summary>
    public Task RecordAsync(DraftRecord draft, string tweetId, string how, CancellationToken ct) =>
        DraftRace.RunAsync(drafts, draft.Id, draft, async current =>
        {
            if (current is null) throw new InvalidOperationException($"Draft {draft.Id} vanished after it was posted as {tweetId}.");
            if (current.Status == DraftStatus.Published) return DraftRace.Settled(true);

            var now = time.GetUtcNow();
            var published = await drafts.TryTransitionAsync(current, DraftStatus.Published, now,
                d => d with { TweetId = tweetId, TweetUrl = TweetUrl(tweetId), FailureReason = null }, ct);
            if (published is null) return DraftRace.Lost<bool>();

            logger.LogInformation("Draft {DraftId} published as {TweetId}", draft.Id, tweetId);
            await audit.AppendAsync(DraftAuditActions.Entry(now, DraftAuditActions.System, DraftAuditActions.Published, draft.Id, how,
                published.TweetUrl), ct);
            await notify.PublishedAsync(published, ct);
            return DraftRace.Settled(true);
        }, $"recording that it was posted as {tweetId}", ct);
}
