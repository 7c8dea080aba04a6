using Microsoft.Extensions.Logging;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Notifications;
using SchoolTwitter.Application.Telemetry;

namespace SchoolTwitter.Application.Drafts;

/// <summary>
/// Handles a message that failed <c>maxDequeueCount</c> times: the draft is marked failed with the reason and SLT are
/// alerted, so nothing fails silently. A draft that may already be on X is never marked failed: it goes to reconciliation.
/// </summary>
public sealed class PoisonDraftService(
    IDraftStore drafts,
    IAuditLog audit,
    INotifier notifier,
    DraftOutcomeNotifier notify,
    DraftReconciliation reconciliation,
    TimeProvider time,
    ILogger<PoisonDraftService> logger)
{
    public async Task HandleAsync(string queueName, string message, CancellationToken ct)
    {
        var draftId = DraftMessage.TryParse(message)?.DraftId;
        logger.LogQueueMessagePoisoned(queueName, draftId);
        if (draftId is null)
        {
            logger.LogError("Unreadable poison message on {Queue}; SLT alerted", queueName);
            await AlertUnreadableAsync(queueName, ct);
            return;
        }

        // Stored and shown to SLT: plain words, no queue name; the alert log lines name the queue for council IT.
        var reason = $"The service tried several times to {Step(queueName)} it and kept failing, so it set it aside. Council IT can find why in the function logs.";
        var logged = $"{reason} (queue {queueName})";
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var draft = await drafts.GetAsync(draftId, ct);
            if (draft is null)
            {
                logger.LogError("Poison message on {Queue} names draft {DraftId}, which does not exist", queueName, draftId);
                await AlertUnreadableAsync(queueName, ct);
                return;
            }

            if (DraftLifecycle.IsFinal(draft.Status))
            {
                logger.LogInformation("Poison message for draft {DraftId}, already {Status}; nothing to mark", draftId, draft.Status.ToWire());
                return;
            }

            var now = time.GetUtcNow();
            if (draft.Status is DraftStatus.Publishing or DraftStatus.NeedsReconciliation)
            {
                // It may have been posted: a person must look, and nobody may post it again automatically.
                var unsure = draft.Status == DraftStatus.Publishing
                    ? await drafts.TryTransitionAsync(draft, DraftStatus.NeedsReconciliation, now, d => d with { FailureReason = reason, SltAlertedAt = null }, ct)
                    : await drafts.TryReplaceAsync(draft with { FailureReason = reason, SltAlertedAt = null, UpdatedAt = now }, ct);
                if (unsure is null) continue;
                await reconciliation.TellSltAsync(unsure, reason, "poison message; SLT alerted", ct);
                return;
            }

            var failed = await drafts.TryTransitionAsync(draft, DraftStatus.Failed, now, d => d with { FailureReason = reason }, ct);
            if (failed is null) continue;
            logger.LogDraftPublishFailed(draftId, logged);
            await audit.AppendAsync(DraftAuditActions.Entry(now, DraftAuditActions.System, DraftAuditActions.Failed, draftId, "failed", reason), ct);
            await notify.FailedAsync(failed, ct);
            return;
        }
        throw new InvalidOperationException($"Draft {draftId} kept changing while its poison message was handled.");
    }

    private async Task AlertUnreadableAsync(string queueName, CancellationToken ct)
    {
        try
        {
            await notifier.NotifyAsync(UnreadableAlert(queueName), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Alert about an unreadable poison message on {Queue} failed", queueName);
        }
    }

    /// <summary>The SLT channel's alert about a message that names no known draft.</summary>
    public static Notification UnreadableAlert(string queueName) =>
        new(DraftOutcomeNotifier.Failed, $"A draft tweet could not be {(Step(queueName) == "post" ? "posted" : "checked")}, and the service cannot tell which draft it was", [],
            Text: "Nothing was posted. If a draft you submitted has not been checked or posted, submit it again. Council IT can find the message in the function logs.")
        {
            Subject = queueName,
            Buttons = [new("See recent drafts", PagePlace.Drafts)],
        };

    /// <summary>What the queue was doing, in plain words.</summary>
    private static string Step(string queueName) =>
        queueName.StartsWith(QueueNames.DraftsToPublish, StringComparison.Ordinal) ? "post" : "check";
}
