using Microsoft.Extensions.Logging;
using SchoolTwitter.Core.Rotation;
using SchoolTwitter.Core.Time;

namespace SchoolTwitter.Application.Rotation;

public sealed record TermSummary(string Id, string Name, DateOnly Start, DateOnly End)
{
    public static TermSummary? Of(Term? term) => term is null ? null : new(term.Id, term.DisplayName, term.Start, term.End);
}

public sealed record OpenCycleSummary(string Id, CycleKind Kind, DateOnly OpenedOn, int DaysOpen, DateOnly DueBy, bool Escalated, string Reason);

/// <summary>One secret's current version: its age and expiry, never its value.</summary>
/// <param name="State">ok | expiring | expired | disabled | not-yet-valid | missing.</param>
public sealed record SecretStatus(string Name, string? Version, DateTimeOffset? CreatedOn, int? AgeDays, DateTimeOffset? ExpiresOn, int? DaysUntilExpiry, bool Enabled, string State, int EnabledOlderVersions);

/// <param name="DaysUntilDue">Days until the credentials must next be changed: until the open cycle's due date (negative when overdue), else until the next term starts or a secret's expiry warning begins, whichever is first.</param>
public sealed record CredentialStatus(
    DateOnly Today,
    TermSummary? CurrentTerm,
    TermSummary? NextTerm,
    OpenCycleSummary? OpenCycle,
    LastRotation? LastRotation,
    int DaysUntilDue,
    IReadOnlyList<SecretStatus> Secrets,
    string? SecretsError);

/// <summary>GET /api/credentials/status (SLT): where the termly rotation stands. Metadata only: no secret value is ever read.</summary>
public sealed class CredentialStatusService(IRotationStore store, ICredentialVault vault, TimeProvider time, ILogger<CredentialStatusService> logger)
{
    public async Task<CredentialStatus> GetAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = UkTime.Today(time);
        var calendar = TermCalendar.Around(today, await store.GetTermsAsync(ct));
        var (state, _) = await store.GetStateAsync(ct);
        var current = calendar.TermOn(today);
        var next = calendar.Terms.FirstOrDefault(t => t.Start > today);

        IReadOnlyList<SecretStatus> secrets = [];
        string? secretsError = null;
        try
        {
            secrets = (await vault.ReadAsync(ct)).Select(s => Describe(s, now, today)).ToList();
        }
        catch (CredentialVaultException e)
        {
            logger.LogError(e, "Credential status could not read the secrets");
            secretsError = e.Message;
        }

        OpenCycleSummary? open = state.OpenCycle is { } c
            ? new OpenCycleSummary(c.Id, c.Kind, c.OpenedOn, c.DayOn(today), c.DueBy, c.EscalatedOn is not null, c.Reason)
            : null;

        int daysUntilDue;
        if (open is not null)
        {
            daysUntilDue = open.DueBy.DayNumber - today.DayNumber;
        }
        else
        {
            var candidates = new List<int>();
            if (next is not null) candidates.Add(next.Start.DayNumber - today.DayNumber);
            candidates.AddRange(secrets.Where(s => s.DaysUntilExpiry is not null).Select(s => s.DaysUntilExpiry!.Value - RotationSchedule.ExpiryWarningDays));
            daysUntilDue = candidates.Count == 0 ? 0 : Math.Max(0, candidates.Min());
        }

        return new CredentialStatus(today, TermSummary.Of(current), TermSummary.Of(next), open, state.LastRotation, daysUntilDue, secrets, secretsError);
    }

    private static SecretStatus Describe(CredentialSecretState s, DateTimeOffset now, DateOnly today)
    {
        int? DaysFromToday(DateTimeOffset? at) => at is { } a ? DateOnly.FromDateTime(UkTime.ToUk(a).DateTime).DayNumber - today.DayNumber : null;

        var age = DaysFromToday(s.CreatedOn) is { } d ? -d : (int?)null;
        var untilExpiry = DaysFromToday(s.ExpiresOn);
        var state = !s.Exists ? "missing"
            : !s.Enabled ? "disabled"
            : s.NotBefore > now ? "not-yet-valid"
            : s.ExpiresOn <= now ? "expired"
            : untilExpiry <= RotationSchedule.ExpiryWarningDays ? "expiring"
            : "ok";
        return new SecretStatus(s.Name, s.Version, s.CreatedOn, age, s.ExpiresOn, untilExpiry, s.Enabled, state, s.EnabledOlderVersions);
    }
}
