using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Application.Messaging;

namespace SchoolTwitter.Functions.Drafts;

/// <summary>Publishes a scheduled draft to X; "retry later" (rate limit, a held claim) becomes a delayed copy of the message.</summary>
public sealed class PublishDraft(DraftPublishService publisher, IMessageQueue queue)
{
    [Function(nameof(PublishDraft))]
    public async Task Run([QueueTrigger(QueueNames.DraftsToPublish)] string message, CancellationToken ct)
    {
        try
        {
            await publisher.PublishAsync(message, ct);
        }
        catch (DraftRetryLaterException later)
        {
            // Completing this delivery and sending a hidden copy keeps the message's retry count for real failures.
            await queue.SendAsync(QueueNames.DraftsToPublish, message, later.Delay, ct);
        }
    }
}
