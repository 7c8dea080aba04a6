using Microsoft.Extensions.Time.Testing;
using SchoolTwitter.Core.Followers;

namespace SchoolTwitter.Core.Tests.Followers;

public class FollowerScanScheduleTests
{
    private static readonly FollowerScanSchedule Schedule = FollowerScanSchedule.Default;

    private static DateTimeOffset Utc(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    [Fact]
    public void Slot_starts_at_0600_utc_on_the_monday_after_the_march_change()
    {
        // Clocks went forward on Sunday 29 March 2026: Monday 07:00 BST is 06:00 UTC.
        Schedule.SlotStart(new DateOnly(2026, 3, 30)).ShouldBe(Utc(2026, 3, 30, 6));
    }

    [Fact]
    public void Slot_starts_at_0700_utc_on_the_monday_after_the_october_change()
    {
        // Clocks went back on Sunday 25 October 2026: Monday 07:00 GMT is 07:00 UTC.
        Schedule.SlotStart(new DateOnly(2026, 10, 26)).ShouldBe(Utc(2026, 10, 26, 7));
    }

    [Fact]
    public void Hourly_monday_timer_after_the_march_change_runs_once_from_0600_utc()
    {
        var (ranAt, last) = RunHourlyForADay(Utc(2026, 3, 30, 0, 5), new DateOnly(2026, 3, 23));

        ranAt.ShouldBe([Utc(2026, 3, 30, 6, 5)]);
        last.ShouldBe(new DateOnly(2026, 3, 30));
    }

    [Fact]
    public void Hourly_monday_timer_after_the_october_change_waits_until_0700_utc()
    {
        var (ranAt, _) = RunHourlyForADay(Utc(2026, 10, 26, 0, 5), new DateOnly(2026, 10, 19));

        ranAt.ShouldBe([Utc(2026, 10, 26, 7, 5)]);
    }

    [Fact]
    public void Monday_0605_utc_in_winter_is_still_before_the_slot()
    {
        // 06:05 UTC on 26 October 2026 is 06:05 GMT: a BST-minded timer would wrongly run an hour early.
        Schedule.IsDue(Utc(2026, 10, 26, 6, 5), new DateOnly(2026, 10, 19)).ShouldBeFalse();
        Schedule.CurrentSlot(Utc(2026, 10, 26, 6, 5)).ShouldBe(new DateOnly(2026, 10, 19));
    }

    [Fact]
    public void Sunday_night_utc_before_a_bst_monday_belongs_to_the_previous_week()
    {
        // 23:30 UTC Sunday 29 March 2026 is 00:30 BST Monday: Monday, but before 07:00.
        Schedule.CurrentSlot(Utc(2026, 3, 29, 23, 30)).ShouldBe(new DateOnly(2026, 3, 23));
    }

    [Fact]
    public void A_second_run_in_the_same_week_is_not_due()
    {
        var now = Utc(2026, 3, 30, 9);
        Schedule.IsDue(now, Schedule.CurrentSlot(now)).ShouldBeFalse();
    }

    [Fact]
    public void A_missed_monday_is_due_on_a_later_day_of_the_week()
    {
        Schedule.IsDue(Utc(2026, 11, 4, 12), new DateOnly(2026, 10, 26)).ShouldBeTrue();
        Schedule.CurrentSlot(Utc(2026, 11, 4, 12)).ShouldBe(new DateOnly(2026, 11, 2));
    }

    [Fact]
    public void The_first_scan_ever_is_due()
    {
        Schedule.IsDue(Utc(2026, 11, 24, 20), null).ShouldBeTrue();
    }

    [Fact]
    public void Reconciliation_is_due_on_the_first_scan_of_a_month_only()
    {
        FollowerScanSchedule.IsReconciliationDue(new DateOnly(2026, 11, 2), new DateOnly(2026, 10, 5)).ShouldBeTrue();
        FollowerScanSchedule.IsReconciliationDue(new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 2)).ShouldBeFalse();
        FollowerScanSchedule.IsReconciliationDue(new DateOnly(2027, 1, 4), new DateOnly(2026, 1, 5)).ShouldBeTrue();
        FollowerScanSchedule.IsReconciliationDue(new DateOnly(2026, 11, 9), null).ShouldBeTrue();
    }

    [Fact]
    public void A_custom_slot_on_friday_afternoon_is_honoured()
    {
        var friday = new FollowerScanSchedule(DayOfWeek.Friday, new TimeOnly(15, 30));
        friday.CurrentSlot(Utc(2026, 7, 10, 14, 29)).ShouldBe(new DateOnly(2026, 7, 3));
        friday.CurrentSlot(Utc(2026, 7, 10, 14, 30)).ShouldBe(new DateOnly(2026, 7, 10));
    }

    /// <summary>An hourly timer firing for 24 hours from <paramref name="start"/>: when the scan ran, and the last slot recorded.</summary>
    private static (List<DateTimeOffset> RanAt, DateOnly? Last) RunHourlyForADay(DateTimeOffset start, DateOnly? last)
    {
        var time = new FakeTimeProvider(start);
        var ranAt = new List<DateTimeOffset>();
        for (var hour = 0; hour < 24; hour++)
        {
            if (Schedule.IsDue(time.GetUtcNow(), last))
            {
                ranAt.Add(time.GetUtcNow());
                last = Schedule.CurrentSlot(time.GetUtcNow());
            }
            time.Advance(TimeSpan.FromHours(1));
        }
        return (ranAt, last);
    }
}
