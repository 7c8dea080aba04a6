using SchoolTwitter.Core.Followers;
using SchoolTwitter.Core.Lexicons;
using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Benchmarks.Evaluation;

/// <summary>
/// The weekly follower review (issue 14): the assessor's suggestion for each labelled profile of Data/follower-profiles.tsv
/// against what a head teacher would want. The targets are the issue's: no account that must be blocked suggested keep, at most
/// 1 in 100 that should be kept suggested block, at most 1 in 10 that need a look suggested keep, and reasons on every suggestion.
/// </summary>
public sealed class FollowersEvaluation : IEvaluation
{
    private const string Category = "followers";

    public string Name => Category;

    public IReadOnlyList<EvaluationFigure> Run(EvaluationContext context)
    {
        var lexicons = LexiconSet.Load();
        var assessor = new FollowerAssessor(new OffensiveLanguage(lexicons), FollowerKeywords.From(lexicons), FollowersProfiles.School);
        return
        [
            .. Measure(context, assessor, "follower-profiles.tsv", ""),
            .. Measure(context, assessor, "follower-profiles-heldout.tsv", "held-out "),
        ];
    }

    /// <summary>The figures for one profile set; <paramref name="prefix"/> names the set in each measure.</summary>
    private static List<EvaluationFigure> Measure(EvaluationContext context, FollowerAssessor assessor, string file, string prefix)
    {
        var profiles = FollowersProfiles.Load(file);
        var results = profiles.Select(p => (p.Wanted, p.Category, p.Profile, Assessment: assessor.Assess(p.Profile, FollowersProfiles.Now))).ToList();

        var figures = new List<EvaluationFigure>
        {
            Figure(context, results, prefix + "block-wanted suggested keep", FollowerSuggestion.Block, FollowerSuggestion.Keep, 0.0, atMost: true),
            Figure(context, results, prefix + "keep-wanted suggested block", FollowerSuggestion.Keep, FollowerSuggestion.Block, 0.01, atMost: true),
            Figure(context, results, prefix + "review-wanted suggested keep", FollowerSuggestion.Review, FollowerSuggestion.Keep, 0.10, atMost: true),
            Figure(context, results, prefix + "block-wanted suggested block", FollowerSuggestion.Block, FollowerSuggestion.Block, null, atMost: false),
            Figure(context, results, prefix + "keep-wanted suggested keep", FollowerSuggestion.Keep, FollowerSuggestion.Keep, null, atMost: false),
            Figure(context, results, prefix + "review-wanted suggested review", FollowerSuggestion.Review, FollowerSuggestion.Review, null, atMost: false),
        };

        var withoutReasons = results.Where(r => r.Assessment.Reasons.Count == 0).ToList();
        figures.Add(new EvaluationFigure(Category, prefix + "suggestions (keep included) that list their reasons", results.Count - withoutReasons.Count, results.Count, 1.0,
            Examples: withoutReasons.Count > 0 ? Sample(withoutReasons) : null));

        var falseAlarms = results.Where(r => r.Category.StartsWith("false-alarm", StringComparison.Ordinal)).ToList();
        var alarmed = falseAlarms.Where(r => r.Assessment.Suggestion == FollowerSuggestion.Block || r.Assessment.Reasons.Any(x => x.Weight >= FollowerAssessor.Decisive)).ToList();
        figures.Add(new EvaluationFigure(Category, prefix + "false-alarm categories (RSE charity, pub name, heritage, surname, \"lazy boys\", book title) blocked or given a decisive reason",
            alarmed.Count, falseAlarms.Count, 0.0, AtMost: true, Examples: alarmed.Count > 0 ? Sample(alarmed) : null));
        context.WriteMisses($"followers-{prefix}false-alarms", alarmed.Select(Describe));

        var exact = results.Count(r => r.Assessment.Suggestion == r.Wanted);
        figures.Add(new EvaluationFigure(Category, $"{prefix}all {results.Count} profiles: suggestion as labelled", exact, results.Count));
        context.WriteMisses($"followers-{prefix}all-differences", results.Where(r => r.Assessment.Suggestion != r.Wanted).Select(Describe));
        return figures;
    }

    private static EvaluationFigure Figure(EvaluationContext context, List<(FollowerSuggestion Wanted, string Category, FollowerProfile Profile, FollowerAssessment Assessment)> results,
        string measure, FollowerSuggestion wanted, FollowerSuggestion suggested, double? target, bool atMost)
    {
        var labelled = results.Where(r => r.Wanted == wanted).ToList();
        var hits = labelled.Where(r => r.Assessment.Suggestion == suggested).ToList();
        if (atMost) context.WriteMisses("followers-" + measure, hits.Select(Describe));
        return new EvaluationFigure(Category, measure, hits.Count, labelled.Count, target, atMost, atMost && hits.Count > 0 ? Sample(hits) : null);
    }

    private static string Sample(IEnumerable<(FollowerSuggestion Wanted, string Category, FollowerProfile Profile, FollowerAssessment Assessment)> rows) =>
        string.Join("; ", rows.Take(12).Select(r => $"@{r.Profile.Handle} ({r.Category})"));

    private static string Describe((FollowerSuggestion Wanted, string Category, FollowerProfile Profile, FollowerAssessment Assessment) r) =>
        $"{r.Category}\t@{r.Profile.Handle}\twanted {r.Wanted}, suggested {r.Assessment.Suggestion} ({r.Assessment.Score})\t" +
        string.Join(" | ", r.Assessment.Reasons.Select(x => $"{x.Code} {x.Weight}: {x.Message}"));
}
