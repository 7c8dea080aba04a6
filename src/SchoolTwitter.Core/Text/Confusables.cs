namespace SchoolTwitter.Core.Text;

/// <summary>
/// Unicode's confusable characters (Lexicons/Data/confusables.tsv, derived from UTS #39 and the confusables package): what
/// Latin letter or digit each one looks like. Parsed once into arrays (the BMP indexed directly, the few astral characters
/// searched), so a lookup is an array read and start-up compiles no generic dictionary.
/// </summary>
internal static class Confusables
{
    private const string Resource = "SchoolTwitter.Lexicons.confusables.tsv";

    private static readonly char[] BmpLetters = new char[65536];
    private static readonly char[] BmpSymbols = new char[65536];
    private static readonly int[] AstralLetterCodes;
    private static readonly char[] AstralLetters;
    private static readonly int[] AstralSymbolCodes;
    private static readonly char[] AstralSymbols;

    static Confusables()
    {
        var letterCodes = new List<int>();
        var letters = new List<char>();
        var symbolCodes = new List<int>();
        var symbols = new List<char>();
        var text = Lexicons.EmbeddedText.Read(typeof(Confusables).Assembly, Resource);
        // Plain index arithmetic: the span helpers' first calls cost more start-up time than the whole file.
        for (var at = 0; at < text.Length;)
        {
            var end = text.IndexOf('\n', at);
            if (end < 0) end = text.Length;
            if (end > at && text[at] != '#')
            {
                var codePoint = 0;
                var k = at;
                for (; text[k] != '\t'; k++) codePoint = codePoint * 16 + (text[k] <= '9' ? text[k] - '0' : (text[k] | 0x20) - 'a' + 10);
                var target = text[k + 1];
                var isLetter = text[k + 3] == 'l'; // "letter" or "symbol"
                if (codePoint < 65536)
                {
                    (isLetter ? BmpLetters : BmpSymbols)[codePoint] = target;
                }
                else
                {
                    // The file is in code point order, so the astral lists come sorted for the binary search.
                    var codes = isLetter ? letterCodes : symbolCodes;
                    if (codes.Count > 0 && codes[^1] >= codePoint) throw new InvalidDataException($"{Resource} is not in code point order at {codePoint:X}.");
                    codes.Add(codePoint);
                    (isLetter ? letters : symbols).Add(target);
                }
            }
            at = end + 1;
        }
        AstralLetterCodes = [.. letterCodes];
        AstralLetters = [.. letters];
        AstralSymbolCodes = [.. symbolCodes];
        AstralSymbols = [.. symbols];
    }

    /// <summary>The Latin letter (a-z) a letter of any script or a styled Latin letter looks like, else <see cref="TextFolding.Removed"/>.</summary>
    public static char Letter(int codePoint) => codePoint < 65536 ? BmpLetters[codePoint] : Find(AstralLetterCodes, AstralLetters, codePoint);

    /// <summary>The Latin letter or digit a digit, symbol or punctuation mark looks like (¢, €, ©, ①, ∂), else <see cref="TextFolding.Removed"/>.</summary>
    public static char Symbol(int codePoint) => codePoint < 65536 ? BmpSymbols[codePoint] : Find(AstralSymbolCodes, AstralSymbols, codePoint);

    /// <summary>Every BMP letter the data reads as Latin, with that letter (for <see cref="TextFolding"/>'s table).</summary>
    public static IEnumerable<(int CodePoint, char Letter)> BmpLetterPairs()
    {
        for (var i = 0x80; i < BmpLetters.Length; i++)
        {
            if (BmpLetters[i] != TextFolding.Removed) yield return (i, BmpLetters[i]);
        }
    }

    private static char Find(int[] codes, char[] values, int codePoint)
    {
        var at = Array.BinarySearch(codes, codePoint);
        return at >= 0 ? values[at] : TextFolding.Removed;
    }
}
