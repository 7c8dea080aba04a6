using System.Text;
using SchoolTwitter.Core.Text.TwitterTextImpl;

namespace SchoolTwitter.Core.Text;

/// <summary>
/// twitter-text (config v3): entity extraction and weighted length, as X counts them. A scanner port of twitter-text's
/// rules (Apache-2.0; see Text/TwitterText/LICENSE-twitter-text.txt), checked against its conformance suite.
/// </summary>
public static class TwitterText
{
    /// <summary>The longest weighted length X accepts.</summary>
    public const int MaxWeightedLength = 280;

    /// <summary>URLs, hashtags, mentions (and lists) and cashtags, in text order, overlaps resolved as twitter-text does.</summary>
    public static IReadOnlyList<TextEntity> ExtractEntities(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }
        var urls = new List<TextEntity>();
        UrlScanner.Extract(text, urls);
        // Most drafts have no link, hashtag, mention or cashtag: they share one empty answer.
        if (urls.Count == 0 && text.AsSpan().IndexOfAny(TagStarts) < 0) return EntityList.None;
        var entities = new List<TextEntity>(urls);
        TagScanners.ExtractHashtags(text, entities);
        AddMentions(text, entities);
        TagScanners.ExtractCashtags(text, entities);
        RemoveOverlapping(entities);
        return new EntityList(entities, urls);
    }

    /// <summary>Hashtags only, without those inside URLs (twitter-text's extractHashtagsWithIndices).</summary>
    public static IReadOnlyList<TextEntity> ExtractHashtags(string text) => ExtractWithoutUrls(text, TagScanners.ExtractHashtags);

    /// <summary>URLs only (twitter-text's extractURLsWithIndices).</summary>
    public static IReadOnlyList<TextEntity> ExtractUrls(string text)
    {
        var urls = new List<TextEntity>();
        UrlScanner.Extract(text, urls);
        return urls;
    }

    /// <summary>Mentions and lists (twitter-text's extractMentionsOrListsWithIndices); Value is the screen name.</summary>
    public static IReadOnlyList<TextEntity> ExtractMentions(string text)
    {
        var entities = new List<TextEntity>();
        AddMentions(text, entities);
        return entities;
    }

    /// <summary>Cashtags only (twitter-text's extractCashtagsWithIndices).</summary>
    public static IReadOnlyList<TextEntity> ExtractCashtags(string text)
    {
        var entities = new List<TextEntity>();
        TagScanners.ExtractCashtags(text, entities);
        return entities;
    }

    /// <summary>The weighted length (config v3), reusing the URLs already extracted when the text needs no normalising.</summary>
    public static int WeightedLength(string text, IReadOnlyList<TextEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!NfcQuickCheck.IsNfc(text))
        {
            return Parse(text, TwitterTextConfig.V3).WeightedLength;
        }
        IReadOnlyList<TextEntity> urls = entities is EntityList list ? list.Urls : entities.Where(e => e.Kind == TextEntityKind.Url).ToList();
        return Parse(text, text, urls, TwitterTextConfig.V3).WeightedLength;
    }

    public static int WeightedLength(string text) => Parse(text, TwitterTextConfig.V3).WeightedLength;

    /// <summary>twitter-text's parseTweet: weighted length, validity and the display and valid ranges.</summary>
    internal static TweetParseResult Parse(string text, TwitterTextConfig config)
    {
        var normalized = NfcQuickCheck.IsNfc(text) ? text : text.Normalize(NormalizationForm.FormC);
        var urls = new List<TextEntity>();
        UrlScanner.Extract(normalized, urls);
        return Parse(text, normalized, urls, config);
    }

    private static TweetParseResult Parse(string original, string text, IReadOnlyList<TextEntity> urls, TwitterTextConfig config)
    {
        if (text.Length == 0)
        {
            return new TweetParseResult(0, false, 0, 0, 0, 0, 0);
        }
        var scale = config.Scale;
        var maxScaled = config.MaxWeightedTweetLength * scale;
        var weighted = 0;
        var valid = true;
        var validDisplayIndex = 0;
        var lastFitting = -1;
        var nextUrl = 0;
        for (var i = 0; i < text.Length; i++)
        {
            while (nextUrl < urls.Count && urls[nextUrl].Start < i) nextUrl++;
            int emojiLength;
            var c = text[i];
            if (nextUrl < urls.Count && urls[nextUrl].Start == i)
            {
                weighted += config.TransformedUrlLength * scale;
                i += urls[nextUrl].Length - 1;
            }
            else if (c < 0x80 && !(char.IsAsciiDigit(c) || c is '#' or '*'))
            {
                weighted += config.WeightOf(c); // ASCII other than a keycap's first character is one code point and no emoji
            }
            else if (config.EmojiParsingEnabled && (emojiLength = EmojiScanner.SequenceLength(text, i)) > 0)
            {
                weighted += config.DefaultWeight;
                i += emojiLength - 1;
            }
            else
            {
                var codePoint = CharClasses.CodePointAt(text, i, out var count);
                i += count - 1;
                weighted += config.WeightOf(codePoint);
            }
            if (valid)
            {
                valid = !CharClasses.IsInvalidTweetChar(text[i]);
            }
            if (weighted <= maxScaled)
            {
                lastFitting = i;
                if (valid) validDisplayIndex = i;
            }
        }
        var length = weighted / scale;
        valid = valid && length > 0 && length <= config.MaxWeightedTweetLength;
        var offset = original.Length - text.Length;
        return new TweetParseResult(length, valid, length * 1000 / config.MaxWeightedTweetLength,
            0, original.Length - 1, 0, validDisplayIndex + offset, lastFitting < 0 ? -1 : lastFitting + offset);
    }

    private static void AddMentions(string text, List<TextEntity> into)
    {
        var mentions = new List<MentionMatch>();
        TagScanners.ExtractMentionsOrLists(text, mentions);
        foreach (var m in mentions)
        {
            into.Add(new TextEntity(TextEntityKind.Mention, m.Start, m.End - m.Start, m.ScreenName));
        }
    }

    private static IReadOnlyList<TextEntity> ExtractWithoutUrls(string text, Action<string, List<TextEntity>> extract)
    {
        var found = new List<TextEntity>();
        extract(text, found);
        if (found.Count == 0)
        {
            return found;
        }
        var urls = ExtractUrls(text);
        if (urls.Count == 0)
        {
            return found;
        }
        var all = new List<TextEntity>(urls);
        all.AddRange(found);
        RemoveOverlapping(all);
        all.RemoveAll(e => e.Kind == TextEntityKind.Url);
        return all;
    }

    /// <summary>Sort by start (stably) and drop any entity that starts inside the one before it.</summary>
    private static void RemoveOverlapping(List<TextEntity> entities)
    {
        // Insertion sort: stable, allocation-free, and the lists are short and mostly sorted already.
        for (var i = 1; i < entities.Count; i++)
        {
            var entity = entities[i];
            var j = i - 1;
            while (j >= 0 && entities[j].Start > entity.Start)
            {
                entities[j + 1] = entities[j];
                j--;
            }
            entities[j + 1] = entity;
        }
        var kept = 0;
        for (var i = 0; i < entities.Count; i++)
        {
            if (kept == 0 || entities[kept - 1].End <= entities[i].Start)
            {
                entities[kept++] = entities[i];
            }
        }
        entities.RemoveRange(kept, entities.Count - kept);
    }

    /// <summary>What a hashtag, mention or cashtag starts with.</summary>
    private static readonly System.Buffers.SearchValues<char> TagStarts = System.Buffers.SearchValues.Create("#＃@＠$");

    /// <summary>The extracted entities, carrying every URL found so the weighted length counts URLs exactly as twitter-text does.</summary>
    private sealed class EntityList(List<TextEntity> entities, List<TextEntity> urls) : IReadOnlyList<TextEntity>
    {
        public static readonly EntityList None = new([], []);

        public IReadOnlyList<TextEntity> Urls { get; } = urls;
        public TextEntity this[int index] => entities[index];
        public int Count => entities.Count;
        public IEnumerator<TextEntity> GetEnumerator() => entities.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
