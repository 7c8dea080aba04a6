using System.Globalization;
using Microsoft.Extensions.Logging;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Application.Notifications;
using SchoolTwitter.Core.Roster;

namespace SchoolTwitter.Application.Protection;

/// <param name="Pupil">The pupil as the roster knew them (the old roster for a withdrawal or a leaver).</param>
public sealed record ProtectionEvent(Pupil Pupil, ProtectionTrigger Trigger);

/// <summary>A case as SLT see it: the case, its plan, and the drafts held back.</summary>
public sealed record ProtectionCaseView(ProtectionCase Case, IReadOnlyList<TakeDownItem> Plan);

/// <summary>
/// When a pupil must no longer be seen: lists every live post that pictured or named them (from the <see cref="PostRecord"/>s)
/// and every draft on its way that would, holds those drafts back, stores the take-down plan, and alerts SLT at once.
/// Nothing is deleted here: <see cref="TakeDownService"/> does that after one SLT confirmation.
/// </summary>
public sealed class ProtectionService(
    IPostRecordStore posts,
    IProtectionCaseStore cases,
    IDraftStore drafts,
    IPupilRosterStore rosters,
    PostRecorder recorder,
    IAuditLog audit,
    INotifier notifier,
    DraftOutcomeNotifier outcomes,
    TimeProvider time,
    ILogger<ProtectionService> logger)
{
    public const string AlertKind = "protection.alert";

    /// <summary>Drafts that may still be posted: each is held back if it pictures or names the pupil.</summary>
    private static readonly DraftStatus[] OnTheirWay = [DraftStatus.Received, DraftStatus.Checking, DraftStatus.AwaitingApproval, DraftStatus.Scheduled];

    /// <summary>The pupils a roster upload takes out of sight: consent Y to N, or no longer on the roster.</summary>
    public static IReadOnlyList<ProtectionEvent> Between(PupilRoster before, PupilRoster after)
    {
        var events = new List<ProtectionEvent>();
        foreach (var pupil in before.Pupils)
        {
            var now = after.Find(pupil.Id);
            if (now is null) events.Add(new ProtectionEvent(pupil, ProtectionTrigger.LeftRoster));
            else if (pupil.PhotoConsent && !now.PhotoConsent) events.Add(new ProtectionEvent(pupil, ProtectionTrigger.ConsentWithdrawn));
        }
        return events;
    }

    /// <summary>SLT mark a pupil "must not be seen". The reason goes to the audit log only. Null when the roster has no such pupil.</summary>
    public async Task<ProtectionCaseView?> MarkMustNotBeSeenAsync(string pupilId, string actor, string reason, CancellationToken ct)
    {
        var roster = await rosters.GetAsync(ct);
        if (roster.Find(pupilId) is not { } pupil) return null;
        var opened = await OpenAsync([new ProtectionEvent(pupil, ProtectionTrigger.MustNotBeSeen)], roster, actor, reason, ct);
        return opened[0];
    }

    /// <summary>
    /// Opens one case per event. The posts and drafts are read once for all events (a July upload may carry thirty leavers).
    /// <paramref name="roster"/> is the roster the pupils' names are read against (the old one for an upload).
    /// </summary>
    public async Task<IReadOnlyList<ProtectionCaseView>> OpenAsync(IReadOnlyList<ProtectionEvent> events, PupilRoster roster, string actor,
        string? reason, CancellationToken ct)
    {
        if (events.Count == 0) return [];
        var live = new List<PostRecord>();
        await foreach (var record in posts.ListLiveAsync(ct)) live.Add(record);
        var waiting = new List<DraftRecord>();
        foreach (var status in OnTheirWay)
        {
            await foreach (var draft in drafts.ListAsync(status, ct)) waiting.Add(draft);
        }

        var views = new List<ProtectionCaseView>(events.Count);
        foreach (var e in events)
        {
            views.Add(await OpenOneAsync(e, live, waiting, roster, actor, reason, ct));
        }
        return views;
    }

    private async Task<ProtectionCaseView> OpenOneAsync(ProtectionEvent e, List<PostRecord> live, List<DraftRecord> waiting, PupilRoster roster,
        string actor, string? reason, CancellationToken ct)
    {
        var pupil = e.Pupil;
        string[] names = [pupil.FirstName, pupil.LastName, $"{pupil.FirstName} {pupil.LastName}"];
        var plan = live
            .Where(p => p.Pictures(pupil.Id) || p.Names(pupil.Id, names))
            .OrderBy(p => p.PostedAt)
            .Select(p => new TakeDownItem(p.TweetId, p.Pictures(pupil.Id) ? "pictured" : "named", p.PostedAt))
            .ToList();

        var now = time.GetUtcNow();
        var id = "pc-" + Guid.NewGuid().ToString("N");
        var held = new List<string>();
        var heldDrafts = new List<DraftRecord>();
        foreach (var draft in waiting.Where(d => Concerns(d, pupil, names, roster)))
        {
            if (await HoldBackAsync(draft.Id, id, ct) is { } heldBack)
            {
                held.Add(heldBack.Id);
                heldDrafts.Add(heldBack);
            }
        }

        // A routine leaver with nothing online needs no card; an SLT marking always gets one, as the record of what was found.
        var alert = plan.Count > 0 || held.Count > 0 || e.Trigger == ProtectionTrigger.MustNotBeSeen;
        var opened = await cases.CreateAsync(new ProtectionCase
        {
            Id = id,
            PupilId = pupil.Id,
            PupilInitials = Initials(pupil),
            Trigger = e.Trigger,
            OpenedBy = actor,
            OpenedAt = now,
            Status = plan.Count == 0 ? ProtectionCaseStatus.Complete : ProtectionCaseStatus.AwaitingConfirmation,
            CompletedAt = plan.Count == 0 ? now : null,
            BlockedDraftIds = held,
            AlertPendingSince = alert ? now : null,
        }, plan, ct);

        // The reason is for the audit log alone: never a card, a log line or an answer.
        await audit.AppendAsync(new AuditEntry(now, actor, ProtectionAuditActions.Opened, id,
            $"{Describe(e.Trigger)}: {plan.Count} live posts, {held.Count} drafts held back",
            $"pupil {pupil.Id}" + (string.IsNullOrWhiteSpace(reason) ? "" : $"; reason: {reason.Trim()}")), ct);
        logger.LogWarning("Protection case {CaseId} opened ({Trigger}): {PostCount} live posts to take down, {DraftCount} drafts held back",
            id, e.Trigger, plan.Count, held.Count);

        if (alert) opened = await AlertAsync(opened, plan, ct);

        // Then each held-back draft's submitter, one card each, after SLT: a channel that is down delays no safeguarding alert
        // (a failed card is logged; the draft stays held back either way).
        foreach (var draft in heldDrafts) await outcomes.HeldBackAsync(draft, ct);
        return new ProtectionCaseView(opened, plan);
    }

    private bool Concerns(DraftRecord draft, Pupil pupil, string[] names, PupilRoster roster) =>
        draft.Images.Any(i => i.PupilsPictured.Contains(pupil.Id, StringComparer.OrdinalIgnoreCase))
        || recorder.NamedPupils(draft, roster).Any(m => string.Equals(m.Pupil.Id, pupil.Id, StringComparison.OrdinalIgnoreCase)
            || names.Contains(m.Written, StringComparer.OrdinalIgnoreCase));

    /// <returns>The draft as held back; null when it moved on meanwhile (published: then its post is found by the next case, or was blocked).</returns>
    private async Task<DraftRecord?> HoldBackAsync(string draftId, string caseId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var draft = await drafts.GetAsync(draftId, ct);
            if (draft is null || !OnTheirWay.Contains(draft.Status)) return null;
            var now = time.GetUtcNow();
            var blocked = await drafts.TryTransitionAsync(draft, DraftStatus.Blocked, now, d => d with
            {
                FailureReason = $"Held back: it pictures or names a pupil who must no longer be seen (protection case {caseId}).",
            }, ct);
            if (blocked is null) continue;
            await audit.AppendAsync(DraftAuditActions.Entry(now, DraftAuditActions.System, ProtectionAuditActions.DraftHeldBack, draftId,
                "blocked", $"protection case {caseId}"), ct);
            return blocked;
        }
        logger.LogError("Draft {DraftId} kept changing and could not be held back for protection case {CaseId}", draftId, caseId);
        return null;
    }

    /// <summary>
    /// The SLT alert for a case: the pupil by roster id and initials only (never their name), what opened the case in the
    /// roster's terms, and the live posts to take down.
    /// </summary>
    public static Notification AlertCard(ProtectionCase opened, IReadOnlyList<TakeDownItem> plan)
    {
        var c = CultureInfo.GetCultureInfo("en-GB");
        var facts = new List<KeyValuePair<string, string>>
        {
            new("Pupil", $"{opened.PupilId} ({opened.PupilInitials})"),
            new("Why", Describe(opened.Trigger)),
            new("Live posts picturing or naming the pupil", plan.Count.ToString("N0", c)),
            new("Drafts held back", opened.BlockedDraftIds.Count.ToString("N0", c)),
            new("Case", opened.Id),
        };
        var lines = new List<string>();
        if (plan.Count > 0)
        {
            lines.Add("Nothing is deleted until one SLT member confirms the take-down on the SLT page.");
            lines.AddRange(plan.Take(20).Select(p => $"- {p.Link} ({p.Reason}, {p.PostedAt.ToString("d MMM yyyy", c)})"));
            if (plan.Count > 20) lines.Add($"- …and {plan.Count - 20} more in the case.");
        }
        else
        {
            lines.Add("No live post of the school's account pictures or names the pupil.");
        }
        var title = plan.Count > 0
            ? plan.Count == 1
                ? "Safeguarding: 1 post pictures or names a pupil who must no longer be seen"
                : $"Safeguarding: {plan.Count} posts picture or name a pupil who must no longer be seen"
            : "Safeguarding: a pupil must no longer be seen; no live post found";
        return new Notification(AlertKind, title, facts, Text: string.Join('\n', lines))
        {
            Subject = opened.Id,
            Buttons = [new("Review and take down", PagePlace.Protection with { Item = opened.Id })],
        };
    }

    /// <summary>
    /// Sends again every case alert the channel did not take (run by a timer): a safeguarding alert is never left unsent. A case
    /// an SLT member has already confirmed on the page needs no alert any more. Returns how many were delivered.
    /// </summary>
    public async Task<int> RetryAlertsAsync(CancellationToken ct)
    {
        var delivered = 0;
        foreach (var pending in (await cases.ListAsync(ct)).Where(c => c.AlertPendingSince is not null))
        {
            if (pending.ConfirmedAt is not null)
            {
                await ClearAlertPendingAsync(pending, ct);
                continue;
            }
            var after = await AlertAsync(pending, await cases.GetPlanAsync(pending.Id, ct), ct);
            if (after.AlertPendingSince is null) delivered++;
        }
        if (delivered > 0) logger.LogInformation("{Count} protection alerts sent again after the channel failed", delivered);
        return delivered;
    }

    /// <returns>The case as stored after the attempt: still pending when the channel did not take the alert.</returns>
    private async Task<ProtectionCase> AlertAsync(ProtectionCase opened, IReadOnlyList<TakeDownItem> plan, CancellationToken ct)
    {
        try
        {
            await notifier.NotifyAsync(AlertCard(opened, plan), ct);
        }
        catch (NotificationFailedException failed)
        {
            // The case is stored and listed on the SLT page, still marked pending, so the timer sends the alert again; the
            // failure is audited so the DSL can see when nobody was told.
            logger.LogError("Protection case {CaseId}: SLT could not be alerted ({Reason}); it will be sent again", opened.Id, failed.Reason);
            await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), DraftAuditActions.System, ProtectionAuditActions.AlertFailed, opened.Id,
                "not delivered; to be sent again", failed.Reason), ct);
            return opened;
        }
        return await ClearAlertPendingAsync(opened, ct);
    }

    /// <summary>Clears the pending mark, re-reading the case when a take-down run or SLT changed it meanwhile.</summary>
    private async Task<ProtectionCase> ClearAlertPendingAsync(ProtectionCase current, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5 && current.AlertPendingSince is not null; attempt++)
        {
            if (await cases.TryReplaceAsync(current with { AlertPendingSince = null }, ct) is { } cleared) return cleared;
            current = await cases.GetAsync(current.Id, ct) ?? current;
        }
        // Still marked: the next retry re-sends one card rather than risk none.
        return current;
    }

    public static string Describe(ProtectionTrigger trigger) => trigger switch
    {
        ProtectionTrigger.ConsentWithdrawn => "photo consent withdrawn in a roster upload",
        ProtectionTrigger.LeftRoster => "no longer on the roster",
        _ => "marked by SLT as must not be seen",
    };

    private static string Initials(Pupil pupil) =>
        string.Concat(new[] { pupil.FirstName, pupil.LastName }.Where(n => n.Length > 0).Select(n => char.ToUpperInvariant(n[0]) + "."));
}
