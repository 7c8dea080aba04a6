using System.Globalization;
using Microsoft.Extensions.Logging;
using SchoolTwitter.Application.Notifications;
using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Time;

namespace SchoolTwitter.Application.Drafts;

/// <summary>
/// Tells the submitter (and, where a person must act, the SLT channel too, in the same notification) what happened to a draft.
/// A failed notification is logged and never changes or undoes the draft's state; where SLT must act, the result says
/// whether the SLT channel heard, so the caller can note it and the sweep can try again.
/// </summary>
public sealed class DraftOutcomeNotifier(INotifier notifier, ILogger<DraftOutcomeNotifier> logger)
{
    public const string Blocked = "draft.blocked";
    public const string AwaitingApproval = "draft.awaiting-approval";
    public const string Published = "draft.published";
    public const string Failed = "draft.failed";
    public const string NeedsReconciliation = "draft.needs-reconciliation";
    public const string HeldBack = "draft.held-back";

    /// <summary>Findings listed on a card; the rest are on the SLT page.</summary>
    public const int FindingsListedAtMost = 12;

    /// <summary>Characters of the draft quoted on a card.</summary>
    public const int QuotedAtMost = 1000;

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public Task BlockedAsync(DraftRecord draft, CancellationToken ct) => SendAsync(ForBlocked(draft), ct);

    /// <returns>Whether the SLT channel was told.</returns>
    /// <returns>Whether the SLT channel was told.</returns>
    public Task<bool> BlockedAtPublishAsync(DraftRecord draft, CancellationToken ct) => SendAsync(ForBlockedAtPublish(draft), ct);

    public Task<bool> AwaitingApprovalAsync(DraftRecord draft, CancellationToken ct) => SendAsync(ForAwaitingApproval(draft), ct);

    public Task PublishedAsync(DraftRecord draft, CancellationToken ct) => SendAsync(ForPublished(draft), ct);

    public Task FailedAsync(DraftRecord draft, CancellationToken ct) => SendAsync(ForFailed(draft), ct);

    /// <returns>Whether the SLT channel was told.</returns>
    public Task<bool> NeedsReconciliationAsync(DraftRecord draft, CancellationToken ct) => SendAsync(ForNeedsReconciliation(draft), ct);

    public Task HeldBackAsync(DraftRecord draft, CancellationToken ct) => SendAsync(ForHeldBack(draft), ct);

    // A pupil must no longer be seen: the submitter hears why in general words only. Neither the draft (it may name the pupil)
    // nor the pupil is quoted, as the card may reach a shared channel; the signed-in SLT page shows the draft.
    public static Notification ForHeldBack(DraftRecord draft) =>
        new Notification(HeldBack, "Your draft tweet will not be posted: it pictures or names a pupil the school must no longer show",
            Facts(draft), draft.SubmittedBy,
            Text: "It was stopped before it was posted. Please do not submit it again with that pupil in it; SLT have the details.")
        {
            Subject = draft.Id,
            Buttons = [new("See the draft", PagePlace.Draft(draft.Id))],
        };

    public static Notification ForBlocked(DraftRecord draft) =>
        About(draft, new Notification(Blocked, "Your draft tweet was not posted: it breaks the code of conduct", Facts(draft), draft.SubmittedBy,
            Text: "Change what is listed below, then submit the Form again.")
        {
            Sections = FindingSections(draft.Verdict),
            Buttons = [new("See the draft", PagePlace.Draft(draft.Id))],
        });

    // Weeks may pass between approval and the publish time; SLT hear too, because consent or the roster changed under them.
    public static Notification ForBlockedAtPublish(DraftRecord draft) =>
        About(draft, new Notification(Blocked, $"A scheduled tweet from {draft.SubmittedBy} was stopped at its publish time",
            [.. Facts(draft), new("Why now", "It was checked again at its publish time, with that day's pupil roster and photo consent.")],
            draft.SubmittedBy,
            Text: "It was not posted: it now breaks the code of conduct. Change what is listed below, then submit the Form again.")
        {
            AlsoSltChannel = true,
            Sections = FindingSections(draft.Verdict),
            Buttons = [new("See the draft", PagePlace.Draft(draft.Id))],
        });

    // Four eyes: someone other than the submitter has to act, so the SLT channel hears the same card.
    public static Notification ForAwaitingApproval(DraftRecord draft) =>
        About(draft, new Notification(AwaitingApproval, $"A draft tweet from {draft.SubmittedBy} needs another SLT member to approve it",
            [.. Facts(draft), new("To be posted", draft.ScheduledFor is { } at ? When(at) : "As soon as it is approved")], draft.SubmittedBy,
            Text: $"The checks found warnings but nothing that stops it. An SLT member other than {draft.SubmittedBy} must read them and approve it before it is posted.")
        {
            AlsoSltChannel = true,
            Sections = FindingSections(draft.Verdict),
            Buttons = [new("Review and approve", PagePlace.Draft(draft.Id))],
        });

    public static Notification ForPublished(DraftRecord draft) =>
        About(draft, new Notification(Published, "Your tweet has been posted", [.. Facts(draft), new("Posted", When(draft.UpdatedAt))],
            draft.SubmittedBy, draft.TweetUrl)
        {
            Buttons = draft.TweetUrl is null ? [new("See the draft", PagePlace.Draft(draft.Id))] : [new("See the tweet", Url: draft.TweetUrl)],
        });

    public static Notification ForFailed(DraftRecord draft) =>
        About(draft, new Notification(Failed, $"A draft tweet from {draft.SubmittedBy} could not be posted",
            [.. Facts(draft), new("Why", draft.FailureReason ?? "The reason was not recorded.")], draft.SubmittedBy,
            Text: "Nothing was posted. Fix what the reason says and submit the draft again; ask council IT if the reason is not clear.")
        {
            AlsoSltChannel = true,
            Buttons = [new("See the draft", PagePlace.Draft(draft.Id))],
        });

    public static Notification ForNeedsReconciliation(DraftRecord draft) =>
        About(draft, new Notification(NeedsReconciliation, "Please check the school's X account: this tweet may or may not have been posted",
            [.. Facts(draft), new("What happened", draft.FailureReason ?? "X's answer was lost.")], draft.SubmittedBy,
            Text: "The service will not post it again by itself, so that it never appears twice.")
        {
            AlsoSltChannel = true,
            Sections =
            [
                new("What to do", [
                    new("Open the school's X account and look for the tweet quoted above."),
                    new("If it is there, nothing more is needed: do not submit it again."),
                    new("If it is not there, post it by hand in the X app, or submit the draft again."),
                ], Numbered: true),
            ],
            Buttons = [new("See the draft", PagePlace.Draft(draft.Id))],
        });

    private static Notification About(DraftRecord draft, Notification notification) =>
        notification with { Subject = draft.Id, Quote = Quoted(draft.Text) };

    private async Task<bool> SendAsync(Notification notification, CancellationToken ct)
    {
        try
        {
            await notifier.NotifyAsync(notification, ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Notification {Kind} to {Recipient} failed; the draft's state is unchanged", notification.Kind,
                notification.Recipient ?? "SLT channel");
            return false;
        }
    }

    private static List<KeyValuePair<string, string>> Facts(DraftRecord draft)
    {
        var facts = new List<KeyValuePair<string, string>>
        {
            new("Submitted by", draft.SubmittedBy),
            new("Submitted", When(draft.SubmittedAt)),
        };
        if (draft.Images.Count > 0)
        {
            facts.Add(new("Photos", draft.Images.Count == 1 ? "1 attached" : $"{draft.Images.Count} attached"));
        }
        return facts;
    }

    /// <summary>"Tuesday 1 December 2026 at 09:00", UK time.</summary>
    public static string When(DateTimeOffset instant) => UkTime.ToUk(instant).ToString("dddd d MMMM yyyy 'at' HH:mm", EnGb);

    private static string Quoted(string text) => text.Length > QuotedAtMost ? text[..QuotedAtMost] + "…" : text;

    /// <summary>What stops the draft first, then what to check; each finding its own line with its suggestion.</summary>
    private static IReadOnlyList<NotificationSection> FindingSections(Verdict? verdict)
    {
        if (verdict is null || verdict.Findings.Count == 0) return [];
        var sections = new List<NotificationSection>();
        var listed = 0;
        foreach (var (severity, heading) in new[] { (Severity.Block, "What stops it being posted"), (Severity.Warn, "Warnings to check") })
        {
            var findings = verdict.Findings.Where(f => f.Severity == severity).ToList();
            if (findings.Count == 0) continue;
            var room = Math.Max(0, FindingsListedAtMost - listed);
            var lines = findings.Take(room)
                .Select(f => new NotificationLine(f.Message, Suggestion(f), Serious: severity == Severity.Block))
                .ToList();
            listed += lines.Count;
            if (findings.Count > lines.Count)
            {
                lines.Add(new NotificationLine($"…and {findings.Count - lines.Count} more on the SLT page."));
            }
            sections.Add(new NotificationSection(heading, lines));
        }
        return sections;
    }

    private static string? Suggestion(Finding finding) =>
        string.IsNullOrWhiteSpace(finding.Suggestion) ? null : $"Suggestion: {finding.Suggestion}";
}
