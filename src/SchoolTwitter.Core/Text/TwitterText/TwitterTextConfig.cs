namespace SchoolTwitter.Core.Text.TwitterTextImpl;

/// <summary>A twitter-text weighting configuration (v1, config/v2.json, v3.json).</summary>
internal sealed record TwitterTextConfig(int MaxWeightedTweetLength, int Scale, int DefaultWeight, bool EmojiParsingEnabled,
    int TransformedUrlLength, (int Start, int End, int Weight)[] Ranges)
{
    private static readonly (int, int, int)[] WeightedRanges = [(0, 4351, 100), (8192, 8205, 100), (8208, 8223, 100), (8242, 8247, 100)];

    /// <summary>The original 140-character count: every code point weighs 1.</summary>
    public static TwitterTextConfig V1 { get; } = new(140, 1, 1, false, 23, []);

    public static TwitterTextConfig V2 { get; } = new(280, 100, 200, false, 23, WeightedRanges);

    /// <summary>What X uses today: v2's weights, with each emoji sequence counted once at the default weight.</summary>
    public static TwitterTextConfig V3 { get; } = new(280, 100, 200, true, 23, WeightedRanges);

    public int WeightOf(int codePoint)
    {
        foreach (var (start, end, weight) in Ranges)
        {
            if (codePoint >= start && codePoint <= end) return weight;
        }
        return DefaultWeight;
    }
}

/// <summary>
/// twitter-text's parseTweet result. Ranges are inclusive UTF-16 indices into the original text. LastFittingIndex (not
/// part of twitter-text) is the last index within the weighted limit whatever the validity of the characters, or -1.
/// </summary>
internal readonly record struct TweetParseResult(int WeightedLength, bool Valid, int Permillage,
    int DisplayRangeStart, int DisplayRangeEnd, int ValidRangeStart, int ValidRangeEnd, int LastFittingIndex = -1);
