using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Messaging;
using SchoolTwitter.Application.X;
using SchoolTwitter.Core.Followers;

namespace SchoolTwitter.Application.Followers;

public enum FollowerScanOutcome
{
    /// <summary>This week's scan has already run, or the UK clock has not reached the slot.</summary>
    NotDue,

    /// <summary>A run for this slot is in progress elsewhere or waiting for its queued continuation.</summary>
    AlreadyRunning,

    /// <summary>The continuation message belongs to a finished or replaced run.</summary>
    Stale,

    /// <summary>X said 429: continues from the checkpoint at the reset time through a queue message.</summary>
    RateLimited,

    /// <summary>The invocation's time budget ran out: continues from the checkpoint through a queue message.</summary>
    Continuing,

    Completed,
}

public sealed record FollowerScanResult(FollowerScanOutcome Outcome, FollowerScanRun? Run);

/// <summary>
/// The weekly follower scan: newest first, stopping at the first page that reaches an already-known follower, so its cost follows the
/// number of new followers; once a month a full reconciliation instead (every page streamed, unfollowers marked, blocks confirmed).
/// The cursor is checkpointed after each page; a 429 or the end of the time budget hands over to a delayed queue message.
/// </summary>
public sealed class FollowerScanService(
    IXAccount x,
    IFollowerStore followers,
    IFollowerCheckpointStore checkpoints,
    IFollowerReviewStore review,
    IApprovedFollowStore approved,
    IMessageQueue queue,
    IAuditLog audit,
    FollowerAssessor assessor,
    WeeklyFollowerSummary summary,
    TimeProvider time,
    IOptions<FollowerOptions> options,
    ILogger<FollowerScanService> logger)
{
    internal const string CheckpointName = "scan";
    private static readonly TimeSpan MaxQueueDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    private readonly FollowerOptions _options = options.Value;
    private IReadOnlySet<string>? _approvedHandles;

    /// <summary>Called by the timer (hourly on the scan day, in UTC): runs this week's scan if the UK clock says it is due.</summary>
    public async Task<FollowerScanResult> RunScheduledAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var schedule = _options.Schedule();
        var state = await LoadAsync(ct);
        if (!schedule.IsDue(now, state.LastCompletedSlot))
        {
            return new(FollowerScanOutcome.NotDue, state.Run);
        }

        var slot = schedule.CurrentSlot(now);
        if (state.Run is { } run && run.Slot == slot && run.Phase != FollowerScanPhase.Completed)
        {
            // Waiting for its continuation, or another invocation made progress within one budget: leave it alone.
            if (run.ResumeAt > now || now - run.LastProgressAt < _options.InvocationBudget)
            {
                return new(FollowerScanOutcome.AlreadyRunning, run);
            }
            logger.LogWarning("Follower scan {RunId} for {Slot} stalled since {LastProgressAt}; resuming from its checkpoint", run.RunId, slot, run.LastProgressAt);
            return await ExecuteAsync(state, run, ct);
        }

        var mode = FollowerScanSchedule.IsReconciliationDue(slot, state.LastReconciledSlot) ? FollowerScanMode.Reconciliation : FollowerScanMode.Incremental;
        state.Run = new FollowerScanRun
        {
            RunId = $"{slot:yyyyMMdd}-{mode.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}",
            Slot = slot,
            Mode = mode,
            PageSize = mode == FollowerScanMode.Reconciliation ? FollowerPageSizes.Reconciliation : FollowerPageSizes.FirstWeekly(state.LastWeeklyNewFollowers, _options),
            StartedAt = now,
            LastProgressAt = now,
        };
        await SaveAsync(state, ct);
        logger.LogInformation("Follower scan {RunId} ({Mode}) started for the week of {Slot} with pages of {PageSize}", state.Run.RunId, mode, slot, state.Run.PageSize);
        return await ExecuteAsync(state, state.Run, ct);
    }

    /// <summary>Called from the continuation queue. A message for a finished or replaced run does nothing.</summary>
    public async Task<FollowerScanResult> ContinueAsync(FollowerScanContinuationMessage message, CancellationToken ct)
    {
        if (message.AccountId != _options.AccountId)
        {
            logger.LogWarning("Follower scan continuation for another account ignored");
            return new(FollowerScanOutcome.Stale, null);
        }
        var state = await LoadAsync(ct);
        if (state.Run is not { } run || run.RunId != message.RunId || run.Phase == FollowerScanPhase.Completed)
        {
            logger.LogInformation("Follower scan continuation for {RunId} ignored: the run is finished or replaced", message.RunId);
            return new(FollowerScanOutcome.Stale, state.Run);
        }
        run.Continuations++;
        return await ExecuteAsync(state, run, ct);
    }

    public static FollowerScanContinuationMessage ParseContinuation(string message) =>
        JsonSerializer.Deserialize<FollowerScanContinuationMessage>(message, FollowerScanState.Json)
        is { AccountId.Length: > 0, RunId.Length: > 0 } parsed
            ? parsed
            : throw new FormatException("A follower scan continuation needs accountId and runId.");

    private async Task<FollowerScanResult> ExecuteAsync(FollowerScanState state, FollowerScanRun run, CancellationToken ct)
    {
        var deadline = time.GetUtcNow() + _options.InvocationBudget;
        run.ResumeAt = null;

        while (run.Phase == FollowerScanPhase.Reading)
        {
            if (time.GetUtcNow() >= deadline)
            {
                return await ParkAsync(state, run, time.GetUtcNow(), FollowerScanOutcome.Continuing, ct);
            }

            // A checkpoint from before adaptive pages has no size: its cursor came from 1,000-follower pages.
            var pageSize = run.PageSize ?? XPageLimits.MaxFollowers;
            XPage<XUser> page;
            try
            {
                page = await x.GetFollowersAsync(_options.AccountId, run.Cursor, ct, pageSize);
            }
            catch (XRateLimitedException e)
            {
                return await ParkAsync(state, run, e.ResetAt, FollowerScanOutcome.RateLimited, ct);
            }

            var profiles = page.Items.Select(u => u.ToProfile()).ToList();
            var reachedKnown = run.Mode == FollowerScanMode.Incremental
                ? await ReadNewFollowersAsync(run, profiles, ct)
                : await MarkSeenAsync(run, profiles, ct);

            run.PagesRead++;
            run.FollowersReturned += page.Items.Count;
            run.Cursor = page.NextToken;
            if (reachedKnown || page.NextToken is null)
            {
                run.Phase = run.Mode == FollowerScanMode.Reconciliation ? FollowerScanPhase.Sweeping : FollowerScanPhase.Reporting;
            }
            else if (run.Mode == FollowerScanMode.Incremental && FollowerPageSizes.Grow(pageSize) is { } larger)
            {
                // A whole page of new followers: a busy week. Grow the page tenfold so it takes few requests — but from the newest
                // follower again, not with this cursor: X's pagination_token is opaque and X does not document that it stays valid
                // under a different max_results, so a cursor is only ever used with the size it was issued for (and the checkpoint
                // keeps the two together). The re-read followers are skipped as this run's own, and X bills a follower once a UTC
                // day, so each restart costs one more request; it happens only while pages are under 1,000 (e.g. 40 → 400 → 1,000).
                run.Cursor = null;
                run.PageSize = larger;
                run.PageSizeIncreases++;
            }
            run.LastProgressAt = time.GetUtcNow();
            await SaveAsync(state, ct);
            logger.LogInformation("Follower scan {RunId} read page {Page} of up to {PageSize}: {Count} followers, {New} new so far", run.RunId, run.PagesRead, pageSize, profiles.Count, run.NewFollowers);
        }

        if (run.Phase == FollowerScanPhase.Sweeping)
        {
            await SweepAsync(run, ct);
            run.Phase = FollowerScanPhase.Reporting;
            run.LastProgressAt = time.GetUtcNow();
            await SaveAsync(state, ct);
        }

        if (run.Phase == FollowerScanPhase.Reporting)
        {
            try
            {
                await summary.SendAsync(run, ct);
            }
            catch (XRateLimitedException e)
            {
                return await ParkAsync(state, run, e.ResetAt, FollowerScanOutcome.RateLimited, ct);
            }
            run.Phase = FollowerScanPhase.Completed;
            run.CompletedAt = time.GetUtcNow();
            state.LastCompletedSlot = run.Slot;
            if (run.Mode == FollowerScanMode.Reconciliation) state.LastReconciledSlot = run.Slot;
            else state.LastWeeklyNewFollowers = run.NewFollowers;
            await SaveAsync(state, ct);
            await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), "system", $"followers.{run.Mode.ToString().ToLowerInvariant()}", run.RunId, "completed",
                $"pages {run.PagesRead}, followers returned {run.FollowersReturned}, seen {run.FollowersSeen}, new {run.NewFollowers}, flagged {run.Flagged}, unfollowed {run.Unfollowed}, blocks confirmed {run.BlocksConfirmed}"), ct);
            logger.LogInformation("Follower scan {RunId} completed: {Pages} pages, {New} new, {Flagged} flagged", run.RunId, run.PagesRead, run.NewFollowers, run.Flagged);
        }

        return new(FollowerScanOutcome.Completed, run);
    }

    /// <summary>Incremental: walks the page newest first in small lookups and stops at the first follower known from an earlier run.</summary>
    private async Task<bool> ReadNewFollowersAsync(FollowerScanRun run, List<FollowerProfile> page, CancellationToken ct)
    {
        var fresh = new List<FollowerProfile>();
        var reachedKnown = false;
        foreach (var chunk in page.Chunk(Math.Max(1, _options.LookupBatchSize)))
        {
            var known = await followers.FindAsync(_options.AccountId, chunk.Select(p => p.Id).ToArray(), ct);
            foreach (var profile in chunk)
            {
                if (known.TryGetValue(profile.Id, out var record))
                {
                    if (record.AddedInRun == run.RunId) continue; // this run's own page, replayed after an interruption
                    if (record.Following)
                    {
                        reachedKnown = true;
                        break;
                    }
                }
                fresh.Add(profile); // new, or an old follower who came back
            }
            if (reachedKnown) break;
        }

        run.FollowersSeen += fresh.Count;
        await RecordNewAsync(run, fresh, ct);
        return reachedKnown;
    }

    private async Task<bool> MarkSeenAsync(FollowerScanRun run, List<FollowerProfile> page, CancellationToken ct)
    {
        await followers.MarkSeenAsync(_options.AccountId, run.RunId, page, ct);
        run.FollowersSeen += page.Count;
        return false;
    }

    private async Task RecordNewAsync(FollowerScanRun run, IReadOnlyList<FollowerProfile> fresh, CancellationToken ct)
    {
        if (fresh.Count == 0) return;
        var now = time.GetUtcNow();
        var records = new List<FollowerRecord>(fresh.Count);
        var approvedHandles = await ApprovedHandlesAsync(ct);
        foreach (var profile in fresh)
        {
            var assessment = assessor.Assess(profile, now, approvedHandles);
            records.Add(new FollowerRecord(profile, true, now, run.RunId, run.Mode == FollowerScanMode.Reconciliation ? run.RunId : null, null, assessment.Suggestion));
            await FlagAsync(run, profile, assessment, now, ct);
        }
        await followers.SaveAsync(_options.AccountId, records, ct);
        run.NewFollowers += fresh.Count;
    }

    /// <summary>The approved follows, read once per invocation: a follower on them has a verified link to the school.</summary>
    private async Task<IReadOnlySet<string>> ApprovedHandlesAsync(CancellationToken ct)
    {
        if (_approvedHandles is { } cached) return cached;
        var handles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var follow in approved.ListAsync(_options.AccountId, ct)) handles.Add(follow.Handle);
        return _approvedHandles = handles;
    }

    private async Task FlagAsync(FollowerScanRun run, FollowerProfile profile, FollowerAssessment assessment, DateTimeOffset now, CancellationToken ct)
    {
        if (!assessment.IsFlagged) return;
        if (await review.AddIfAbsentAsync(_options.AccountId, profile.ToReviewItem(assessment, now), ct))
        {
            run.Flagged++;
        }
    }

    /// <summary>
    /// After a full pass: streams every known follower once. Not seen in this pass → unfollowed; seen but never assessed → a new
    /// follower the weekly scans missed. Then blocked accounts that no longer follow are confirmed.
    /// </summary>
    private async Task SweepAsync(FollowerScanRun run, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var changed = new List<FollowerRecord>();
        var unassessed = new List<FollowerProfile>();
        await foreach (var record in followers.ListAsync(_options.AccountId, ct))
        {
            if (record.LastSeenPass == run.RunId)
            {
                if (record.FirstSeenAt is null) unassessed.Add(record.Profile);
            }
            else if (record.Following)
            {
                changed.Add(record with { Following = false, UnfollowedAt = now });
                run.Unfollowed++;
            }

            if (changed.Count >= 100)
            {
                await followers.SaveAsync(_options.AccountId, changed, ct);
                changed.Clear();
            }
            if (unassessed.Count >= 100)
            {
                await RecordNewAsync(run, unassessed, ct);
                unassessed.Clear();
            }
        }
        await followers.SaveAsync(_options.AccountId, changed, ct);
        await RecordNewAsync(run, unassessed, ct);

        await foreach (var item in review.ListAsync(_options.AccountId, ReviewStatus.Blocked, ct))
        {
            if (item.Kind != ReviewKind.Follower) continue;
            var found = await followers.FindAsync(_options.AccountId, [item.UserId], ct);
            if (found.TryGetValue(item.UserId, out var record) && record.Following) continue;

            await review.SaveAsync(_options.AccountId, item with { Status = ReviewStatus.BlockConfirmed, ConfirmedAt = now }, ct);
            await audit.AppendAsync(new AuditEntry(now, "system", "follower.block-confirmed", item.UserId, "no longer follows",
                $"@{item.Handle} blocked by {item.DecidedBy} on {item.DecidedAt:yyyy-MM-dd}"), ct);
            run.BlocksConfirmed++;
        }
    }

    private async Task<FollowerScanResult> ParkAsync(FollowerScanState state, FollowerScanRun run, DateTimeOffset resumeAt, FollowerScanOutcome outcome, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        run.ResumeAt = resumeAt < now ? now : resumeAt;
        run.LastProgressAt = now;
        await SaveAsync(state, ct);
        var delay = run.ResumeAt.Value - now;
        if (outcome == FollowerScanOutcome.RateLimited) delay += TimeSpan.FromSeconds(1); // the reset is whole seconds
        if (delay > MaxQueueDelay) delay = MaxQueueDelay;
        var message = JsonSerializer.Serialize(new FollowerScanContinuationMessage(_options.AccountId, run.RunId), FollowerScanState.Json);
        await queue.SendAsync(QueueNames.FollowerScanContinuations, message, delay, ct);
        logger.LogInformation("Follower scan {RunId} paused ({Outcome}) after {Pages} pages; continues at {ResumeAt}", run.RunId, outcome, run.PagesRead, run.ResumeAt);
        return new(outcome, run);
    }

    private async Task<FollowerScanState> LoadAsync(CancellationToken ct)
    {
        var json = await checkpoints.GetAsync(_options.AccountId, CheckpointName, ct);
        return json is null ? new FollowerScanState() : JsonSerializer.Deserialize<FollowerScanState>(json, FollowerScanState.Json) ?? new FollowerScanState();
    }

    private Task SaveAsync(FollowerScanState state, CancellationToken ct) =>
        checkpoints.SetAsync(_options.AccountId, CheckpointName, JsonSerializer.Serialize(state, FollowerScanState.Json), ct);
}
