using SchoolTwitter.Core.Rotation;

namespace SchoolTwitter.Core.Tests.Rotation;

public class TermCalendarTests
{
    private static readonly Term Autumn = new(TermName.Autumn, new(2026, 9, 3), new(2026, 12, 18));
    private static readonly Term Spring = new(TermName.Spring, new(2027, 1, 5), new(2027, 3, 26));
    private static readonly Term Summer = new(TermName.Summer, new(2027, 4, 12), new(2027, 7, 22));

    [Fact]
    public void Create_accepts_a_council_calendar_and_sorts_it()
    {
        var result = TermCalendar.Create([Summer, Autumn, Spring]);

        result.IsValid.ShouldBeTrue();
        result.Value!.Terms.ShouldBe([Autumn, Spring, Summer]);
    }

    [Fact]
    public void Create_refuses_a_term_ending_before_it_starts_naming_the_field()
    {
        var result = TermCalendar.Create([Autumn, Spring with { End = new(2027, 1, 1) }, Summer]);

        result.IsValid.ShouldBeFalse();
        var error = result.Errors.ShouldHaveSingleItem();
        error.Field.ShouldBe("terms[1].end");
        error.Message.ShouldContain("ends (2027-01-01) before it starts (2027-01-05)");
    }

    [Fact]
    public void Create_refuses_overlapping_terms()
    {
        var result = TermCalendar.Create([Autumn, Spring with { Start = new(2026, 12, 14) }, Summer]);

        result.Errors.ShouldContain(e => e.Field == "terms[1].start" && e.Message.Contains("before the autumn term 2026/27 ends"));
    }

    [Fact]
    public void Create_refuses_terms_out_of_order()
    {
        // Summer dated before spring in the same academic year.
        var result = TermCalendar.Create([Autumn, Spring with { Start = new(2027, 4, 12), End = new(2027, 7, 22) }, Summer with { Start = new(2027, 1, 5), End = new(2027, 3, 26) }]);

        result.Errors.ShouldContain(e => e.Message.Contains("out of order"));
    }

    [Fact]
    public void Create_refuses_an_academic_year_with_a_term_missing()
    {
        var result = TermCalendar.Create([Autumn, Summer]);

        var error = result.Errors.ShouldHaveSingleItem();
        error.Field.ShouldBe("terms");
        error.Message.ShouldBe("The spring term of 2026/27 is missing: give all three terms of each academic year.");
    }

    [Fact]
    public void Create_refuses_a_term_given_twice()
    {
        var result = TermCalendar.Create([Autumn, Spring, Summer, Spring with { Start = new(2027, 7, 23), End = new(2027, 7, 30) }]);

        result.Errors.ShouldContain(e => e.Field == "terms[3].name" && e.Message.Contains("more than once"));
    }

    [Fact]
    public void Create_refuses_an_empty_calendar() =>
        TermCalendar.Create([]).Errors.ShouldHaveSingleItem().Field.ShouldBe("terms");

    [Theory]
    [InlineData("2026-09-03", "2026-09-10", "under two weeks")]
    [InlineData("2026-09-03", "2027-03-01", "over 20 weeks")]
    public void Create_refuses_implausible_term_lengths(string start, string end, string reason)
    {
        var result = TermCalendar.Create([Autumn with { Start = DateOnly.Parse(start), End = DateOnly.Parse(end) }, Spring, Summer]);

        result.Errors.ShouldContain(e => e.Field == "terms[0].end" && e.Message.Contains(reason));
    }

    [Fact]
    public void Create_refuses_a_summer_term_running_into_the_next_academic_year()
    {
        var result = TermCalendar.Create([Autumn, Spring, Summer with { End = new(2027, 8, 3) }]);

        result.Errors.ShouldContain(e => e.Field == "terms[2].end" && e.Message.Contains("past 31 July"));
    }

    [Fact]
    public void Create_accepts_two_consecutive_academic_years()
    {
        var next = EnglandTerms.For(2027);
        TermCalendar.Create([Autumn, Spring, Summer, .. next]).Value!.Terms.Count.ShouldBe(6);
    }

    [Fact]
    public void Around_uses_loaded_years_and_defaults_for_the_others()
    {
        var calendar = TermCalendar.Around(new DateOnly(2026, 10, 1), [Autumn, Spring, Summer]);

        calendar.Terms.Count.ShouldBe(9);
        calendar.Terms.ShouldContain(Autumn);
        calendar.Terms.ShouldContain(EnglandTerms.For(2025)[2]);
        calendar.Terms.ShouldContain(EnglandTerms.For(2027)[0]);
        TermCalendar.Create(calendar.Terms.ToList()).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Lookups_find_the_current_latest_next_and_previous_terms()
    {
        var calendar = TermCalendar.Create([Autumn, Spring, Summer]).Value!;

        calendar.TermOn(new(2026, 12, 18)).ShouldBe(Autumn);
        calendar.TermOn(new(2026, 12, 25)).ShouldBeNull();
        calendar.LatestStarted(new(2026, 12, 25)).ShouldBe(Autumn);
        calendar.LatestStarted(new(2026, 9, 2)).ShouldBeNull();
        calendar.After(Autumn).ShouldBe(Spring);
        calendar.After(Summer).ShouldBeNull();
        calendar.Before(Spring).ShouldBe(Autumn);
        TermCalendar.AcademicYearOf(new(2027, 7, 31)).ShouldBe(2026);
        TermCalendar.AcademicYearOf(new(2027, 8, 1)).ShouldBe(2027);
    }
}
