namespace SchoolTwitter.Core.Rotation;

public enum TermName
{
    Autumn,
    Spring,
    Summer,
}

/// <summary>One school term, first and last teaching day inclusive (UK dates).</summary>
public sealed record Term(TermName Name, DateOnly Start, DateOnly End)
{
    /// <summary>The academic year's first calendar year: 2026 for 2026/27 (a year runs 1 August to 31 July).</summary>
    public int AcademicYear => TermCalendar.AcademicYearOf(Start);

    /// <summary>Stable id such as <c>2026-27-autumn</c>: the row key in table Terms and the id of the term's rotation cycle.</summary>
    public string Id => $"{AcademicYear}-{(AcademicYear + 1) % 100:00}-{Name.ToString().ToLowerInvariant()}";

    /// <summary>"Autumn term 2026/27", for people.</summary>
    public string DisplayName => $"{Name} term {AcademicYear}/{(AcademicYear + 1) % 100:00}";

    public bool Contains(DateOnly date) => date >= Start && date <= End;
}
