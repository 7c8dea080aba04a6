using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Protection;

namespace SchoolTwitter.Functions.Protection;

/// <summary>Sends again the protection alerts the SLT channel did not take (on the draft sweep's schedule, setting DraftSweepSchedule).</summary>
public sealed class RetryProtectionAlerts(ProtectionService protection)
{
    [Function(nameof(RetryProtectionAlerts))]
    public async Task Run([TimerTrigger("%DraftSweepSchedule%", RunOnStartup = false)] TimerInfo timer, CancellationToken ct) =>
        await protection.RetryAlertsAsync(ct);
}
