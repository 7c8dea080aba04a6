namespace SchoolTwitter.Core.Text;

/// <summary>
/// Step 1 of the offensive matcher: <see cref="TextFolding"/> (case, accents, invisible characters, look-alike letters of the
/// scripts borrowed for disguise), then every other letter Unicode's confusables data reads as Latin (Lisu ꓮ, Arabic ا,
/// Hebrew ס...). Only the matcher folds those: another rule reading an Urdu word keeps it Urdu.
/// </summary>
internal static class ConfusableFolding
{
    /// <summary>The folded character at <paramref name="i"/> (one or two UTF-16 units, in <paramref name="units"/>); <see cref="TextFolding.Removed"/> for an invisible one.</summary>
    public static char FoldAt(ReadOnlySpan<char> text, int i, out int units)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            units = 2;
            var codePoint = char.ConvertToUtf32(c, text[i + 1]);
            var f = TextFolding.FoldCodePoint(codePoint);
            return f != TextFolding.Removed ? f : Confusables.Letters.TryGetValue(codePoint, out var letter) ? letter : TextFolding.Removed;
        }
        units = 1;
        var folded = TextFolding.FoldChar(c);
        return folded >= 0x80 && Confusables.Letters.TryGetValue(c, out var other) ? other : folded;
    }
}
