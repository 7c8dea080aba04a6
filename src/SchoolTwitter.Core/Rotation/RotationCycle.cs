namespace SchoolTwitter.Core.Rotation;

public enum CycleKind
{
    /// <summary>Opened at the start of a term: the code of conduct's termly password change.</summary>
    Termly,

    /// <summary>Opened between terms because a secret is older than a term or about to expire.</summary>
    OffCycle,

    /// <summary>Opened by an SLT member submitting credentials when no cycle was open (e.g. a suspected compromise).</summary>
    OnDemand,
}

public enum CycleStatus
{
    Open,
    Completed,

    /// <summary>A new term began before this cycle was completed; the new term's cycle carries on.</summary>
    Superseded,
}

/// <summary>
/// One round of the termly credential change: opened (day 0, first alert), reminded, perhaps escalated, then completed
/// when SLT submit verified new credentials. Days count UK calendar dates, so a clock change never moves a reminder.
/// </summary>
/// <param name="Id">The term id for a termly cycle (<c>2026-27-autumn</c>), otherwise <c>offcycle-2027-08-10</c> or <c>ondemand-…</c>.</param>
/// <param name="TermId">The term the cycle belongs to (the latest started term), or null before any term.</param>
/// <param name="AlertDays">Days (since opening) on which an alert was sent: 0 is the opening alert.</param>
public sealed record RotationCycle(
    string Id,
    CycleKind Kind,
    string? TermId,
    DateOnly OpenedOn,
    string Reason,
    IReadOnlyList<int> AlertDays,
    DateOnly? EscalatedOn = null,
    CycleStatus Status = CycleStatus.Open,
    DateTimeOffset? CompletedAt = null,
    string? CompletedBy = null)
{
    /// <summary>Escalation to the head teacher after this many days open.</summary>
    public const int EscalateAfterDays = 14;

    /// <summary>Days since the cycle opened, by UK calendar date.</summary>
    public int DayOn(DateOnly today) => today.DayNumber - OpenedOn.DayNumber;

    /// <summary>The day by which the rotation should be done before it escalates.</summary>
    public DateOnly DueBy => OpenedOn.AddDays(EscalateAfterDays);

    public int? LastAlertDay => AlertDays.Count == 0 ? null : AlertDays.Max();

    public RotationCycle WithAlert(int day) => this with { AlertDays = [.. AlertDays, day] };

    public RotationCycle Complete(DateTimeOffset at, string by) => this with { Status = CycleStatus.Completed, CompletedAt = at, CompletedBy = by };

    public RotationCycle Supersede() => this with { Status = CycleStatus.Superseded };

    // Records compare lists by reference; cycles compare by content.
    public bool Equals(RotationCycle? other) =>
        other is not null && Id == other.Id && Kind == other.Kind && TermId == other.TermId && OpenedOn == other.OpenedOn &&
        Reason == other.Reason && AlertDays.SequenceEqual(other.AlertDays) && EscalatedOn == other.EscalatedOn &&
        Status == other.Status && CompletedAt == other.CompletedAt && CompletedBy == other.CompletedBy;

    public override int GetHashCode() => HashCode.Combine(Id, Status, AlertDays.Count, EscalatedOn);
}
