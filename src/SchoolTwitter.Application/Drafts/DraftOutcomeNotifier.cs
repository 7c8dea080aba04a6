using Microsoft.Extensions.Logging;
using SchoolTwitter.Application.Notifications;
using SchoolTwitter.Core.CodeOfConduct;

namespace SchoolTwitter.Application.Drafts;

/// <summary>
/// Tells the submitter (and, where a person must act, the SLT channel) what happened to a draft.
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

    public Task BlockedAsync(DraftRecord draft, CancellationToken ct) =>
        SendAsync(new Notification(Blocked, "Your draft tweet breaks the code of conduct and will not be posted.",
            Facts(draft, FindingsFact(draft.Verdict)), draft.SubmittedBy), ct);

    /// <returns>Whether the SLT channel was told.</returns>
    public async Task<bool> BlockedAtPublishAsync(DraftRecord draft, CancellationToken ct)
    {
        var facts = Facts(draft, FindingsFact(draft.Verdict),
            KeyValuePair.Create("Why now", "It was checked again at its publish time, with that day's pupil roster and photo consent."));
        await SendAsync(new Notification(Blocked, "Your scheduled tweet was stopped at its publish time: it now breaks the code of conduct.",
            facts, draft.SubmittedBy), ct);
        return await SendAsync(new Notification(Blocked,
            $"A scheduled tweet from {draft.SubmittedBy} was not posted: the roster or photo consent changed since it was checked.", facts, null), ct);
    }

    /// <returns>Whether the SLT channel was told.</returns>
    public async Task<bool> AwaitingApprovalAsync(DraftRecord draft, CancellationToken ct)
    {
        var facts = Facts(draft, FindingsFact(draft.Verdict),
            KeyValuePair.Create("To approve", $"An SLT member other than {draft.SubmittedBy} accepts the warnings: POST /api/drafts/{draft.Id}/approval."));
        await SendAsync(new Notification(AwaitingApproval,
            "Your draft tweet has warnings: another SLT member must approve it before it is posted.", facts, draft.SubmittedBy), ct);
        // Four eyes: someone other than the submitter has to act, so the SLT channel hears too.
        return await SendAsync(new Notification(AwaitingApproval,
            $"A draft tweet from {draft.SubmittedBy} is waiting for an SLT approval.", facts, null), ct);
    }

    public Task PublishedAsync(DraftRecord draft, CancellationToken ct) =>
        SendAsync(new Notification(Published, "Your tweet has been posted.", Facts(draft), draft.SubmittedBy, draft.TweetUrl), ct);

    public async Task FailedAsync(DraftRecord draft, CancellationToken ct)
    {
        var facts = Facts(draft, KeyValuePair.Create("Reason", draft.FailureReason ?? "unknown"));
        await SendAsync(new Notification(Failed, "Your draft tweet could not be posted.", facts, draft.SubmittedBy), ct);
        await SendAsync(new Notification(Failed, $"A draft tweet from {draft.SubmittedBy} failed and was not posted.", facts, null), ct);
    }

    /// <returns>Whether the SLT channel was told.</returns>
    public async Task<bool> NeedsReconciliationAsync(DraftRecord draft, CancellationToken ct)
    {
        var facts = Facts(draft, KeyValuePair.Create("What to do",
            "Look at the school's X timeline. If the tweet is not there, post it by hand or submit the draft again."));
        const string title = "It is not certain whether a tweet was posted: please check the school's X account.";
        await SendAsync(new Notification(NeedsReconciliation, title, facts, draft.SubmittedBy), ct);
        return await SendAsync(new Notification(NeedsReconciliation, title, facts, null), ct);
    }

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

    private static List<KeyValuePair<string, string>> Facts(DraftRecord draft, params KeyValuePair<string, string>[] more)
    {
        var facts = new List<KeyValuePair<string, string>>
        {
            new("Draft", draft.Id),
            new("Text", draft.Text.Length > 300 ? draft.Text[..300] + "…" : draft.Text),
            new("Status", draft.Status.ToWire()),
        };
        facts.AddRange(more);
        return facts;
    }

    private static KeyValuePair<string, string> FindingsFact(Verdict? verdict) =>
        new("Findings", verdict is null || verdict.Findings.Count == 0
            ? "none"
            : string.Join("\n", verdict.Findings.Select(f => $"{f.Severity.ToString().ToLowerInvariant()}: {f.Message}")));
}
