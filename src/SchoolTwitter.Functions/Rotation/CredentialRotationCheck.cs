using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Rotation;

namespace SchoolTwitter.Functions.Rotation;

/// <summary>The daily rotation check. The schedule is UTC (setting CredentialRotationSchedule); the service works out the UK date.</summary>
public sealed class CredentialRotationCheck(RotationCheckService check)
{
    [Function(nameof(CredentialRotationCheck))]
    public Task Run([TimerTrigger("%CredentialRotationSchedule%")] TimerInfo timer, CancellationToken ct) => check.RunAsync(ct);
}
