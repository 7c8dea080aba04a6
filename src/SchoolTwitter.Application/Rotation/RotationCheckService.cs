using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Notifications;
using SchoolTwitter.Application.Telemetry;
using SchoolTwitter.Core.Rotation;
using SchoolTwitter.Core.Time;

namespace SchoolTwitter.Application.Rotation;

/// <summary>What one daily check did.</summary>
public sealed record RotationCheckResult(DateOnly Today, string? OpenCycleId, IReadOnlyList<RotationAlert> Sent);

/// <summary>
/// The daily check (timer, UTC schedule; the UK date is decided here): runs <see cref="RotationSchedule"/>, records the
/// alerts it is about to send in the rotation state (ETag-guarded, so two runs cannot both send), then sends them.
/// If sending fails the record is taken back, so the next run tries again rather than never.
/// </summary>
public sealed class RotationCheckService(
    IRotationStore store,
    ICredentialVault vault,
    INotifier notifier,
    IAuditLog audit,
    IOptions<RotationOptions> options,
    TimeProvider time,
    ILogger<RotationCheckService> logger)
{
    private const int MaxAttempts = 5;

    public async Task<RotationCheckResult> RunAsync(CancellationToken ct)
    {
        var today = UkTime.Today(time);
        var calendar = TermCalendar.Around(today, await store.GetTermsAsync(ct));
        var credentials = await ReadAgesAsync(ct);

        for (var attempt = 1; ; attempt++)
        {
            var (state, etag) = await store.GetStateAsync(ct);
            var inputs = new RotationInputs(today, calendar, state.OpenCycle, state.LastTermHandled, state.LastRotation is { } last ? UkTime.ToUk(last.At).ToDateOnly() : null, credentials);
            var plan = RotationSchedule.Decide(inputs);
            if (!plan.ChangesAnything(inputs))
            {
                logger.LogInformation("Rotation check for {Today}: nothing to do (open cycle {CycleId})", today, state.OpenCycle?.Id);
                return new RotationCheckResult(today, state.OpenCycle?.Id, []);
            }

            var next = state with { OpenCycle = plan.Cycle, LastTermHandled = plan.LastTermHandled };
            try
            {
                await store.SaveStateAsync(next, etag, ct);
            }
            catch (RotationConflictException) when (attempt < MaxAttempts)
            {
                logger.LogInformation("Rotation state changed during the check for {Today}; deciding again", today);
                continue;
            }

            await RecordAsync(plan, ct);
            await SendAsync(plan, today, ct);
            return new RotationCheckResult(today, plan.Cycle?.Id, plan.Alerts);
        }
    }

    private async Task<IReadOnlyList<CredentialAge>> ReadAgesAsync(CancellationToken ct)
    {
        try
        {
            var secrets = await vault.ReadAsync(ct);
            return secrets.Select(s => new CredentialAge(
                s.Name,
                s.CreatedOn is { } c ? UkTime.ToUk(c).ToDateOnly() : null,
                s.ExpiresOn is { } e ? UkTime.ToUk(e).ToDateOnly() : null,
                s.Enabled)).ToList();
        }
        catch (CredentialVaultException e)
        {
            // The termly schedule still runs; the off-cycle check needs the secrets and waits for the next run.
            logger.LogError(e, "Rotation check could not read the credential secrets' ages");
            return [];
        }
    }

    private async Task RecordAsync(RotationPlan plan, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (plan.Superseded is { } old)
        {
            await store.RecordCycleAsync(old, ct);
            await audit.AppendAsync(new AuditEntry(now, "system", "rotation.superseded", old.Id, "superseded", $"Not completed before {plan.Cycle?.Id ?? "the next term"} began."), ct);
            logger.LogWarning("Rotation cycle {CycleId} was not completed before the next term; superseded", old.Id);
        }

        if (plan.Cycle is { } cycle)
        {
            await store.RecordCycleAsync(cycle, ct);
            if (plan.Alerts.Any(a => a.Kind == AlertKind.Opened))
            {
                await audit.AppendAsync(new AuditEntry(now, "system", "rotation.opened", cycle.Id, "opened", cycle.Reason), ct);
                logger.LogInformation("Rotation cycle {CycleId} ({Kind}) opened: {Reason}", cycle.Id, cycle.Kind, cycle.Reason);
            }
        }
    }

    private async Task SendAsync(RotationPlan plan, DateOnly today, CancellationToken ct)
    {
        var headTeacher = options.Value.HeadTeacherContact;
        foreach (var alert in plan.Alerts)
        {
            try
            {
                await notifier.NotifyAsync(RotationNotifications.For(alert, headTeacher), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Rotation {AlertKind} for cycle {CycleId} could not be sent; it will be sent on the next run", alert.Kind, alert.Cycle.Id);
                await UnrecordAsync(plan, alert, ct);
                throw;
            }

            await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), "system", $"rotation.{alert.Kind.ToString().ToLowerInvariant()}", alert.Cycle.Id, "sent",
                alert.Kind == AlertKind.Escalation ? $"day {alert.Day}, to the head teacher" : $"day {alert.Day}"), ct);
            logger.LogInformation("Rotation {AlertKind} sent for cycle {CycleId} on day {Day} ({Today})", alert.Kind, alert.Cycle.Id, alert.Day, today);
            if (alert.Kind == AlertKind.Escalation) logger.LogRotationCycleOverdue(alert.Cycle.Id, alert.Day);
        }
    }

    // Takes back the record of an alert that could not be sent (and of those after it), so the next run sends it.
    private async Task UnrecordAsync(RotationPlan plan, RotationAlert failed, CancellationToken ct)
    {
        var unsent = plan.Alerts.SkipWhile(a => a != failed).ToList();
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var (state, etag) = await store.GetStateAsync(ct);
            if (state.OpenCycle is not { } cycle || cycle.Id != failed.Cycle.Id) return;
            foreach (var alert in unsent)
            {
                cycle = alert.Kind == AlertKind.Escalation
                    ? cycle with { EscalatedOn = null }
                    : cycle with { AlertDays = cycle.AlertDays.Where(d => d != RotationSchedule.AlertDayDue(alert.Day)).ToList() };
            }

            try
            {
                await store.SaveStateAsync(state with { OpenCycle = cycle }, etag, CancellationToken.None);
                return;
            }
            catch (RotationConflictException)
            {
            }
        }
    }
}
