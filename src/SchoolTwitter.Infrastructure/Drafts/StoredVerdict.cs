using System.Globalization;
using System.Text.Json;
using SchoolTwitter.Core.CodeOfConduct;

namespace SchoolTwitter.Infrastructure.Drafts;

/// <summary>
/// A verdict cut to what one table row can hold. An entity holds at most 1 MiB (strings count two bytes a character), and a
/// 10,000-character draft can draw 4,000 findings, over 900,000 characters of JSON. The outcome is never touched: the
/// findings kept are the blocking ones first, each in text order, and a last finding counts the rest and says how to see them.
/// </summary>
internal static class StoredVerdict
{
    /// <summary>
    /// Characters of verdict JSON a row keeps (640 KB), leaving room for the text (at most 10,000 characters), four images'
    /// declarations (about 50,000) and the rest within the 1 MiB entity.
    /// </summary>
    public const int MaxJsonChars = 320_000;

    /// <summary>Room kept for the finding that counts the rest.</summary>
    private const int SummaryChars = 600;

    public static Verdict Fit(Verdict verdict, JsonSerializerOptions json, int maxChars = MaxJsonChars)
    {
        if (JsonSerializer.Serialize(verdict, json).Length <= maxChars) return verdict;

        var findings = verdict.Findings;
        var budget = maxChars - SummaryChars - JsonSerializer.Serialize(verdict with { Findings = [] }, json).Length;
        var keep = new bool[findings.Count];
        foreach (var severity in new[] { Severity.Block, Severity.Warn })
        {
            for (var i = 0; i < findings.Count; i++)
            {
                if (findings[i].Severity != severity) continue;
                var size = JsonSerializer.Serialize(findings[i], json).Length + 1;
                if (size > budget) continue;
                keep[i] = true;
                budget -= size;
            }
        }

        var kept = findings.Where((_, i) => keep[i]).ToList();
        var omitted = findings.Where((_, i) => !keep[i]).ToList();
        var blocking = omitted.Count(f => f.Severity == Severity.Block);
        var rule = omitted.GroupBy(f => f.Rule, StringComparer.Ordinal).OrderByDescending(g => g.Count()).First().Key;
        kept.Add(new Finding(rule, blocking > 0 ? Severity.Block : Severity.Warn,
            $"…and {Whole(omitted.Count)} more findings ({Whole(blocking)} of them blocking) that a stored draft has no room for. " +
            "Fix the ones above, then check the draft again to see the rest."));
        return verdict with { Findings = kept };
    }

    private static string Whole(int count) => count.ToString("N0", CultureInfo.InvariantCulture);
}
