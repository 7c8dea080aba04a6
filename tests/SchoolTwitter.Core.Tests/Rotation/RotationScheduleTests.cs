using Microsoft.Extensions.Time.Testing;
using SchoolTwitter.Core.Rotation;
using SchoolTwitter.Core.Time;

namespace SchoolTwitter.Core.Tests.Rotation;

public class RotationScheduleTests
{
    private static readonly TermCalendar Calendar = TermCalendar.DefaultForEngland(2025, 2027);
    private static readonly Term Autumn = EnglandTerms.For(2026)[0]; // 2 Sep – 18 Dec 2026
    private static readonly Term Spring = EnglandTerms.For(2026)[1]; // 4 Jan – 19 Mar 2027

    // Credentials written at the start of the previous (summer 2026) term, expiring at the end of this autumn term.
    private static readonly CredentialAge[] FreshEnough =
        [new("x-access-token", new DateOnly(2026, 4, 27), new DateOnly(2026, 12, 19)), new("x-access-token-secret", new DateOnly(2026, 4, 27), new DateOnly(2026, 12, 19))];

    private static RotationInputs On(DateOnly today, RotationCycle? open = null, string? handled = null, DateOnly? rotatedOn = null, CredentialAge[]? credentials = null) =>
        new(today, Calendar, open, handled ?? open?.TermId ?? "2025-26-summer", rotatedOn, credentials ?? FreshEnough);

    [Fact]
    public void Nothing_happens_in_the_summer_holiday_with_fresh_credentials()
    {
        var plan = RotationSchedule.Decide(On(new(2026, 8, 20)));

        plan.Cycle.ShouldBeNull();
        plan.Alerts.ShouldBeEmpty();
        plan.ChangesAnything(On(new(2026, 8, 20))).ShouldBeFalse();
    }

    [Fact]
    public void A_cycle_opens_on_the_first_day_of_term_with_the_opening_alert()
    {
        var plan = RotationSchedule.Decide(On(Autumn.Start));

        plan.Cycle.ShouldNotBeNull();
        plan.Cycle.Id.ShouldBe("2026-27-autumn");
        plan.Cycle.Kind.ShouldBe(CycleKind.Termly);
        plan.Cycle.OpenedOn.ShouldBe(Autumn.Start);
        plan.Cycle.AlertDays.ShouldBe([0]);
        plan.LastTermHandled.ShouldBe("2026-27-autumn");
        plan.Alerts.ShouldHaveSingleItem().Kind.ShouldBe(AlertKind.Opened);
    }

    [Fact]
    public void Reminders_go_on_days_1_3_and_7_then_daily_and_escalation_once_from_day_14()
    {
        var sent = RunDaily(Autumn.Start, days: 20);

        sent.Where(s => s.Kind == AlertKind.Reminder).Select(s => s.Day).ShouldBe([1, 3, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
        sent.Where(s => s.Kind == AlertKind.Escalation).ShouldHaveSingleItem().Day.ShouldBe(14);
        sent.Count(s => s.Kind == AlertKind.Opened).ShouldBe(1);
    }

    [Fact]
    public void A_second_run_on_the_same_day_sends_nothing()
    {
        var first = RotationSchedule.Decide(On(Autumn.Start.AddDays(3), open: OpenedOn(Autumn.Start, 0, 1)));
        first.Alerts.ShouldHaveSingleItem().Day.ShouldBe(3);

        var second = RotationSchedule.Decide(On(Autumn.Start.AddDays(3), open: first.Cycle, handled: first.LastTermHandled));
        second.Alerts.ShouldBeEmpty();
        second.ChangesAnything(On(Autumn.Start.AddDays(3), open: first.Cycle, handled: first.LastTermHandled)).ShouldBeFalse();
    }

    [Fact]
    public void A_past_due_run_sends_only_the_latest_alert_due()
    {
        // The timer was down from day 1 to day 5; on day 6 one reminder goes (the day-3 one), not two.
        var plan = RotationSchedule.Decide(On(Autumn.Start.AddDays(6), open: OpenedOn(Autumn.Start, 0)));

        plan.Alerts.ShouldHaveSingleItem().ShouldSatisfyAllConditions(a => a.Kind.ShouldBe(AlertKind.Reminder), a => a.Day.ShouldBe(6));
        plan.Cycle!.AlertDays.ShouldBe([0, 3]);
        RotationSchedule.Decide(On(Autumn.Start.AddDays(6), open: plan.Cycle)).Alerts.ShouldBeEmpty();
    }

    [Fact]
    public void A_run_first_seen_after_day_14_reminds_and_escalates_once()
    {
        var plan = RotationSchedule.Decide(On(Autumn.Start.AddDays(20), open: OpenedOn(Autumn.Start, 0, 1, 3)));

        plan.Alerts.Select(a => a.Kind).ShouldBe([AlertKind.Reminder, AlertKind.Escalation]);
        plan.Cycle!.EscalatedOn.ShouldBe(Autumn.Start.AddDays(20));
        RotationSchedule.Decide(On(Autumn.Start.AddDays(21), open: plan.Cycle)).Alerts.ShouldHaveSingleItem().Kind.ShouldBe(AlertKind.Reminder);
    }

    [Fact]
    public void A_new_term_supersedes_an_unfinished_cycle_and_opens_its_own()
    {
        var stale = OpenedOn(Autumn.Start, 0, 1, 3, 7) with { EscalatedOn = Autumn.Start.AddDays(14) };

        var plan = RotationSchedule.Decide(On(Spring.Start, open: stale, handled: Autumn.Id));

        plan.Superseded!.Status.ShouldBe(CycleStatus.Superseded);
        plan.Superseded.Id.ShouldBe(Autumn.Id);
        plan.Cycle!.Id.ShouldBe(Spring.Id);
        plan.Alerts.ShouldHaveSingleItem().Kind.ShouldBe(AlertKind.Opened);
    }

    [Fact]
    public void No_cycle_opens_for_a_term_in_which_SLT_already_rotated()
    {
        var rotated = FreshEnough.Select(c => c with { CreatedOn = Spring.Start, ExpiresOn = new DateOnly(2027, 7, 22) }).ToArray();
        var plan = RotationSchedule.Decide(On(Spring.Start.AddDays(2), handled: Autumn.Id, rotatedOn: Spring.Start, credentials: rotated));

        plan.Cycle.ShouldBeNull();
        plan.Alerts.ShouldBeEmpty();
        plan.LastTermHandled.ShouldBe(Spring.Id);
    }

    [Fact]
    public void A_term_starting_while_the_timer_was_down_opens_its_cycle_late()
    {
        var plan = RotationSchedule.Decide(On(Autumn.Start.AddDays(4)));

        plan.Cycle!.OpenedOn.ShouldBe(Autumn.Start.AddDays(4));
        plan.Alerts.ShouldHaveSingleItem().Kind.ShouldBe(AlertKind.Opened);
    }

    [Fact]
    public void A_secret_expiring_within_14_days_raises_the_alert_between_terms()
    {
        var expiring = new[] { new CredentialAge("x-access-token", new DateOnly(2026, 6, 1), new DateOnly(2026, 8, 30)) };

        var plan = RotationSchedule.Decide(On(new(2026, 8, 16), credentials: expiring));

        plan.Cycle!.Kind.ShouldBe(CycleKind.OffCycle);
        plan.Cycle.Id.ShouldBe("offcycle-2026-08-16");
        plan.Cycle.Reason.ShouldContain("x-access-token expires on 30 August 2026");
        plan.Alerts.ShouldHaveSingleItem().Kind.ShouldBe(AlertKind.Opened);
        RotationSchedule.Decide(On(new(2026, 8, 15), credentials: expiring)).Cycle.ShouldBeNull();
    }

    [Fact]
    public void A_secret_older_than_one_term_raises_the_alert_between_terms()
    {
        var old = new[] { new CredentialAge("x-access-token-secret", new DateOnly(2025, 9, 10), null) };

        var plan = RotationSchedule.Decide(On(new(2026, 8, 1), credentials: old));

        plan.Cycle!.Kind.ShouldBe(CycleKind.OffCycle);
        plan.Cycle.Reason.ShouldContain("more than a term ago");
    }

    [Theory]
    [InlineData(false, null, "disabled")]
    [InlineData(true, "2026-08-01", "expired on 1 August 2026")]
    public void A_disabled_or_expired_secret_raises_the_alert(bool enabled, string? expires, string reason)
    {
        var bad = new[] { new CredentialAge("x-consumer-key", new DateOnly(2026, 6, 1), expires is null ? null : DateOnly.Parse(expires), enabled) };

        RotationSchedule.Decide(On(new(2026, 8, 10), credentials: bad)).Cycle!.Reason.ShouldContain(reason);
    }

    [Fact]
    public void A_missing_secret_raises_the_alert() =>
        RotationSchedule.Decide(On(new(2026, 8, 10), credentials: [new CredentialAge("x-access-token", null, null)])).Cycle!.Reason.ShouldContain("no value");

    [Fact]
    public void An_open_off_cycle_cycle_is_not_opened_again_the_next_day()
    {
        var expiring = new[] { new CredentialAge("x-access-token", new DateOnly(2026, 6, 1), new DateOnly(2026, 8, 30)) };
        var first = RotationSchedule.Decide(On(new(2026, 8, 16), credentials: expiring));

        var next = RotationSchedule.Decide(On(new(2026, 8, 17), open: first.Cycle, credentials: expiring));

        next.Cycle!.Id.ShouldBe(first.Cycle!.Id);
        next.Alerts.ShouldHaveSingleItem().Kind.ShouldBe(AlertKind.Reminder);
    }

    [Fact]
    public void Alert_day_due_follows_the_0_1_3_7_daily_pattern() =>
        Enumerable.Range(0, 10).Select(RotationSchedule.AlertDayDue).ShouldBe([0, 1, 1, 3, 3, 3, 3, 7, 8, 9]);

    [Fact]
    public void Days_count_UK_dates_across_the_autumn_clock_change()
    {
        // A cycle opened on Friday 23 October 2026; clocks go back on Sunday 25 October (a 25-hour day).
        // A timer at 23:30 UTC: 00:30 BST the next day before the change, 23:30 GMT the same day after it.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 10, 22, 23, 30, 0, TimeSpan.Zero));
        UkTime.Today(time).ShouldBe(new DateOnly(2026, 10, 23));
        var cycle = RotationSchedule.Decide(On(UkTime.Today(time), open: new RotationCycle("x", CycleKind.OffCycle, null, UkTime.Today(time), "test", []), handled: Autumn.Id)).Cycle!;

        var reminderDays = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            time.Advance(TimeSpan.FromDays(1));
            var plan = RotationSchedule.Decide(On(UkTime.Today(time), open: cycle, handled: Autumn.Id));
            reminderDays.AddRange(plan.Alerts.Select(a => a.Day));
            cycle = plan.Cycle!;
        }

        // 23:30 UTC on 25 Oct is 23:30 GMT on the 25th, so the UK date repeats once: no day is lost or sent twice.
        reminderDays.ShouldBe([1, 3, 7]);
        cycle.AlertDays.ShouldBe([0, 1, 3, 7]);
    }

    [Fact]
    public void A_UK_date_skipped_by_the_spring_clock_change_loses_no_escalation_and_sends_nothing_twice()
    {
        // A cycle opened on Monday 15 March 2027; clocks go forward on Sunday 28 March. With a 23:30 UTC timer the runs see
        // 27 March (23:30 GMT) then 29 March (00:30 BST): no run ever sees the 28th, day 13.
        var opened = new DateOnly(2027, 3, 15);
        var cycle = new RotationCycle("2026-27-spring", CycleKind.Termly, Spring.Id, opened, "test", [0, 1, 3, 7, 8, 9, 10]);
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 3, 26, 23, 30, 0, TimeSpan.Zero));
        var seen = new List<(DateOnly Date, AlertKind Kind, int Day)>();

        for (var i = 0; i < 4; i++)
        {
            var plan = RotationSchedule.Decide(On(UkTime.Today(time), open: cycle, handled: Spring.Id));
            seen.AddRange(plan.Alerts.Select(a => (UkTime.Today(time), a.Kind, a.Day)));
            cycle = plan.Cycle!;
            time.Advance(TimeSpan.FromDays(1));
        }

        seen.ShouldBe([
            (new DateOnly(2027, 3, 26), AlertKind.Reminder, 11),
            (new DateOnly(2027, 3, 27), AlertKind.Reminder, 12),
            (new DateOnly(2027, 3, 29), AlertKind.Reminder, 14),
            (new DateOnly(2027, 3, 29), AlertKind.Escalation, 14),
            (new DateOnly(2027, 3, 30), AlertKind.Reminder, 15)]);
    }

    [Fact]
    public void The_term_starts_on_its_UK_date_even_when_UTC_still_says_the_day_before()
    {
        // 23:30 UTC on 1 September 2026 is 00:30 BST on Wednesday 2 September, the first day of term.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 23, 30, 0, TimeSpan.Zero));

        RotationSchedule.Decide(On(UkTime.Today(time))).Cycle!.Id.ShouldBe(Autumn.Id);
        RotationSchedule.Decide(On(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime))).Cycle.ShouldBeNull();
    }

    [Fact]
    public void A_whole_school_year_opens_three_cycles_and_stays_quiet_once_each_is_done()
    {
        // Autumn done on day 2, spring never done until summer supersedes it, summer done on day 20 after escalation.
        var credentials = FreshEnough;
        RotationCycle? open = null;
        string? handled = "2025-26-summer";
        DateOnly? rotated = null;
        var log = new List<(DateOnly Date, string Cycle, AlertKind Kind, int Day)>();
        var superseded = new List<string>();

        for (var date = new DateOnly(2026, 8, 1); date <= new DateOnly(2027, 7, 31); date = date.AddDays(1))
        {
            var plan = RotationSchedule.Decide(new RotationInputs(date, Calendar, open, handled, rotated, credentials));
            log.AddRange(plan.Alerts.Select(a => (date, a.Cycle.Id, a.Kind, a.Day)));
            if (plan.Superseded is not null) superseded.Add(plan.Superseded.Id);
            (open, handled) = (plan.Cycle, plan.LastTermHandled);

            if (open is not null && (open.Id, open.DayOn(date)) is ("2026-27-autumn", 2) or ("2026-27-summer", 20))
            {
                var expires = Calendar.After(Calendar.LatestStarted(date)!)!.End.AddDays(1);
                credentials = [.. credentials.Select(c => c with { CreatedOn = date, ExpiresOn = expires })];
                (rotated, open) = (date, null);
            }
        }

        var printed = string.Join("\n", log);
        log.Select(l => l.Cycle).Distinct().ShouldBe(["2026-27-autumn", "2026-27-spring", "2026-27-summer"]);
        log.Count(l => l.Cycle == "2026-27-autumn").ShouldBe(2, printed); // opened, day 1, day 2 done
        superseded.ShouldBe(["2026-27-spring"]);
        log.Where(l => l.Kind == AlertKind.Escalation).Select(l => l.Cycle).ShouldBe(["2026-27-spring", "2026-27-summer"]);
        log.Where(l => l.Kind == AlertKind.Opened).Select(l => l.Date).ShouldBe([new DateOnly(2026, 9, 2), new DateOnly(2027, 1, 4), new DateOnly(2027, 4, 5)]);
        log.Where(l => l.Cycle == "2026-27-summer").Max(l => l.Day).ShouldBe(20); // the morning run, before SLT rotated that day
        open.ShouldBeNull();
        log.Select(l => (l.Cycle, l.Day, l.Kind)).Distinct().Count().ShouldBe(log.Count);
    }

    private static List<RotationAlert> RunDaily(DateOnly from, int days)
    {
        var sent = new List<RotationAlert>();
        RotationCycle? open = null;
        string? handled = "2025-26-summer";
        for (var i = 0; i < days; i++)
        {
            var plan = RotationSchedule.Decide(On(from.AddDays(i), open, handled));
            sent.AddRange(plan.Alerts);
            (open, handled) = (plan.Cycle, plan.LastTermHandled);
        }

        return sent;
    }

    private static RotationCycle OpenedOn(DateOnly date, params int[] alertDays) =>
        new(Autumn.Id, CycleKind.Termly, Autumn.Id, date, "test", alertDays);
}
