using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Protection;
using SchoolTwitter.Infrastructure.Configuration;

namespace SchoolTwitter.Functions.Protection;

/// <summary>Carries on a confirmed take-down from its stored plan (queued at X's rate-limit reset, or as the safety net).</summary>
public sealed class TakeDownContinuation(TakeDownService takeDowns, ILogger<TakeDownContinuation> logger)
{
    [Function(nameof(TakeDownContinuation))]
    public async Task Run([QueueTrigger(QueueNames.TakeDowns, Connection = SettingNames.StorageConnection)] string message, CancellationToken ct)
    {
        TakeDownReport? report;
        try
        {
            report = await takeDowns.ContinueAsync(message, ct);
        }
        catch (FormatException e)
        {
            // Retrying cannot fix a malformed message; the case's own messages carry on regardless.
            logger.LogError("Malformed take-down continuation dropped: {Error}", e.Message);
            return;
        }
        logger.LogInformation("Take-down continuation: case {CaseId} {Status}, {Pending} posts pending", report?.Case.Id, report?.Case.Status, report?.Pending);
    }
}
