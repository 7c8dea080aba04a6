namespace SchoolTwitter.Core.Text;

/// <summary>The words of a draft outside URLs, mentions and hashtags, with evasion (case, zero-width, homoglyphs, leetspeak, spacing) folded.</summary>
public sealed class TextAnalysis
{
    // SKELETON: replaced by the language implementation.
    public static TextAnalysis Analyse(string text, IReadOnlyList<TextEntity> entities) => new();
}
