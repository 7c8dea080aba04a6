using System.Globalization;
using System.Text;
using SchoolTwitter.Core.Text;
using SchoolTwitter.Core.Text.TwitterTextImpl;

namespace SchoolTwitter.Core.CodeOfConduct.Rules;

/// <summary>
/// Hashtags belong only at the end: any hashtag followed later by words is blocked. Links, mentions, emoji and
/// punctuation after the trailing hashtags do not count as words.
/// </summary>
public sealed class HashtagPositionRule : IRule
{
    public string Id => RuleIds.HashtagPosition;

    public void Check(DraftContext draft, List<Finding> findings)
    {
        var entities = draft.Entities;
        var firstHashtag = -1;
        for (var e = 0; e < entities.Count; e++)
        {
            if (entities[e].Kind == TextEntityKind.Hashtag) { firstHashtag = e; break; }
        }
        if (firstHashtag < 0)
        {
            return;
        }
        var lastWordEnd = LastWordEnd(draft.Text, entities);
        for (var e = firstHashtag; e < entities.Count; e++)
        {
            var hashtag = entities[e];
            if (hashtag.Kind != TextEntityKind.Hashtag || hashtag.Start >= lastWordEnd)
            {
                continue;
            }
            var written = draft.Text.Substring(hashtag.Start, hashtag.Length);
            var plain = PlainWords(hashtag.Value);
            findings.Add(new Finding(Id, Severity.Block,
                $"The hashtag “{written}” is in the middle of the tweet. Hashtags go only at the end: write the words " +
                $"plainly (“{plain}”) and, if you want the hashtag, add it after the last sentence.",
                hashtag.Start, hashtag.Length, plain));
        }
    }

    /// <summary>A hashtag as plain words: "SportsDay" → "Sports Day", "Year6" → "Year 6", "sports_day" → "sports day", "KS2" stays.</summary>
    internal static string PlainWords(string tag)
    {
        var words = new StringBuilder(tag.Length + 4);
        for (var i = 0; i < tag.Length; i++)
        {
            var c = tag[i];
            if (c == '_')
            {
                if (words.Length > 0 && words[^1] != ' ') words.Append(' ');
                continue;
            }
            if (i > 0 && words.Length > 0 && words[^1] != ' ')
            {
                var previous = tag[i - 1];
                var lowerToUpper = char.IsLower(previous) && char.IsUpper(c);
                var acronymEnd = char.IsUpper(previous) && char.IsUpper(c) && i + 1 < tag.Length && char.IsLower(tag[i + 1]);
                // "Year6" → "Year 6" and "2025Fair" → "2025 Fair", but "KS2" and "6th" stay whole.
                var letterDigit = (char.IsLower(previous) && char.IsDigit(c)) || (char.IsDigit(previous) && char.IsUpper(c));
                if (lowerToUpper || acronymEnd || letterDigit) words.Append(' ');
            }
            words.Append(c);
        }
        return words.ToString().Trim();
    }

    /// <summary>The end of the last letter or digit outside links, hashtags, mentions and emoji.</summary>
    private static int LastWordEnd(string text, IReadOnlyList<TextEntity> entities)
    {
        var lastWordEnd = 0;
        var next = 0;
        var count = entities.Count;
        // Nothing to skip before the next entity starts: the list is asked only there.
        var nextStart = count > 0 ? entities[0].Start : int.MaxValue;
        for (var i = 0; i < text.Length;)
        {
            if (i >= nextStart)
            {
                while (next < count && entities[next].End <= i) next++;
                var skip = next < count && entities[next].Start <= i;
                if (skip) i = entities[next++].End;
                nextStart = next < count ? entities[next].Start : int.MaxValue;
                if (skip) continue;
            }
            // ASCII letters end words and other ASCII marks do not; only digits, # and * can start an emoji (a keycap).
            var c = text[i];
            if (c < 0x80 && !char.IsAsciiDigit(c) && c is not ('#' or '*'))
            {
                if (char.IsAsciiLetter(c)) lastWordEnd = i + 1;
                i++;
                continue;
            }
            var emoji = EmojiScanner.SequenceLength(text, i);
            if (emoji > 0)
            {
                i += emoji;
                continue;
            }
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed); // A lone surrogate decodes as U+FFFD.
            var category = Rune.GetUnicodeCategory(rune);
            if (category <= UnicodeCategory.OtherNumber && category is not UnicodeCategory.EnclosingMark)
            {
                lastWordEnd = i + consumed;
            }
            i += consumed;
        }
        return lastWordEnd;
    }
}
