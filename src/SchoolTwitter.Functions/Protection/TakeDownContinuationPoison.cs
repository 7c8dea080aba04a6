using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Protection;
using SchoolTwitter.Infrastructure.Configuration;

namespace SchoolTwitter.Functions.Protection;

/// <summary>A take-down continuation that failed every delivery: SLT are told which posts are still on X, to delete by hand.</summary>
public sealed class TakeDownContinuationPoison(TakeDownService takeDowns)
{
    [Function(nameof(TakeDownContinuationPoison))]
    public Task Run([QueueTrigger(QueueNames.TakeDownsPoison, Connection = SettingNames.StorageConnection)] string message, CancellationToken ct) =>
        takeDowns.StalledAsync(message, ct);
}
