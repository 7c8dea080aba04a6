namespace SchoolTwitter.Core.Text;

/// <summary>
/// Step 1 of the offensive matcher: <see cref="TextFolding"/> (case, accents, invisible characters, look-alike letters of the
/// scripts borrowed for disguise), then every other letter Unicode's confusables data reads as Latin (Lisu ꓮ, Arabic ا,
/// Hebrew ס...). Only the matcher folds those: another rule reading an Urdu word keeps it Urdu. For the few characters where
/// TextFolding's reading and the data's differ (ß: s or b; Greek Ι: i or l; ſ: s or f), <c>preferData</c> asks for the
/// data's, so the matcher can try both. Symbols the data reads as letters (¢, Ⅰ, ①) are passed on as written, for
/// <see cref="Leetspeak"/>. ASCII costs one array read; other characters a dictionary read or two.
/// </summary>
internal static class ConfusableFolding
{
    /// <summary>The folded character at <paramref name="i"/> (one or two UTF-16 units, in <paramref name="units"/>); <see cref="TextFolding.Removed"/> for an invisible one.</summary>
    public static char FoldAt(ReadOnlySpan<char> text, int i, out int units, bool preferData = false)
    {
        var c = text[i];
        units = 1;
        if (c < 0x80) return TextFolding.FoldChar(c); // ASCII: the data has nothing to add
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            units = 2;
            var codePoint = char.ConvertToUtf32(c, text[i + 1]);
            var f = TextFolding.FoldCodePoint(codePoint);
            if (f != TextFolding.Removed && !preferData) return f;
            // A symbol outside the BMP has no one-unit form to pass on: it is read as what it looks like here ("b𐌠owjob").
            var letter = Confusables.Letter(codePoint);
            if (letter != TextFolding.Removed) return letter;
            var symbol = Confusables.Symbol(codePoint);
            return symbol != TextFolding.Removed ? symbol : f;
        }
        return preferData ? Data(c) : Primary(c);
    }

    /// <summary>True when the data reads the character at <paramref name="i"/> as another letter than TextFolding does.</summary>
    public static bool HasOtherReading(ReadOnlySpan<char> text, int i) => text[i] >= 0x80 && Primary(text[i]) != Data(text[i]);

    private static char Primary(char c)
    {
        if (Confusables.Symbol(c) != TextFolding.Removed) return c; // left as written for Leetspeak: "Ⅰ" looks like l, its lower case "ⅰ" like i
        var folded = TextFolding.FoldChar(c);
        var letter = Confusables.Letter(c);
        return folded >= 0x80 && letter != TextFolding.Removed ? letter : folded;
    }

    private static char Data(char c) => Confusables.Letter(c) is var data && data != TextFolding.Removed ? data : Primary(c);
}
