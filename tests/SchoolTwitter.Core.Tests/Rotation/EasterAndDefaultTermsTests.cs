using SchoolTwitter.Core.Rotation;

namespace SchoolTwitter.Core.Tests.Rotation;

public class EasterAndDefaultTermsTests
{
    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2028, 4, 16)]
    [InlineData(2038, 4, 25)] // the latest possible
    [InlineData(2285, 3, 22)] // the earliest possible
    [InlineData(1818, 3, 22)]
    public void Easter_Sunday_matches_published_dates(int year, int month, int day) =>
        Easter.Sunday(year).ShouldBe(new DateOnly(year, month, day));

    [Fact]
    public void Easter_refuses_years_before_the_Gregorian_calendar() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Easter.Sunday(1500));

    [Fact]
    public void Default_2026_27_terms_fall_where_an_English_council_puts_them()
    {
        var terms = EnglandTerms.For(2026);

        terms.Select(t => t.Name).ShouldBe([TermName.Autumn, TermName.Spring, TermName.Summer]);
        terms[0].ShouldBe(new Term(TermName.Autumn, new DateOnly(2026, 9, 2), new DateOnly(2026, 12, 18))); // Wed; Sat 19th -> Fri 18th
        terms[1].ShouldBe(new Term(TermName.Spring, new DateOnly(2027, 1, 4), new DateOnly(2027, 3, 19)));  // Easter 28 Mar 2027
        terms[2].ShouldBe(new Term(TermName.Summer, new DateOnly(2027, 4, 5), new DateOnly(2027, 7, 21)));
    }

    [Fact]
    public void Default_spring_term_never_starts_on_the_New_Year_bank_holiday()
    {
        // 2028 (1 Jan a Saturday): the bank holiday is Monday 3 January.
        EnglandTerms.For(2027)[1].Start.ShouldBe(new DateOnly(2028, 1, 10));
        // 2023 (1 Jan a Sunday): the bank holiday is Monday 2 January.
        EnglandTerms.For(2022)[1].Start.ShouldBe(new DateOnly(2023, 1, 9));
    }

    [Fact]
    public void Default_Easter_holiday_is_the_fortnight_around_a_late_Easter()
    {
        var terms = EnglandTerms.For(2024); // Easter 20 April 2025
        terms[1].End.ShouldBe(new DateOnly(2025, 4, 11));
        terms[2].Start.ShouldBe(new DateOnly(2025, 4, 28));
    }

    [Fact]
    public void Default_calendars_for_fifty_years_are_all_valid_and_ordered()
    {
        for (var year = 2000; year < 2050; year++)
        {
            var result = TermCalendar.Create(EnglandTerms.For(year));
            result.IsValid.ShouldBeTrue($"{year}: {string.Join("; ", result.Errors.Select(e => e.Message))}");
            foreach (var term in EnglandTerms.For(year))
            {
                term.Start.DayOfWeek.ShouldNotBe(DayOfWeek.Saturday);
                term.Start.DayOfWeek.ShouldNotBe(DayOfWeek.Sunday);
                term.End.DayOfWeek.ShouldNotBe(DayOfWeek.Saturday);
                term.End.DayOfWeek.ShouldNotBe(DayOfWeek.Sunday);
            }
        }
    }

    [Fact]
    public void Term_ids_name_the_academic_year_and_term()
    {
        var terms = EnglandTerms.For(2026);
        terms.Select(t => t.Id).ShouldBe(["2026-27-autumn", "2026-27-spring", "2026-27-summer"]);
        terms[1].DisplayName.ShouldBe("Spring term 2026/27");
        EnglandTerms.For(2099)[0].Id.ShouldBe("2099-00-autumn");
    }
}
