using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Core.Roster;

namespace SchoolTwitter.Core.CodeOfConduct;

/// <summary>Checks a draft against every rule of the school's code of conduct. Thread-safe; build once (see <see cref="CodeOfConductFactory"/>).</summary>
public sealed class CodeOfConductChecker(IReadOnlyList<IRule> rules)
{
    // An array, so running the rules on each draft needs no enumerator.
    private readonly IRule[] _rules = [.. rules];

    public IReadOnlyList<IRule> Rules => _rules;

    public Verdict Check(Draft draft, PupilRoster? roster = null) => Check(draft, roster, null);

    /// <summary>Checks with the school's staff and governors known, so their names are read as adults'.</summary>
    public Verdict Check(Draft draft, PupilRoster? roster, StaffList? staff)
    {
        var context = new DraftContext(draft, roster ?? PupilRoster.Empty, staff ?? StaffList.Empty);
        var findings = new List<Finding>();
        foreach (var rule in _rules)
        {
            rule.Check(context, findings);
        }
        if (findings.Count > 1) findings.Sort(static (a, b) => (a.Start ?? int.MaxValue).CompareTo(b.Start ?? int.MaxValue));
        return Verdict.From(draft.Id, context.WeightedLength, findings);
    }
}
