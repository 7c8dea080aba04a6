namespace SchoolTwitter.Core.Rotation;

/// <summary>
/// A sensible default calendar for a school in England when SLT have not loaded the council's dates. Councils publish
/// slightly different dates; these rules land within a few days of them, which is all the rotation reminders need.
/// </summary>
public static class EnglandTerms
{
    /// <summary>The three default terms of the academic year starting in September of <paramref name="academicYear"/>.</summary>
    public static IReadOnlyList<Term> For(int academicYear)
    {
        var easter = Easter.Sunday(academicYear + 1);
        var goodFriday = easter.AddDays(-2);
        var easterMonday = easter.AddDays(1);
        return
        [
            // Autumn: the first Wednesday of September (after INSET days) to the last weekday on or before 19 December.
            new Term(TermName.Autumn, OnOrAfter(new DateOnly(academicYear, 9, 1), DayOfWeek.Wednesday), WeekdayOnOrBefore(new DateOnly(academicYear, 12, 19))),
            // Spring: the first Monday on or after 4 January, which is never the New Year bank holiday (at latest 3 January),
            // to the Friday a week before Good Friday: the Easter holiday is the fortnight around Easter.
            new Term(TermName.Spring, OnOrAfter(new DateOnly(academicYear + 1, 1, 4), DayOfWeek.Monday), goodFriday.AddDays(-7)),
            // Summer: the Monday a week after Easter Monday to the last weekday on or before 21 July.
            new Term(TermName.Summer, easterMonday.AddDays(7), WeekdayOnOrBefore(new DateOnly(academicYear + 1, 7, 21))),
        ];
    }

    private static DateOnly OnOrAfter(DateOnly date, DayOfWeek day) => date.AddDays(((int)day - (int)date.DayOfWeek + 7) % 7);

    private static DateOnly WeekdayOnOrBefore(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(-2),
        _ => date,
    };
}
