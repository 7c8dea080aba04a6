using SchoolTwitter.Core.Time;

namespace SchoolTwitter.Core.Followers;

/// <summary>
/// When the weekly follower scan is due. The timer fires in UTC (six-field NCRONTAB, e.g. hourly on Mondays) because
/// WEBSITE_TIME_ZONE does not work on Linux Flex Consumption; this decides in code whether the UK clock has reached this week's slot
/// (Monday 07:00 by default, GMT or BST) and whether that slot has already been scanned, so a second or past-due firing does no harm.
/// A full reconciliation runs on the first scan of each UK calendar month.
/// </summary>
public sealed class FollowerScanSchedule(DayOfWeek day, TimeOnly localTime)
{
    public static FollowerScanSchedule Default { get; } = new(DayOfWeek.Monday, new TimeOnly(7, 0));

    public DayOfWeek Day { get; } = day;
    public TimeOnly LocalTime { get; } = localTime;

    /// <summary>The latest slot (its UK date) whose start is at or before <paramref name="nowUtc"/>.</summary>
    public DateOnly CurrentSlot(DateTimeOffset nowUtc)
    {
        var ukDate = DateOnly.FromDateTime(UkTime.ToUk(nowUtc).DateTime);
        var back = ((int)ukDate.DayOfWeek - (int)Day + 7) % 7;
        var slot = ukDate.AddDays(-back);
        return SlotStart(slot) <= nowUtc ? slot : slot.AddDays(-7);
    }

    /// <summary>The UTC instant the UK clock shows the slot's day and time.</summary>
    public DateTimeOffset SlotStart(DateOnly slot) => UkTime.ToUtc(slot, LocalTime);

    /// <summary>Whether a scan should run now, given the slot of the last completed scan (null when none has run).</summary>
    public bool IsDue(DateTimeOffset nowUtc, DateOnly? lastCompletedSlot) =>
        lastCompletedSlot is not { } last || last < CurrentSlot(nowUtc);

    /// <summary>Whether the scan for <paramref name="slot"/> should be a full reconciliation: none yet, or none in the slot's UK month.</summary>
    public static bool IsReconciliationDue(DateOnly slot, DateOnly? lastReconciledSlot) =>
        lastReconciledSlot is not { } last || last.Year != slot.Year || last.Month != slot.Month;
}
