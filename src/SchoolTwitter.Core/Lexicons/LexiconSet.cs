namespace SchoolTwitter.Core.Lexicons;

/// <summary>
/// Every word list the code of conduct uses (text language, offensive terms, acronyms, glossary, given names, British spellings,
/// follower keywords), loaded once from the embedded data files (Lexicons/Data/NAME.txt), extended by same-named files in a school's directory.
/// </summary>
public sealed class LexiconSet
{
    // SKELETON: the language implementation fills this in.
    public static LexiconSet Load(string? extensionDirectory = null) => new();

    /// <summary>The entries of list <paramref name="listName"/> (file name without .txt): built-in lines plus the school's, comments and blanks removed.</summary>
    public IReadOnlyList<string> Entries(string listName) => [];
}
