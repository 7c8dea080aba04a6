using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SchoolTwitter.Application.Drafts;

/// <summary>What one sweep sent.</summary>
public sealed record DraftSweepResult(int PublishMessagesSent, int ApprovalRequestsSent, int ApprovalRequestsUnsent, int Errors);

/// <summary>
/// The draft sweep (timer): finds drafts a lost message or an undelivered notification would leave waiting for ever and
/// sends what is missing. A scheduled draft with no publish message (an approval whose send failed) gets one; a draft
/// awaiting approval that SLT were never told about is asked for again; a draft stuck publishing or unreconciled with SLT
/// not told gets a publish message, which reconciles it. Each step is one a redelivery could take, so racing the pipeline
/// is harmless: publishing is exactly once however many messages there are.
/// </summary>
public sealed class DraftSweepService(
    IDraftStore drafts,
    DraftScheduler scheduler,
    DraftApprovalRequest approvals,
    IOptions<DraftPipelineOptions> options,
    TimeProvider time,
    ILogger<DraftSweepService> logger)
{
    public async Task<DraftSweepResult> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var o = options.Value;
        var settled = now - o.SweepGrace;
        int messages = 0, asked = 0, unasked = 0, errors = 0;

        async Task EachAsync(DraftStatus status, Func<DraftRecord, bool> stuck, Func<DraftRecord, Task> send)
        {
            await foreach (var draft in drafts.ListAsync(status, ct))
            {
                if (!stuck(draft)) continue;
                try
                {
                    await send(draft);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    errors++;
                    logger.LogError(ex, "The sweep could not settle draft {DraftId} ({Status})", draft.Id, status.ToWire());
                }
            }
        }

        async Task SendPublishAsync(DraftRecord draft)
        {
            logger.LogWarning("Draft {DraftId} is {Status} with no publish message on its way; the sweep sends one", draft.Id, draft.Status.ToWire());
            await scheduler.SchedulePublishAsync(draft, ct);
            messages++;
        }

        bool QuietSince(DraftRecord d, DateTimeOffset since) => d.UpdatedAt < since && (d.PublishQueuedAt is null || d.PublishQueuedAt < since);

        await EachAsync(DraftStatus.Scheduled,
            d => d.PublishQueuedAt is null && d.UpdatedAt < settled || (d.ScheduledFor ?? d.UpdatedAt) < now - o.SweepOverdue && QuietSince(d, now - o.SweepOverdue),
            SendPublishAsync);
        await EachAsync(DraftStatus.Publishing, d => (d.ClaimedAt ?? d.UpdatedAt) + o.PublishLease < settled && QuietSince(d, settled), SendPublishAsync);
        await EachAsync(DraftStatus.NeedsReconciliation, d => d.SltAlertedAt is null && QuietSince(d, settled), SendPublishAsync);
        await EachAsync(DraftStatus.AwaitingApproval, d => d.ApprovalRequestedAt is null && d.UpdatedAt < settled, async d =>
        {
            if (await approvals.SendAsync(d, ct)) asked++;
            else unasked++;
        });

        if (messages + asked + unasked + errors > 0)
        {
            logger.LogInformation("Draft sweep: {Messages} publish messages sent, {Asked} approval requests sent, {Unasked} still unsent, {Errors} errors",
                messages, asked, unasked, errors);
        }
        return new DraftSweepResult(messages, asked, unasked, errors);
    }
}
