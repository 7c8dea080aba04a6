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
            findings.Add(new Finding(Id, Severity.Block,
                $"The hashtag “{written}” is in the middle of the tweet. Hashtags go only at the end: write the words " +
                $"plainly (“{hashtag.Value}”) and, if you want the hashtag, add it after the last sentence.",
                hashtag.Start, hashtag.Length, hashtag.Value));
        }
    }

    /// <summary>The end of the last letter or digit outside links, hashtags, mentions and emoji.</summary>
    private static int LastWordEnd(string text, IReadOnlyList<TextEntity> entities)
    {
        var lastWordEnd = 0;
        var next = 0;
        for (var i = 0; i < text.Length;)
        {
            while (next < entities.Count && entities[next].End <= i) next++;
            if (next < entities.Count && entities[next].Start <= i)
            {
                i = entities[next++].End;
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
