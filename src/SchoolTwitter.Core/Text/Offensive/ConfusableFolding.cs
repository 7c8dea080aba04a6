namespace SchoolTwitter.Core.Text;

/// <summary>
/// Step 1 of the offensive matcher: <see cref="TextFolding"/> (case, accents, invisible characters, look-alike letters of the
/// scripts borrowed for disguise), then every other letter Unicode's confusables data reads as Latin (Lisu ꓮ, Arabic ا,
/// Hebrew ס...). Only the matcher folds those: another rule reading an Urdu word keeps it Urdu. For the few characters where
/// TextFolding's reading and the data's differ (ß: s or b; Greek Ι: i or l; ſ: s or f), <c>preferData</c> asks for the
/// data's, so the matcher can try both. Symbols the data reads as letters (¢, Ⅰ, ①) are passed on as written, for
/// <see cref="Leetspeak"/>. Tables for the BMP are built once, so folding costs array reads.
/// </summary>
internal static class ConfusableFolding
{
    private static readonly char[] Primary = new char[65536];
    private static readonly char[] Data = new char[65536];

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // runs once, at start-up
    static ConfusableFolding()
    {
        for (var i = 0; i < Primary.Length; i++)
        {
            var c = (char)i;
            var folded = TextFolding.FoldChar(c);
            if (Confusables.Symbols.ContainsKey(i)) folded = c; // left as written for Leetspeak: "Ⅰ" looks like l, its lower case "ⅰ" like i
            else if (folded >= 0x80 && Confusables.Letters.TryGetValue(folded == c ? i : c, out var letter)) folded = letter;
            Primary[i] = folded;
            Data[i] = i >= 0x80 && Confusables.Letters.TryGetValue(i, out var data) ? data : folded;
        }
    }

    /// <summary>The folded character at <paramref name="i"/> (one or two UTF-16 units, in <paramref name="units"/>); <see cref="TextFolding.Removed"/> for an invisible one.</summary>
    public static char FoldAt(ReadOnlySpan<char> text, int i, out int units, bool preferData = false)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            units = 2;
            var codePoint = char.ConvertToUtf32(c, text[i + 1]);
            var f = TextFolding.FoldCodePoint(codePoint);
            if (f != TextFolding.Removed && !preferData) return f;
            // A symbol outside the BMP has no one-unit form to pass on: it is read as what it looks like here ("b𐌠owjob").
            return Confusables.Letters.TryGetValue(codePoint, out var letter) ? letter : Confusables.Symbols.TryGetValue(codePoint, out var symbol) ? symbol : f;
        }
        units = 1;
        return preferData ? Data[c] : Primary[c];
    }

    /// <summary>True when the data reads the character at <paramref name="i"/> as another letter than TextFolding does.</summary>
    public static bool HasOtherReading(ReadOnlySpan<char> text, int i) => Primary[text[i]] != Data[text[i]];
}
