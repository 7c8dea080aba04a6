using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Drafts;

namespace SchoolTwitter.Functions.Drafts;

/// <summary>Checks a submitted draft against the code of conduct.</summary>
public sealed class CheckDraft(DraftCheckService checks)
{
    [Function(nameof(CheckDraft))]
    public Task Run([QueueTrigger(QueueNames.DraftsToCheck)] string message, CancellationToken ct) =>
        checks.CheckAsync(message, ct);
}
