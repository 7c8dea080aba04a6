namespace SchoolTwitter.Core.Text;

/// <summary>Folds the disguises people use to slip words past a filter: case, zero-width characters, homoglyphs from other scripts, diacritics.</summary>
public static class TextFolding
{
    // SKELETON: the language implementation fills this in.
    public static string Fold(string text) => text.ToLowerInvariant();
}
