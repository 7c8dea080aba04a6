using SchoolTwitter.Core.Lexicons;

namespace SchoolTwitter.Core.Text;

/// <summary>A lexicon term found in some text; Start/Length index the original text.</summary>
public sealed record LanguageMatch(string Term, string Category, int Start, int Length);

/// <summary>
/// Finds offensive language (profanity, slurs, sexual terms, insults aimed at people) in any text — a draft, a follower's
/// name or bio, a mention — robust to asterisks, leetspeak, spacing, zero-width and homoglyph tricks, without the Scunthorpe problem.
/// </summary>
public sealed class OffensiveLanguage
{
    // SKELETON: the language implementation fills this in.
    public OffensiveLanguage(LexiconSet lexicons) { _ = lexicons; }

    public IReadOnlyList<LanguageMatch> Find(string text) => [];
}
