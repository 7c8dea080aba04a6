using SchoolTwitter.Core.Lexicons;
using SchoolTwitter.Core.Text;
using static SchoolTwitter.Core.CodeOfConduct.Rules.LanguageRuleSupport;

namespace SchoolTwitter.Core.CodeOfConduct.Rules;

/// <summary>
/// No shouting: words in capitals beyond known acronyms (acronyms.txt: SATs, PE, PTA, KS2, EYFS…; words with digits like
/// KS2 or Y6, Roman numerals and single letters such as "I" and "A" are fine), and runs of !!! or ???.
/// Consecutive shouted words are reported once ("WELL DONE EVERYONE").
/// </summary>
public sealed class ShoutingRule(LexiconSet lexicons) : IRule
{
    private readonly LanguageLexicons _lexicons = lexicons.Language;

    public string Id => RuleIds.Shouting;

    public void Check(DraftContext draft, List<Finding> findings)
    {
        var words = draft.Words;
        var reported = ReportedSpans.Of(findings);
        var i = 0;
        while (i < words.Count)
        {
            if (!IsShouted(words, i))
            {
                i++;
                continue;
            }
            var first = i;
            while (i + 1 < words.Count && IsShouted(words, i + 1) && words.SameSentence(i, i + 1) && !words[i + 1].Has(WordFlags.AfterEntity)) i++;
            if (reported.Overlaps(words[first].Start, words[i].End - words[first].Start) && first == i)
            {
                i++;
                continue;
            }
            var written = Span(words, first, i);
            var suggestion = Lower(written, words[first].Has(WordFlags.SentenceStart));
            findings.Add(new Finding(Id, Severity.Block,
                $"{Quote(written)} is in capitals, which reads as shouting; write “{suggestion}” (capitals only for acronyms such as PE or SATs).",
                words[first].Start, words[i].End - words[first].Start, suggestion));
            i++;
        }
        FindPunctuationRuns(draft.Text, words, findings);
    }

    private bool IsShouted(TextAnalysis words, int i)
    {
        var token = words[i];
        if (!token.Has(WordFlags.AllCaps) || token.Has(WordFlags.HasDigit)) return false;
        var folded = words.Folded(i);
        if (folded.Length < 2 || _lexicons.IsAcronym(folded) || IsRomanNumeral(folded)) return false;
        // Plural or possessive of an acronym: "PCSOS", "TAS", "PTA'S".
        var stem = WithoutPossessive(folded);
        if (stem.Length < folded.Length && _lexicons.IsAcronym(stem)) return false;
        if (folded.Length > 2 && folded[^1] == 's' && _lexicons.IsAcronym(folded[..^1])) return false;
        return true;
    }

    private static bool IsRomanNumeral(ReadOnlySpan<char> folded)
    {
        foreach (var c in folded)
        {
            if (c is not ('i' or 'v' or 'x' or 'l' or 'c' or 'd' or 'm')) return false;
        }
        // Only the short, well-formed ones people write: II, III, IV, VI, VII, VIII, IX, XI, XII, XV, XX…
        return folded.Length <= 5 && !folded.Contains("ll", StringComparison.Ordinal) && folded is not ("dim" or "mix" or "mild" or "civil" or "vivid" or "lid" or "mid" or "did" or "dill" or "mill" or "cc" or "dd" or "cd" or "md" or "dc");
    }

    private static string Lower(ReadOnlySpan<char> written, bool sentenceStart)
    {
        var lower = written.ToString().ToLowerInvariant();
        return sentenceStart && lower.Length > 0 ? char.ToUpperInvariant(lower[0]) + lower[1..] : lower;
    }

    private void FindPunctuationRuns(string text, TextAnalysis words, List<Finding> findings)
    {
        var i = 0;
        while (i < text.Length)
        {
            var next = text.AsSpan(i).IndexOfAny(Bangs);
            if (next < 0) return;
            i += next;
            if (words.IsSkipped(i))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && (IsBang(text[i]) || TextFolding.IsInvisible(text[i]))) i++;
            var run = text.AsSpan(start, i - start);
            var marks = 0;
            var questions = 0;
            foreach (var c in run)
            {
                if (IsBang(c)) marks++;
                if (c is '?' or '？') questions++;
            }
            if (marks >= 3)
            {
                var one = questions > 0 ? "?" : "!";
                findings.Add(new Finding(Id, Severity.Block,
                    $"{Quote(run)} reads as shouting; use a single “{one}”.", start, i - start, one));
            }
        }
    }

    private static readonly System.Buffers.SearchValues<char> Bangs = System.Buffers.SearchValues.Create("!?！？‼⁉⁈❗❓");

    private static bool IsBang(char c) => c is '!' or '?' or '！' or '？' or '‼' or '⁉' or '⁈' or '❗' or '❓';
}
