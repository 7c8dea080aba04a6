using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SchoolTwitter.Application.Notifications;
using SchoolTwitter.Application.Telemetry;

namespace SchoolTwitter.Application.ContentSafety;

/// <summary>
/// Tells SLT once that the second check is down, not once per draft: the first failure claims the outage in the status row
/// (ETag-checked, so of many drafts failing together exactly one wins) and sends the card; later failures see it claimed.
/// The next answer from the service ends the outage and sends one "answering again" card, so a new outage is told again.
/// Recording never fails a check: a store or webhook fault is logged, and an alert that was not delivered is tried again
/// on the next failure.
/// </summary>
public sealed class SecondCheckOutage(
    ISecondCheckStatusStore store,
    INotifier notifier,
    TimeProvider time,
    IOptions<ContentSafetyOptions> options,
    ILogger<SecondCheckOutage> logger)
{
    /// <summary>Reads and tries again this often when another worker changed the row in between.</summary>
    private const int Attempts = 5;

    private readonly string _service = ServiceKey(options.Value.Endpoint);

    /// <summary>The service did not answer a check (the reason names the call and status, never content).</summary>
    public Task FailedAsync(string reason, CancellationToken ct) => GuardedAsync(async () =>
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var (status, etag) = await store.GetAsync(_service, ct);
            if (status.IsDown && status.Alerted) return;

            var claimed = new SecondCheckStatus(status.DownSince ?? time.GetUtcNow(), status.Reason ?? reason, Alerted: true);
            if (!await store.TrySaveAsync(_service, claimed, etag, ct)) continue;

            logger.LogSecondCheckDown(_service, claimed.DownSince!.Value, claimed.Reason!);
            if (await SendAsync(SecondCheckNotifications.Outage(claimed.DownSince!.Value, claimed.Reason!), ct)) return;

            // Not delivered: give the claim back, so the next failure tries again.
            var (now, nowEtag) = await store.GetAsync(_service, ct);
            if (now.IsDown && now.Alerted) await store.TrySaveAsync(_service, now with { Alerted = false }, nowEtag, ct);
            return;
        }
    }, "outage", ct);

    /// <summary>The service answered a check: an outage, if one was recorded, is over.</summary>
    public Task AnsweredAsync(CancellationToken ct) => GuardedAsync(async () =>
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var (status, etag) = await store.GetAsync(_service, ct);
            if (!status.IsDown) return;
            if (!await store.TrySaveAsync(_service, new SecondCheckStatus(), etag, ct)) continue;

            var back = time.GetUtcNow();
            logger.LogInformation("The second check is answering again (down from {Since} to {Back})", status.DownSince, back);
            // SLT hear "back" only about an outage they were told of.
            if (status.Alerted) await SendAsync(SecondCheckNotifications.Restored(status.DownSince!.Value, back), ct);
            return;
        }
    }, "recovery", ct);

    private async Task GuardedAsync(Func<Task> record, string what, CancellationToken ct)
    {
        try
        {
            await record();
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning("The second check's {What} could not be recorded ({Failure}); the check itself is unaffected", what, e.GetType().Name);
        }
    }

    private async Task<bool> SendAsync(Notification notification, CancellationToken ct)
    {
        try
        {
            await notifier.NotifyAsync(notification, ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning("Notification {Kind} to the SLT channel failed ({Failure})", notification.Kind, e.GetType().Name);
            return false;
        }
    }

    /// <summary>The endpoint's host: one outage per Azure AI account (a new endpoint starts with no outage).</summary>
    private static string ServiceKey(string? endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var url) ? url.Authority.ToLowerInvariant() : "none";
}
