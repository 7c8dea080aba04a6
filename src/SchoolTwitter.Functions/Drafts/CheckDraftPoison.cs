using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Drafts;

namespace SchoolTwitter.Functions.Drafts;

/// <summary>A check message that failed every retry: the draft fails with the reason and SLT are alerted.</summary>
public sealed class CheckDraftPoison(PoisonDraftService poison)
{
    [Function(nameof(CheckDraftPoison))]
    public Task Run([QueueTrigger(QueueNames.DraftsToCheckPoison)] string message, CancellationToken ct) =>
        poison.HandleAsync(QueueNames.DraftsToCheck, message, ct);
}
