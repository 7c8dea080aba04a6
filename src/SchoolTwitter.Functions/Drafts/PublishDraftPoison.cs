using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Drafts;

namespace SchoolTwitter.Functions.Drafts;

/// <summary>A publish message that failed every retry: the draft fails (or, if it may be on X, awaits reconciliation) and SLT are alerted.</summary>
public sealed class PublishDraftPoison(PoisonDraftService poison)
{
    [Function(nameof(PublishDraftPoison))]
    public Task Run([QueueTrigger(QueueNames.DraftsToPublishPoison)] string message, CancellationToken ct) =>
        poison.HandleAsync(QueueNames.DraftsToPublish, message, ct);
}
