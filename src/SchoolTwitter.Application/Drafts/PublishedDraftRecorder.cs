using Microsoft.Extensions.Logging;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Protection;

namespace SchoolTwitter.Application.Drafts;

/// <summary>
/// Records that a draft's post exists on X, whether the publisher made it or reconciliation found it: the draft becomes
/// published with the tweet's id, the audit says how, and the submitter is told.
/// </summary>
public sealed class PublishedDraftRecorder(
    IDraftStore drafts,
    IAuditLog audit,
    DraftOutcomeNotifier notify,
    PostRecorder posts,
    TimeProvider time,
    ILogger<PublishedDraftRecorder> logger)
{
    public static string TweetUrl(string tweetId) => $"https://x.com/i/web/status/{tweetId}";

    /// <summary>The draft a tweet is recorded for, if any.</summary>
    public Task<string?> HolderAsync(string tweetId, CancellationToken ct) => drafts.FindByKeyAsync(TweetKey(tweetId), time.GetUtcNow(), null, ct);

    /// <summary>
    /// Records the tweet for the draft unless it is already another draft's (false then): one tweet is one draft's. A lost
    /// race on the draft changes nothing (the tweet exists), so a stale-claim reconciler moving it meanwhile is followed.
    /// </summary>
    public async Task<bool> RecordAsync(DraftRecord draft, string tweetId, string how, CancellationToken ct)
    {
        var holder = await drafts.ClaimKeyAsync(TweetKey(tweetId), draft.Id, time.GetUtcNow(), null, ct);
        if (holder != draft.Id)
        {
            logger.LogWarning("Tweet {TweetId} is already recorded for draft {OtherDraftId}; not recorded for draft {DraftId}", tweetId, holder, draft.Id);
            return false;
        }

        return await DraftRace.RunAsync(drafts, draft.Id, draft, async current =>
        {
            if (current is null) throw new InvalidOperationException($"Draft {draft.Id} vanished after it was posted as {tweetId}.");
            if (current.Status == DraftStatus.Published) return DraftRace.Settled(true);

            // Who the post pictured and named, before the draft says published: a failure here leaves the draft to be
            // reconciled, which records it again, so no published post goes without its record.
            await posts.RecordAsync(current, tweetId, time.GetUtcNow(), ct);

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

    private static string TweetKey(string tweetId) => "tweet:" + tweetId;
}
