using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Application.Messaging;
using SchoolTwitter.Application.Notifications;
using SchoolTwitter.Application.X;

namespace SchoolTwitter.Application.Protection;

/// <summary>Where a case's take-down stands: what was removed, what was already gone, what a person must still remove.</summary>
public sealed record TakeDownReport(ProtectionCase Case, IReadOnlyList<TakeDownItem> Plan)
{
    public int Removed => Plan.Count(i => i.State == TakeDownState.Removed);
    public int AlreadyGone => Plan.Count(i => i.State == TakeDownState.AlreadyGone);
    public int Pending => Plan.Count(i => i.State == TakeDownState.Pending);
    public IReadOnlyList<TakeDownItem> NotRemoved => [.. Plan.Where(i => i.State == TakeDownState.NotRemoved)];
}

public enum ConfirmOutcome
{
    Confirmed,
    NotFound,

    /// <summary>Another SLT member confirmed first (or there was nothing to take down): the report says where it stands.</summary>
    AlreadyConfirmed,
}

/// <summary>
/// Takes down a case's posts after ONE SLT confirmation for all: DELETE /2/tweets/:id for each post of the stored plan, each outcome
/// stored and audited as it happens, so a run that dies half way resumes where it stopped (a queued continuation is the safety
/// net). X's 429 is waited out in the run when the reset is near (bounded), otherwise the run pauses and a continuation carries
/// on at the reset. A post X no longer has counts as removed; one X refuses is reported for a person to remove by hand.
/// </summary>
public sealed class TakeDownService(
    IProtectionCaseStore cases,
    IPostRecordStore posts,
    IXAccount x,
    IMessageQueue queue,
    IAuditLog audit,
    INotifier notifier,
    TimeProvider time,
    ILogger<TakeDownService> logger)
{
    public const string ReportKind = "protection.take-down-report";
    public const string StalledKind = "protection.take-down-stalled";

    /// <summary>A 429 whose reset is this near is waited out in the run (X's window is 15 minutes: longer waits pause).</summary>
    public static readonly TimeSpan InlineWaitLimit = TimeSpan.FromSeconds(60);

    /// <summary>At most this many 429s are waited out in one run; the next pauses it.</summary>
    public const int MaxInlineWaits = 3;

    /// <summary>Failures (X unreachable, 5xx, credentials refused) before a post is reported as not removed.</summary>
    public const int MaxAttempts = 5;

    /// <summary>A run holds the case this long; a run that died releases it by running out.</summary>
    public static readonly TimeSpan RunHold = TimeSpan.FromMinutes(5);

    /// <summary>A run stops and hands over to a continuation after this long (well inside the Functions timeout).</summary>
    public static readonly TimeSpan RunBudget = TimeSpan.FromMinutes(4);

    private static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(1);

    public async Task<TakeDownReport?> GetAsync(string caseId, CancellationToken ct) =>
        await cases.GetAsync(caseId, ct) is { } found ? new TakeDownReport(found, await cases.GetPlanAsync(caseId, ct)) : null;

    /// <summary>Every case, newest first, for the SLT page.</summary>
    public Task<IReadOnlyList<ProtectionCase>> ListAsync(CancellationToken ct) => cases.ListAsync(ct);

    /// <summary>One confirmation for every post of the case; then the take-down runs.</summary>
    public async Task<(ConfirmOutcome Outcome, TakeDownReport? Report)> ConfirmAsync(string caseId, string actor, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var current = await cases.GetAsync(caseId, ct);
            if (current is null) return (ConfirmOutcome.NotFound, null);
            if (current.Status != ProtectionCaseStatus.AwaitingConfirmation) return (ConfirmOutcome.AlreadyConfirmed, await GetAsync(caseId, ct));

            var now = time.GetUtcNow();
            var confirmed = await cases.TryReplaceAsync(current with { Status = ProtectionCaseStatus.TakingDown, ConfirmedBy = actor, ConfirmedAt = now }, ct);
            if (confirmed is null) continue;

            await audit.AppendAsync(new AuditEntry(now, actor, ProtectionAuditActions.Confirmed, caseId, "take-down confirmed"), ct);
            // Sent before the run: if this process dies mid-way, the message resumes the plan once the run's hold has lapsed.
            await ContinueLaterAsync(caseId, RunHold + TimeSpan.FromSeconds(30), ct);
            return (ConfirmOutcome.Confirmed, await RunAsync(caseId, ct));
        }
        throw new InvalidOperationException($"Protection case {caseId} kept changing while it was being confirmed.");
    }

    /// <summary>Handles a protection-takedowns message (a continuation): carries on the case's plan.</summary>
    public Task<TakeDownReport?> ContinueAsync(string message, CancellationToken ct) =>
        RunAsync(ReadCaseId(message) ?? throw new FormatException("The protection-takedowns message carries no case id."), ct);

    /// <summary>Deletes the plan's pending posts. Safe to call at any time: a case not confirmed, complete, held or paused is left alone.</summary>
    public async Task<TakeDownReport?> RunAsync(string caseId, CancellationToken ct)
    {
        var held = await HoldAsync(caseId, ct);
        if (held is not { } protectionCase) return await GetAsync(caseId, ct);

        var started = time.GetUtcNow();
        var plan = (await cases.GetPlanAsync(caseId, ct)).ToList();
        var inlineWaits = 0;
        for (var i = 0; i < plan.Count; i++)
        {
            var item = plan[i];
            if (item.IsDone) continue;
            if (time.GetUtcNow() - started > RunBudget)
            {
                return await HandOverAsync(protectionCase, plan, null, TimeSpan.Zero, ct);
            }

            try
            {
                await x.DeletePostAsync(item.TweetId, ct);
                plan[i] = await SettleAsync(caseId, item, TakeDownState.Removed, null, ct);
            }
            catch (XRateLimitedException limited)
            {
                var wait = limited.ResetAt - time.GetUtcNow();
                if (wait <= InlineWaitLimit && inlineWaits < MaxInlineWaits)
                {
                    inlineWaits++;
                    logger.LogInformation("Take-down {CaseId}: X's rate limit resets in {Wait}; waiting", caseId, wait);
                    if (wait > TimeSpan.Zero) await Task.Delay(wait, time, ct);
                    i--;
                    continue;
                }
                return await HandOverAsync(protectionCase, plan, limited.ResetAt, wait, ct);
            }
            catch (XApiException gone) when (gone.Status == 404)
            {
                plan[i] = await SettleAsync(caseId, item, TakeDownState.AlreadyGone, null, ct);
            }
            catch (XApiException failed) when (failed.Status is 0 or 401 or >= 500)
            {
                var attempts = item.Attempts + 1;
                plan[i] = attempts >= MaxAttempts
                    ? await SettleAsync(caseId, item with { Attempts = attempts }, TakeDownState.NotRemoved, Reason(failed), ct)
                    : item with { Attempts = attempts, Detail = Reason(failed) };
                if (!plan[i].IsDone) await cases.PutItemAsync(caseId, plan[i], ct);
            }
            catch (XApiException refused)
            {
                plan[i] = await SettleAsync(caseId, item, TakeDownState.NotRemoved, Reason(refused), ct);
            }
        }

        return plan.Any(p => !p.IsDone)
            ? await HandOverAsync(protectionCase, plan, null, RetryDelay, ct)
            : await CompleteAsync(protectionCase, plan, ct);
    }

    /// <summary>The case, now held by this run; null when there is nothing for this run to do.</summary>
    private async Task<ProtectionCase?> HoldAsync(string caseId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var current = await cases.GetAsync(caseId, ct);
            if (current is null || current.Status != ProtectionCaseStatus.TakingDown) return null;
            var now = time.GetUtcNow();
            if (current.PausedUntil is { } paused && paused > now) return null; // its continuation is queued for then
            if (current.RunHeldUntil is { } heldUntil && heldUntil > now)
            {
                // Another run is at it (or died holding it): look again when the hold lapses.
                await ContinueLaterAsync(caseId, heldUntil - now + TimeSpan.FromSeconds(5), ct);
                return null;
            }
            var held = await cases.TryReplaceAsync(current with { RunHeldUntil = now + RunHold, PausedUntil = null }, ct);
            if (held is not null) return held;
        }
        return null;
    }

    private async Task<TakeDownItem> SettleAsync(string caseId, TakeDownItem item, TakeDownState state, string? detail, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var settled = item with { State = state, Detail = detail, DoneAt = now };
        await cases.PutItemAsync(caseId, settled, ct);
        if (state != TakeDownState.NotRemoved) await posts.MarkRemovedAsync(item.TweetId, now, ct);
        var (action, outcome) = state switch
        {
            TakeDownState.Removed => (ProtectionAuditActions.PostRemoved, "deleted"),
            TakeDownState.AlreadyGone => (ProtectionAuditActions.PostAlreadyGone, "already deleted"),
            _ => (ProtectionAuditActions.PostNotRemoved, "not removed"),
        };
        await audit.AppendAsync(new AuditEntry(now, DraftAuditActions.System, action, caseId, outcome, $"{item.Link}" + (detail is null ? "" : $": {detail}")), ct);
        return settled;
    }

    /// <summary>Releases the case for a continuation <paramref name="after"/> from now (paused until X's reset when rate-limited).</summary>
    private async Task<TakeDownReport> HandOverAsync(ProtectionCase held, List<TakeDownItem> plan, DateTimeOffset? pausedUntil, TimeSpan after,
        CancellationToken ct)
    {
        var released = await ReleaseAsync(held, c => c with { RunHeldUntil = null, PausedUntil = pausedUntil }, ct);
        if (after < TimeSpan.Zero) after = TimeSpan.Zero;
        await ContinueLaterAsync(held.Id, after + (pausedUntil is null ? TimeSpan.Zero : TimeSpan.FromSeconds(2)), ct);
        if (pausedUntil is { } until)
        {
            var left = plan.Count(p => !p.IsDone);
            logger.LogWarning("Take-down {CaseId} paused by X's rate limit until {ResetAt}: {Left} posts left", held.Id, until, left);
            await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), DraftAuditActions.System, ProtectionAuditActions.Paused, held.Id,
                $"paused until {until:O}", $"{left} posts left"), ct);
        }
        return new TakeDownReport(released, plan);
    }

    private async Task<TakeDownReport> CompleteAsync(ProtectionCase held, List<TakeDownItem> plan, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var done = await ReleaseAsync(held, c => c with { Status = ProtectionCaseStatus.Complete, CompletedAt = now, RunHeldUntil = null, PausedUntil = null }, ct);
        var report = new TakeDownReport(done, plan);
        await audit.AppendAsync(new AuditEntry(now, DraftAuditActions.System, ProtectionAuditActions.Completed, held.Id,
            $"{report.Removed} removed, {report.AlreadyGone} already gone, {report.NotRemoved.Count} not removed"), ct);
        logger.LogInformation("Take-down {CaseId} finished: {Removed} removed, {AlreadyGone} already gone, {NotRemoved} not removed",
            held.Id, report.Removed, report.AlreadyGone, report.NotRemoved.Count);
        try
        {
            await notifier.NotifyAsync(ReportCard(report), ct);
        }
        catch (NotificationFailedException failed)
        {
            logger.LogError("Take-down {CaseId}: the report could not be sent to SLT ({Reason})", held.Id, failed.Reason);
        }
        return report;
    }

    private async Task<ProtectionCase> ReleaseAsync(ProtectionCase held, Func<ProtectionCase, ProtectionCase> change, CancellationToken ct)
    {
        var current = held;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await cases.TryReplaceAsync(change(current), ct) is { } replaced) return replaced;
            current = await cases.GetAsync(held.Id, ct) ?? throw new InvalidOperationException($"Protection case {held.Id} vanished.");
        }
        throw new InvalidOperationException($"Protection case {held.Id} kept changing while its take-down was being recorded.");
    }

    /// <summary>
    /// A continuation that failed every delivery (the poison queue): the posts still on X would otherwise wait unseen, so SLT hear
    /// which, and a person deletes them by hand or confirms again on the SLT page.
    /// </summary>
    public async Task StalledAsync(string message, CancellationToken ct)
    {
        var caseId = ReadCaseId(message);
        await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), DraftAuditActions.System, ProtectionAuditActions.Stalled, caseId ?? "unknown",
            "continuation failed every delivery"), ct);
        var report = caseId is null ? null : await GetAsync(caseId, ct);
        if (report is null)
        {
            logger.LogError("A take-down continuation failed every delivery and names no known case");
            return;
        }
        var still = report.Plan.Where(p => !p.IsDone).ToList();
        if (still.Count == 0) return;
        await notifier.NotifyAsync(StalledCard(report, still), ct);
    }

    public static Notification StalledCard(TakeDownReport report, IReadOnlyList<TakeDownItem> still) =>
        new(StalledKind, $"Take-down stopped: {still.Count} posts are still on X", [
            new("Pupil", $"{report.Case.PupilId} ({report.Case.PupilInitials})"),
            new("Still on X", still.Count.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))),
            new("Case", report.Case.Id),
        ], Text: "The service could not finish taking these posts down. Delete them by hand in the X app now (open each link, … menu, Delete):\n"
                 + string.Join('\n', still.Select(i => $"- {i.Link}")))
        {
            AlsoSltChannel = true,
            Subject = report.Case.Id,
            Buttons = [new("See the case", PagePlace.Protection with { Item = report.Case.Id })],
        };

    public static Notification ReportCard(TakeDownReport report)
    {
        var c = CultureInfo.GetCultureInfo("en-GB");
        var notRemoved = report.NotRemoved;
        var facts = new List<KeyValuePair<string, string>>
        {
            new("Pupil", $"{report.Case.PupilId} ({report.Case.PupilInitials})"),
            new("Removed", report.Removed.ToString("N0", c)),
            new("Already gone", report.AlreadyGone.ToString("N0", c)),
            new("Could not be removed", notRemoved.Count.ToString("N0", c)),
            new("Drafts held back", report.Case.BlockedDraftIds.Count.ToString("N0", c)),
            new("Case", report.Case.Id),
        };
        var text = notRemoved.Count == 0
            ? "Every post that pictured or named the pupil is gone from the school's account."
            : "Remove these by hand in the X app now (open each link, … menu, Delete):\n"
              + string.Join('\n', notRemoved.Select(i => $"- {i.Link}: {i.Detail}"));
        var title = notRemoved.Count == 0
            ? $"Take-down finished: {report.Removed + report.AlreadyGone} posts gone"
            : $"Take-down finished: {notRemoved.Count} posts could NOT be removed";
        return new Notification(ReportKind, title, facts, Text: text)
        {
            Subject = report.Case.Id,
            Buttons = [new("See the case", PagePlace.Protection with { Item = report.Case.Id })],
        };
    }

    private Task ContinueLaterAsync(string caseId, TimeSpan after, CancellationToken ct) =>
        queue.SendAsync(QueueNames.TakeDowns, JsonSerializer.Serialize(new { caseId }),
            after <= TimeSpan.Zero ? null : after > TimeSpan.FromDays(7) ? TimeSpan.FromDays(7) : after, ct);

    private static string? ReadCaseId(string message)
    {
        try
        {
            using var doc = JsonDocument.Parse(message);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("caseId", out var id)
                   && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } value ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Reason(XApiException e) => e.Status switch
    {
        0 => "X could not be reached",
        401 => "X refused the account's credentials",
        _ => $"X answered {e.Status}" + (e.Detail is { Length: > 0 } d ? $": {d}" : ""),
    };
}
