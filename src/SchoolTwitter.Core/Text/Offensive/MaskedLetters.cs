namespace SchoolTwitter.Core.Text;

/// <summary>
/// Step of the offensive matcher: symbols standing for letters the writer hid ("f*ck", "f**k", "sh#t", "f-ck", "b*st*rds").
/// A mask stands for one letter; the first letter must show, and so must at least two letters unless the word is long enough
/// to be read from its first letter ("f***").
/// </summary>
internal static class MaskedLetters
{
    public const char Wild = '*';

    /// <summary>Characters that hide one letter inside a word: * anywhere, and # % ? - _ . between letters.</summary>
    public static bool IsMask(char c) => c is '*' or '#' or '%' or '?' or '-' or '_' or '.';

    /// <summary>True when <paramref name="pattern"/> (folded letters and <see cref="Wild"/>) can be read as a hidden word at all.</summary>
    public static bool IsReadable(ReadOnlySpan<char> pattern)
    {
        if (pattern.Length < 3 || pattern[0] == Wild) return false;
        var shown = 0;
        foreach (var c in pattern)
        {
            if (c != Wild) shown++;
        }
        return shown < pattern.Length && (shown >= 2 || pattern.Length >= 4);
    }

    /// <summary>True when <paramref name="pattern"/> spells <paramref name="term"/> with some letters hidden (the same length, every shown letter in place).</summary>
    public static bool Fits(ReadOnlySpan<char> pattern, ReadOnlySpan<char> term)
    {
        if (pattern.Length != term.Length) return false;
        for (var k = 0; k < term.Length; k++)
        {
            if (pattern[k] != Wild && pattern[k] != term[k]) return false;
        }
        return true;
    }

    /// <summary>
    /// "f#ck", "sh-t", "f--k": a word with one run of the same mask symbol between letters, written with <see cref="Wild"/> in
    /// its place; 0 when the chunk is not that shape. Only one run, so "e.g.", "co-op" and "bbc.co.uk" are no patterns to try.
    /// </summary>
    public static int AsPattern(ReadOnlySpan<char> chunk, Span<char> output)
    {
        var runStart = -1;
        var runEnd = -1;
        for (var k = 0; k < chunk.Length; k++)
        {
            var c = chunk[k];
            if (char.IsLetter(c)) continue;
            if (!IsMask(c)) return 0;
            if (runStart < 0) { runStart = k; runEnd = k + 1; continue; }
            if (k != runEnd || c != chunk[runStart]) return 0;
            runEnd = k + 1;
        }
        if (runStart <= 0 || runEnd >= chunk.Length || runEnd - runStart > 2) return 0;
        chunk.CopyTo(output);
        output[runStart..runEnd].Fill(Wild);
        return chunk.Length;
    }
}
