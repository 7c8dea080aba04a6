using Microsoft.Extensions.Options;
using SchoolTwitter.Application.Messaging;

namespace SchoolTwitter.Application.Drafts;

/// <summary>
/// Sends a scheduled draft's publish message, hidden until its time (hopping when that is beyond the queue's 7-day limit),
/// and notes on the draft that it was sent: a scheduled draft without the note may have no message, and the sweep sends one.
/// </summary>
public sealed class DraftScheduler(IMessageQueue queue, IDraftStore drafts, IOptions<DraftPipelineOptions> options, TimeProvider time)
{
    public async Task SchedulePublishAsync(DraftRecord draft, CancellationToken ct)
    {
        await queue.SendAsync(QueueNames.DraftsToPublish, new DraftMessage(draft.Id).Serialize(), DelayUntil(draft.ScheduledFor), ct);
        // Best effort: a lost race means a publisher has the draft already; a missing note costs one more message, never a post.
        await drafts.TryReplaceAsync(draft with { PublishQueuedAt = time.GetUtcNow() }, ct);
    }

    /// <summary>How long to hide a message for <paramref name="dueAt"/>: null when due, at most the queue's limit.</summary>
    public TimeSpan? DelayUntil(DateTimeOffset? dueAt)
    {
        if (dueAt is null) return null;
        var wait = dueAt.Value - time.GetUtcNow();
        if (wait <= TimeSpan.Zero) return null;
        return wait > options.Value.MaxQueueDelay ? options.Value.MaxQueueDelay : wait;
    }
}
