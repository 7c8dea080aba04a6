namespace SchoolTwitter.Core.Text;

/// <summary>twitter-text (config v3): entity extraction and weighted length, as X counts them.</summary>
public static class TwitterText
{
    // SKELETON: replaced by the twitter-text implementation (conformance suite in tests).
    public static IReadOnlyList<TextEntity> ExtractEntities(string text) => [];

    public static int WeightedLength(string text, IReadOnlyList<TextEntity> entities) => text.Length;

    public static int WeightedLength(string text) => WeightedLength(text, ExtractEntities(text));
}
