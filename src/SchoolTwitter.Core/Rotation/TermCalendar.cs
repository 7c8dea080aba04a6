using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Core.Rotation;

/// <summary>
/// The school's terms in date order. Built only through <see cref="Create"/> (which refuses bad dates, naming the field)
/// or <see cref="DefaultForEngland"/>, so every calendar in the program is valid.
/// </summary>
public sealed class TermCalendar
{
    private const int ShortestTermDays = 14;
    private const int LongestTermDays = 20 * 7;

    private TermCalendar(IReadOnlyList<Term> terms) => Terms = terms;

    /// <summary>Every term, earliest first.</summary>
    public IReadOnlyList<Term> Terms { get; }

    /// <summary>The academic year a date falls in: 1 August to 31 July, named by its first calendar year.</summary>
    public static int AcademicYearOf(DateOnly date) => date.Month >= 8 ? date.Year : date.Year - 1;

    /// <summary>
    /// Validates terms as loaded by SLT (fields named <c>terms[i].start</c> etc. by input position): each ends on or after it
    /// starts, lasts 2 to 20 weeks and stays inside its academic year; every academic year given has exactly one autumn, spring
    /// and summer term, in that order; no two terms overlap.
    /// </summary>
    public static InputResult<TermCalendar> Create(IReadOnlyList<Term> terms)
    {
        var errors = new List<InputError>();
        if (terms.Count == 0) return InputResult<TermCalendar>.Fail(new InputError("terms", "Give at least one academic year of terms (autumn, spring and summer)."));

        for (var i = 0; i < terms.Count; i++)
        {
            var t = terms[i];
            if (t.End < t.Start)
                errors.Add(new InputError($"terms[{i}].end", $"The {t.Name.ToString().ToLowerInvariant()} term ends ({t.End:yyyy-MM-dd}) before it starts ({t.Start:yyyy-MM-dd})."));
            else if (t.End.DayNumber - t.Start.DayNumber + 1 < ShortestTermDays)
                errors.Add(new InputError($"terms[{i}].end", $"The {t.Name.ToString().ToLowerInvariant()} term lasts under two weeks ({t.Start:yyyy-MM-dd} to {t.End:yyyy-MM-dd}); check the dates."));
            else if (t.End.DayNumber - t.Start.DayNumber + 1 > LongestTermDays)
                errors.Add(new InputError($"terms[{i}].end", $"The {t.Name.ToString().ToLowerInvariant()} term lasts over 20 weeks ({t.Start:yyyy-MM-dd} to {t.End:yyyy-MM-dd}); check the dates."));
            else if (AcademicYearOf(t.End) != t.AcademicYear)
                errors.Add(new InputError($"terms[{i}].end", $"The {t.Name.ToString().ToLowerInvariant()} term runs past 31 July into the next academic year."));
        }

        foreach (var year in terms.Select((t, i) => (t, i)).GroupBy(x => x.t.AcademicYear).OrderBy(g => g.Key))
        {
            var label = $"{year.Key}/{(year.Key + 1) % 100:00}";
            foreach (var name in Enum.GetValues<TermName>())
            {
                var matches = year.Where(x => x.t.Name == name).ToList();
                if (matches.Count == 0)
                    errors.Add(new InputError("terms", $"The {name.ToString().ToLowerInvariant()} term of {label} is missing: give all three terms of each academic year."));
                else if (matches.Count > 1)
                    errors.Add(new InputError($"terms[{matches[1].i}].name", $"The {name.ToString().ToLowerInvariant()} term of {label} is given more than once."));
            }

            var inOrder = year.OrderBy(x => x.t.Start).Select(x => x.t.Name).Distinct().ToList();
            var expected = Enum.GetValues<TermName>().Where(inOrder.Contains).ToList();
            if (!inOrder.SequenceEqual(expected))
                errors.Add(new InputError("terms", $"The terms of {label} are out of order: autumn, then spring, then summer."));
        }

        var sorted = terms.Select((t, i) => (t, i)).OrderBy(x => x.t.Start).ToList();
        for (var k = 1; k < sorted.Count; k++)
        {
            var (before, after) = (sorted[k - 1], sorted[k]);
            if (after.t.Start <= before.t.End)
                errors.Add(new InputError($"terms[{after.i}].start",
                    $"The {after.t.DisplayName.ToLowerInvariant()} starts ({after.t.Start:yyyy-MM-dd}) before the {before.t.DisplayName.ToLowerInvariant()} ends ({before.t.End:yyyy-MM-dd})."));
        }

        return errors.Count > 0
            ? InputResult<TermCalendar>.Fail(errors)
            : InputResult<TermCalendar>.Ok(new TermCalendar(sorted.Select(x => x.t).ToList()));
    }

    /// <summary>The default terms of England (<see cref="EnglandTerms"/>) for the academic years from..to inclusive.</summary>
    public static TermCalendar DefaultForEngland(int fromAcademicYear, int toAcademicYear) =>
        new(Enumerable.Range(fromAcademicYear, toAcademicYear - fromAcademicYear + 1).SelectMany(EnglandTerms.For).ToList());

    /// <summary>
    /// The calendar around <paramref name="today"/> (last, this and next academic year): the loaded terms where SLT gave
    /// them, England's defaults for any academic year they did not.
    /// </summary>
    public static TermCalendar Around(DateOnly today, IReadOnlyList<Term> loaded)
    {
        var year = AcademicYearOf(today);
        var terms = new List<Term>();
        for (var y = year - 1; y <= year + 1; y++)
        {
            var given = loaded.Where(t => t.AcademicYear == y).OrderBy(t => t.Start).ToList();
            terms.AddRange(given.Count == 3 ? given : EnglandTerms.For(y));
        }

        return new TermCalendar(terms);
    }

    /// <summary>The term whose dates include <paramref name="date"/>, or null in a holiday.</summary>
    public Term? TermOn(DateOnly date) => Terms.FirstOrDefault(t => t.Contains(date));

    /// <summary>The latest term that has started by <paramref name="date"/> (the current term, or the one just ended in a holiday).</summary>
    public Term? LatestStarted(DateOnly date) => Terms.LastOrDefault(t => t.Start <= date);

    /// <summary>The term after <paramref name="term"/>, or null when the calendar ends.</summary>
    public Term? After(Term term) => Terms.FirstOrDefault(t => t.Start > term.End);

    /// <summary>The term before <paramref name="term"/>, or null when the calendar starts there.</summary>
    public Term? Before(Term term) => Terms.LastOrDefault(t => t.End < term.Start);
}
