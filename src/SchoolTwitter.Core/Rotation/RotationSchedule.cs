namespace SchoolTwitter.Core.Rotation;

/// <summary>How old one credential secret is, in UK dates (no value: the schedule never needs one).</summary>
/// <param name="CreatedOn">When the current version was written; null when the secret has no version at all.</param>
/// <param name="ExpiresOn">The current version's expiry, if any.</param>
public sealed record CredentialAge(string Name, DateOnly? CreatedOn, DateOnly? ExpiresOn, bool Enabled = true);

/// <summary>What the daily check knows.</summary>
/// <param name="Today">Today's UK date (<see cref="Time.UkTime.Today"/>): the timer fires in UTC.</param>
/// <param name="OpenCycle">The cycle still open, if any.</param>
/// <param name="LastTermHandled">The term whose termly cycle was last opened (or skipped because SLT had already rotated in it).</param>
/// <param name="LastRotatedOn">The UK date of the last completed rotation, if any.</param>
public sealed record RotationInputs(
    DateOnly Today,
    TermCalendar Calendar,
    RotationCycle? OpenCycle,
    string? LastTermHandled,
    DateOnly? LastRotatedOn,
    IReadOnlyList<CredentialAge> Credentials);

public enum AlertKind
{
    /// <summary>A cycle opened: the first alert with the checklist.</summary>
    Opened,
    Reminder,

    /// <summary>Open for 14 days or more: the head teacher is told.</summary>
    Escalation,
}

/// <param name="Day">Days since the cycle opened.</param>
public sealed record RotationAlert(AlertKind Kind, RotationCycle Cycle, int Day);

/// <summary>What the daily check should do: save <see cref="Cycle"/> (and <see cref="Superseded"/>), then send <see cref="Alerts"/>.</summary>
/// <param name="Cycle">The open cycle after today's run (new or with today's alerts recorded), or null when none is open.</param>
/// <param name="Superseded">A cycle from an earlier term closed unfinished because a new term began.</param>
/// <param name="LastTermHandled">The term handled after today's run.</param>
public sealed record RotationPlan(RotationCycle? Cycle, RotationCycle? Superseded, string? LastTermHandled, IReadOnlyList<RotationAlert> Alerts)
{
    public bool ChangesAnything(RotationInputs inputs) =>
        Superseded is not null || LastTermHandled != inputs.LastTermHandled || !Equals(Cycle, inputs.OpenCycle);
}

/// <summary>
/// The rotation rules, as a pure function of the date and what has happened:
/// a cycle opens on the first day of each term (unless SLT already rotated during that term); alerts go out on the opening
/// day and days 1, 3 and 7, then daily; from day 14 the head teacher is told, once; between terms, a secret older than one
/// term or expiring within 14 days opens an off-cycle cycle with the same alerts. A run that missed days sends only the
/// latest alert due, and a second run on the same day sends nothing: an alert day already recorded is never sent again.
/// </summary>
public static class RotationSchedule
{
    /// <summary>A secret expiring within this many days raises the alert.</summary>
    public const int ExpiryWarningDays = 14;

    public static RotationPlan Decide(RotationInputs inputs)
    {
        var today = inputs.Today;
        var cycle = inputs.OpenCycle;
        RotationCycle? superseded = null;
        var lastTermHandled = inputs.LastTermHandled;
        var alerts = new List<RotationAlert>();

        var term = inputs.Calendar.LatestStarted(today);
        // A new term: its cycle replaces whatever is still open (the checklist is the same; escalation starts afresh).
        if (term is not null && term.Contains(today) && lastTermHandled != term.Id)
        {
            lastTermHandled = term.Id;
            if (cycle is not null)
            {
                superseded = cycle.Supersede();
                cycle = null;
            }

            if (!RotatedDuring(term, inputs))
                cycle = new RotationCycle(term.Id, CycleKind.Termly, term.Id, today, $"The {term.DisplayName.ToLowerInvariant()} has started: the code of conduct asks for a password change every term.", []);
        }

        if (cycle is null && OffCycleReason(today, term, inputs) is { } reason)
            cycle = new RotationCycle($"offcycle-{today:yyyy-MM-dd}", CycleKind.OffCycle, term?.Id, today, reason, []);

        if (cycle is not null && cycle.Status == CycleStatus.Open)
        {
            var day = Math.Max(0, cycle.DayOn(today));
            var due = AlertDayDue(day);
            if (cycle.LastAlertDay is not { } last || last < due)
            {
                alerts.Add(new RotationAlert(cycle.AlertDays.Count == 0 ? AlertKind.Opened : AlertKind.Reminder, cycle, day));
                cycle = cycle.WithAlert(due);
            }

            if (day >= RotationCycle.EscalateAfterDays && cycle.EscalatedOn is null)
            {
                cycle = cycle with { EscalatedOn = today };
                alerts.Add(new RotationAlert(AlertKind.Escalation, cycle, day));
            }

            alerts = alerts.Select(a => a with { Cycle = cycle }).ToList();
        }

        return new RotationPlan(cycle, superseded, lastTermHandled, alerts);
    }

    /// <summary>The alert day that covers <paramref name="day"/>: 0, 1, 3, 7, then every day.</summary>
    public static int AlertDayDue(int day) => day switch
    {
        <= 0 => 0,
        < 3 => 1,
        < 7 => 3,
        _ => day,
    };

    // Credentials changed on or after the term's first day already count for that term (e.g. rotated on demand, or onboarded).
    private static bool RotatedDuring(Term term, RotationInputs inputs)
    {
        if (inputs.LastRotatedOn >= term.Start) return true;
        var created = inputs.Credentials.Select(c => c.CreatedOn).ToList();
        return created.Count > 0 && created.All(c => c >= term.Start);
    }

    private static string? OffCycleReason(DateOnly today, Term? term, RotationInputs inputs)
    {
        foreach (var c in inputs.Credentials)
        {
            if (c.CreatedOn is null) return $"The secret {c.Name} has no value in Key Vault.";
            if (!c.Enabled) return $"The current version of {c.Name} is disabled.";
            if (c.ExpiresOn is { } exp && exp <= today) return $"The secret {c.Name} expired on {exp:d MMMM yyyy}.";
            if (c.ExpiresOn is { } soon && soon.DayNumber - today.DayNumber <= ExpiryWarningDays)
                return $"The secret {c.Name} expires on {soon:d MMMM yyyy}, within {ExpiryWarningDays} days.";
        }

        // Older than one term: written before the previous term began, so it has outlived a whole term unchanged.
        var previous = term is null ? null : inputs.Calendar.Before(term);
        if (previous is not null && inputs.Credentials.FirstOrDefault(c => c.CreatedOn < previous.Start) is { } old)
            return $"The secret {old.Name} was last changed on {old.CreatedOn:d MMMM yyyy}, more than a term ago.";

        return null;
    }
}
