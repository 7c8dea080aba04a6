namespace SchoolTwitter.Core.Text;

/// <summary>Answers whether a folded word is an ordinary word (the British word list).</summary>
internal delegate bool WordTest(ReadOnlySpan<char> folded);

/// <summary>
/// Step of the offensive matcher: the stems a word may be built on, so a term's derived forms are found without listing
/// them: plurals ("sluts", "bitches", "titties"), -er, -ing, -in, -ed, -y ("shitter", "shitting", "fuckin", "raped", "shitty"),
/// "-z" for -s ("niggaz") and compounds ("shithead", "dickface", "fucktard", "cocksucker").
/// </summary>
/// <remarks>
/// English spelling decides which stems a form can have, which keeps innocent words apart: "spaced" is "space" + d, not
/// "spac" + ed (a short word ending consonant-vowel-consonant doubles its last letter: "spaccing"), "spices" is "spice" + s
/// (only s, x, z, ch and sh take -es), "spicy" is "spice" + y.
/// </remarks>
internal static class WordEndings
{
    /// <summary>The most stems one word yields (the buffer passed to <see cref="Stems"/> holds this many).</summary>
    public const int MaxStems = 8;

    // Longest first within each group. Compounds glue a word after the stem; inflections change it.
    private static readonly string[] Compounds =
    [
        "suckers", "sucker", "sucking", "lickers", "licker", "licking", "munchers", "muncher", "munching", "munch",
        "heads", "head", "faces", "face", "holes", "hole", "bags", "bag", "wipes", "wipe", "wits", "wit", "wads", "wad",
        "tards", "tard", "stains", "stain", "bucket", "burgers", "burger",
    ];

    private static readonly string[] Inflections = ["iest", "ings", "ier", "ies", "ing", "ers", "in", "er", "ed", "es", "ey", "s", "y", "z"];

    // Most words end in no ending at all: look only at the endings that share the word's last letter.
    private static readonly string[][] CompoundsByLastLetter = ByLastLetter(Compounds);
    private static readonly string[][] InflectionsByLastLetter = ByLastLetter(Inflections);

    private static string[][] ByLastLetter(string[] endings) =>
        [.. Enumerable.Range(0, 26).Select(k => endings.Where(e => e[^1] == 'a' + k).ToArray())];

    /// <summary>
    /// Writes the stems of <paramref name="word"/> into <paramref name="buffer"/> (which must hold <see cref="MaxStems"/> times
    /// the word's length plus one) and their places into <paramref name="stems"/>; returns how many. The first
    /// <paramref name="compounds"/> are stems of compounds ("dick" in "dickhead"), the rest of inflections ("cock" in "cocked").
    /// <paramref name="isWord"/> tells a real stem from an invented one ("space" is a word, so "spaced" is not built on "spac").
    /// </summary>
    public static int Stems(ReadOnlySpan<char> word, Span<char> buffer, Span<Range> stems, WordTest isWord, out int compounds, bool compoundsOnly = false)
    {
        var count = 0;
        var used = 0;
        compounds = 0;
        var last = word.Length > 0 ? word[^1] - 'a' : -1;
        if (last is < 0 or >= 26) return 0;
        foreach (var compound in CompoundsByLastLetter[last])
        {
            if (word.Length - compound.Length >= 3 && word.EndsWith(compound, StringComparison.Ordinal))
            {
                Add(word[..^compound.Length], default, buffer, stems, ref count, ref used);
            }
        }
        compounds = count;
        if (compoundsOnly) return count;
        foreach (var ending in InflectionsByLastLetter[last])
        {
            if (word.Length - ending.Length < 3 || !word.EndsWith(ending, StringComparison.Ordinal)) continue;
            var stem = word[..^ending.Length];
            switch (ending)
            {
                case "s" or "z":
                    if (stem[^1] != 's' || ending == "z") Add(stem, default, buffer, stems, ref count, ref used);
                    break;
                case "es":
                    if (stem[^1] is 's' or 'x' or 'z' || stem.EndsWith("ch") || stem.EndsWith("sh")) Add(stem, default, buffer, stems, ref count, ref used);
                    break;
                case "ies" or "ier" or "iest":
                    Add(stem, "y", buffer, stems, ref count, ref used);
                    break;
                default:
                    VowelEnding(stem, buffer, stems, ref count, ref used, isWord);
                    break;
            }
        }
        return count;
    }

    /// <summary>Stems before an ending that starts with a vowel: as written, with its doubled last letter undone, with the e it dropped.</summary>
    private static void VowelEnding(ReadOnlySpan<char> stem, Span<char> buffer, Span<Range> stems, ref int count, ref int used, WordTest isWord)
    {
        if (stem.Length >= 4 && stem[^1] == stem[^2] && !IsVowel(stem[^1]) && !isWord(stem))
        {
            Add(stem[..^1], default, buffer, stems, ref count, ref used); // "shitting" → "shit", but "assessed" is "assess" + ed
        }
        Span<char> withE = stackalloc char[stem.Length + 1];
        stem.CopyTo(withE);
        withE[^1] = 'e';
        if (!(DoublesLastLetter(stem) && isWord(withE))) Add(stem, default, buffer, stems, ref count, ref used); // not "spac" from "spaced"
        if (stem[^1] != 'e') Add(stem, "e", buffer, stems, ref count, ref used); // "raped" → "rape"
    }

    /// <summary>True when <paramref name="word"/> is <paramref name="stem"/> plus a vowel ending without the doubled letter English wants ("titer", "shiting").</summary>
    public static bool SkipsDoubling(ReadOnlySpan<char> word, ReadOnlySpan<char> stem) =>
        stem.Length < word.Length && word.StartsWith(stem) && DoublesLastLetter(stem) && IsVowel(word[stem.Length]);

    /// <summary>"shit", "fag", "spac": one vowel before one final consonant in a short word, which doubles before -ing, -er, -ed.</summary>
    private static bool DoublesLastLetter(ReadOnlySpan<char> w) =>
        w.Length is >= 3 and <= 5 && !IsVowel(w[^1]) && w[^1] is not ('w' or 'x' or 'y') && IsVowel(w[^2]) && !IsVowel(w[^3]);

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static void Add(ReadOnlySpan<char> stem, ReadOnlySpan<char> suffix, Span<char> buffer, Span<Range> stems, ref int count, ref int used)
    {
        if (count == stems.Length || used + stem.Length + suffix.Length > buffer.Length) return;
        stem.CopyTo(buffer[used..]);
        suffix.CopyTo(buffer[(used + stem.Length)..]);
        stems[count++] = new Range(used, used + stem.Length + suffix.Length);
        used += stem.Length + suffix.Length;
    }
}
