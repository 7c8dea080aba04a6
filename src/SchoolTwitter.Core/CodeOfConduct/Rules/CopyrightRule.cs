using SchoolTwitter.Core.Lexicons;
using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.CodeOfConduct.Rules;

/// <summary>
/// Only what the school owns is posted. Any picture not declared as owned by the school is blocked. Someone else's words
/// quoted at length (a song, a poem, an article) are a copyright question for a person, so they warn: a quoted passage of 20
/// words or more, or of 8 or more (or four short lines set out as verse) when the draft says it is a song, poem, article or lyrics.
/// </summary>
public sealed class CopyrightRule : IRule
{
    public const string QuotationList = "copyright-quotation";

    private const int LongQuotation = 20;
    private const int CuedQuotation = 8;
    private const int VerseLines = 4;
    private const int VerseLineWords = 9;

    private readonly string[][] _cues;

    /// <summary>The rule with the built-in quotation cues (copyright-quotation.txt).</summary>
    public CopyrightRule() : this(LexiconSet.Load())
    {
    }

    public CopyrightRule(LexiconSet lexicons)
    {
        ArgumentNullException.ThrowIfNull(lexicons);
        _cues = [.. lexicons.Entries(QuotationList).Select(e => TextFolding.Fold(e).Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(w => w.Length > 0)];
    }

    public string Id => RuleIds.Copyright;

    public void Check(DraftContext draft, List<Finding> findings)
    {
        var images = draft.Draft.Images;
        for (var i = 0; i < images.Count; i++)
        {
            if (!images[i].OwnedBySchool)
            {
                findings.Add(new Finding(Id, Severity.Block,
                    $"{ImageLabel.Of(images[i], i)} is not declared as owned by the school. Post only pictures the school took " +
                    "or holds the rights to; if the school does own it, mark it as owned by the school."));
            }
        }
        CheckQuotation(draft, findings);
    }

    private void CheckQuotation(DraftContext draft, List<Finding> findings)
    {
        var text = draft.Text;
        var (start, length, words) = LongestQuotation(text);
        var cued = words >= CuedQuotation || VerseShaped(text) ? HasCue(draft.Words) : false;
        if (words >= LongQuotation || (words >= CuedQuotation && cued))
        {
            findings.Add(new Finding(Id, Severity.Warn,
                $"The draft quotes {words} words of someone else's writing. Songs, poems and articles belong to their authors: " +
                "a second SLT member should check the school may post it (a short quotation with credit, or the author's permission).",
                start, length));
        }
        else if (cued && VerseShaped(text))
        {
            findings.Add(new Finding(Id, Severity.Warn,
                "The draft sets out lines of a song or poem. Unless the school's own pupils wrote them, they belong to their author: " +
                "a second SLT member should check the school may post them."));
        }
    }

    /// <summary>The quoted passage ("…", “…”, ‘…’, «…») with the most words: its span (inside the marks) and word count.</summary>
    private static (int Start, int Length, int Words) LongestQuotation(string text)
    {
        (int, int, int) best = (0, 0, 0);
        var first = text.AsSpan().IndexOfAny(QuotationMarks);
        if (first < 0) return best;
        for (var i = first; i < text.Length; i++)
        {
            var close = Closing(text, i);
            if (close == '\0') continue;
            var end = text.IndexOf(close, i + 1);
            // A ’ inside a quotation is usually an apostrophe ("didn’t"): the closing one has no letter after it.
            while (close == '’' && end > 0 && end + 1 < text.Length && char.IsLetter(text[end + 1])) end = text.IndexOf(close, end + 1);
            if (end < 0) continue;
            var words = CountWords(text.AsSpan(i + 1, end - i - 1));
            if (words > best.Item3) best = (i + 1, end - i - 1, words);
            i = end;
        }
        return best;
    }

    private static readonly System.Buffers.SearchValues<char> QuotationMarks = System.Buffers.SearchValues.Create("“«\"‘");

    private static char Closing(string text, int i) => text[i] switch
    {
        '“' => '”',
        '«' => '»',
        '"' when i == 0 || !char.IsLetterOrDigit(text[i - 1]) => '"',
        '‘' when i == 0 || !char.IsLetterOrDigit(text[i - 1]) => '’',
        _ => '\0',
    };

    private static int CountWords(ReadOnlySpan<char> span)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in span)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord) words++;
            inWord = letter || (inWord && c is '\'' or '’' or '-');
        }
        return words;
    }

    /// <summary>Four or more short lines of three to nine words, and none of prose length: a song or poem set out (a list of items is shorter).</summary>
    private static bool VerseShaped(string text)
    {
        if (text.AsSpan().Count('\n') < VerseLines - 1) return false; // too few lines to be verse, whatever their words
        var lines = 0;
        var from = 0;
        while (from <= text.Length)
        {
            var to = text.IndexOf('\n', from);
            if (to < 0) to = text.Length;
            var words = CountWords(text.AsSpan(from, to - from));
            if (words > VerseLineWords + 3) return false;
            if (words is >= 3 and <= VerseLineWords) lines++;
            from = to + 1;
        }
        return lines >= VerseLines;
    }

    private bool HasCue(TextAnalysis words)
    {
        for (var k = 0; k < words.Count; k++)
        {
            foreach (var cue in _cues)
            {
                if (k + cue.Length > words.Count || !words.Folded(k).SequenceEqual(cue[0])) continue;
                var match = true;
                for (var w = 1; w < cue.Length && match; w++) match = words.Folded(k + w).SequenceEqual(cue[w]);
                if (match) return true;
            }
        }
        return false;
    }
}
