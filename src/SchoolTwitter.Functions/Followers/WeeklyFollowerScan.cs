using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SchoolTwitter.Application.Followers;

namespace SchoolTwitter.Functions.Followers;

/// <summary>Fires in UTC (e.g. hourly on Mondays); the service decides whether the UK clock has reached this week's scan.</summary>
public sealed class WeeklyFollowerScan(FollowerScanService scans, ILogger<WeeklyFollowerScan> logger)
{
    [Function(nameof(WeeklyFollowerScan))]
    public async Task Run([TimerTrigger("%WeeklyFollowerScanSchedule%", RunOnStartup = false)] TimerInfo timer, CancellationToken ct)
    {
        var result = await scans.RunScheduledAsync(ct);
        logger.LogInformation("Weekly follower scan: {Outcome} (run {RunId}, past due {PastDue})", result.Outcome, result.Run?.RunId, timer.IsPastDue);
    }
}
