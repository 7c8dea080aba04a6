using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Followers;
using SchoolTwitter.Infrastructure.Configuration;

namespace SchoolTwitter.Functions.Followers;

/// <summary>Continues a follower scan from its checkpoint (queued at the 429 reset time or when a time budget ran out).</summary>
public sealed class FollowerScanContinuation(FollowerScanService scans, ILogger<FollowerScanContinuation> logger)
{
    [Function(nameof(FollowerScanContinuation))]
    public async Task Run([QueueTrigger(QueueNames.FollowerScanContinuations, Connection = SettingNames.StorageConnection)] string message, CancellationToken ct)
    {
        FollowerScanContinuationMessage continuation;
        try
        {
            continuation = FollowerScanService.ParseContinuation(message);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            // Retrying cannot fix a malformed message; the timer resumes a stalled run anyway.
            logger.LogError("Malformed follower scan continuation dropped: {Error}", e.Message);
            return;
        }
        var result = await scans.ContinueAsync(continuation, ct);
        logger.LogInformation("Follower scan continuation: {Outcome} (run {RunId})", result.Outcome, continuation.RunId);
    }
}
