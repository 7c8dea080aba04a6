namespace SchoolTwitter.Core.CodeOfConduct;

public enum VerdictOutcome
{
    Pass,
    Review,
    Blocked,
}

/// <summary>The checker's decision on a draft: blocked when any finding blocks, review when there are only warnings, pass otherwise.</summary>
public sealed record Verdict(string? Id, VerdictOutcome Outcome, int WeightedLength, IReadOnlyList<Finding> Findings)
{
    public static Verdict From(string? id, int weightedLength, IReadOnlyList<Finding> findings)
    {
        var outcome = VerdictOutcome.Pass;
        for (var k = 0; k < findings.Count; k++)
        {
            if (findings[k].Severity == Severity.Block) { outcome = VerdictOutcome.Blocked; break; }
            outcome = VerdictOutcome.Review;
        }
        return new Verdict(id, outcome, weightedLength, findings);
    }
}
