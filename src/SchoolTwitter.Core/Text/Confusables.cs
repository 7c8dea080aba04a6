using System.Globalization;

namespace SchoolTwitter.Core.Text;

/// <summary>
/// Unicode's confusable characters (Lexicons/Data/confusables.tsv, derived from UTS #39 and the confusables package): what
/// Latin letter or digit each one looks like. Parsed once; lookups are array or dictionary reads.
/// </summary>
internal static class Confusables
{
    private const string Resource = "SchoolTwitter.Lexicons.confusables.tsv";

    private static readonly (Dictionary<int, char> Letters, Dictionary<int, char> Symbols) Data = Load();

    /// <summary>Letters of any script (and styled Latin letters) that look like a Latin letter: code point → a-z.</summary>
    public static IReadOnlyDictionary<int, char> Letters => Data.Letters;

    /// <summary>Digits, symbols and punctuation that look like a Latin letter or digit (¢, €, ©, ①, ∂): code point → a-z or 0-9.</summary>
    public static IReadOnlyDictionary<int, char> Symbols => Data.Symbols;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // runs once, at start-up
    private static (Dictionary<int, char>, Dictionary<int, char>) Load()
    {
        var letters = new Dictionary<int, char>();
        var symbols = new Dictionary<int, char>();
        using var stream = typeof(Confusables).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Embedded data {Resource} is missing.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var tab1 = line.IndexOf('\t');
            var tab2 = line.IndexOf('\t', tab1 + 1);
            var tab3 = line.IndexOf('\t', tab2 + 1);
            var codePoint = int.Parse(line.AsSpan(0, tab1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var target = line[tab1 + 1];
            var kind = line.AsSpan(tab2 + 1, (tab3 < 0 ? line.Length : tab3) - tab2 - 1);
            (kind.SequenceEqual("letter") ? letters : symbols)[codePoint] = target;
        }
        return (letters, symbols);
    }
}
