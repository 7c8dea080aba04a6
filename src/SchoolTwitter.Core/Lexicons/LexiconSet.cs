namespace SchoolTwitter.Core.Lexicons;

/// <summary>
/// Every word list the code of conduct uses (text language, offensive terms, acronyms, glossary, given names, British spellings),
/// loaded once from the embedded data files, extended by same-named files in a school's directory.
/// </summary>
public sealed class LexiconSet
{
    // SKELETON: the language implementation fills this in.
    public static LexiconSet Load(string? extensionDirectory = null) => new();
}
