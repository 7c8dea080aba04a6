using System.Text;

namespace SchoolTwitter.Core.Text;

/// <summary>Folds the disguises people use to slip words past a filter: case, zero-width characters, homoglyphs from other scripts, diacritics.</summary>
/// <remarks>
/// Every UTF-16 unit maps to at most one folded character (or none, for invisible ones), through a table built once,
/// so folding a draft costs one array lookup per character and keeps the folded text position-aligned with the original.
/// Look-alike letters come from Unicode's confusables data (<see cref="Confusables"/>) for the scripts people borrow to
/// disguise Latin words (Greek, Cyrillic, IPA, styled and full-width Latin); every rule sees those folded. The
/// offensive matcher folds the rest of the data too (<see cref="ConfusableFolding"/>), so an Urdu or Hebrew word here stays itself.
/// </remarks>
public static class TextFolding
{
    /// <summary>Marks a character that folding drops (zero-width, joiners, soft hyphen, combining accents, variation selectors).</summary>
    public const char Removed = '\0';

    private static readonly char[] Map = BuildMap();

    /// <summary>Lower-cased text with invisible characters removed, look-alike letters (Cyrillic, Greek, full-width, circled) made Latin and accents stripped.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        return new string(buffer[..Fold(text, buffer)]);
    }

    /// <summary>As <see cref="Fold(string)"/>, into <paramref name="destination"/> (at least as long as the text); returns the folded length.</summary>
    public static int Fold(ReadOnlySpan<char> text, Span<char> destination)
    {
        if (destination.Length < text.Length) throw new ArgumentException("The destination is shorter than the text.", nameof(destination));
        var buffer = destination;
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var folded = FoldCodePoint(char.ConvertToUtf32(c, text[i + 1]));
                if (folded != Removed)
                {
                    buffer[length++] = folded;
                    i++;
                    continue;
                }
                buffer[length++] = c;
                buffer[length++] = text[++i];
                continue;
            }
            var f = Map[c];
            if (f != Removed) buffer[length++] = f;
        }
        return length;
    }

    /// <summary>The folded form of one UTF-16 unit, or <see cref="Removed"/> when it is invisible.</summary>
    public static char FoldChar(char c) => Map[c];

    /// <summary>True for characters that render as nothing (zero-width space/joiners, soft hyphen, BOM, combining marks, variation selectors).</summary>
    public static bool IsInvisible(char c) => Map[c] == Removed;

    /// <summary>A letter or digit from outside the BMP that looks like a Latin letter or digit (mathematical bold/italic/script letters), else <see cref="Removed"/>.</summary>
    public static char FoldCodePoint(int codePoint)
    {
        if (IsDisguiseScript(codePoint) && Confusables.Letter(codePoint) is var letter && letter != Removed) return letter;
        if (codePoint is >= 0x1D400 and < 0x1D6A4)
        {
            var k = (codePoint - 0x1D400) % 52;
            return (char)('a' + (k < 26 ? k : k - 26));
        }
        if (codePoint is >= 0x1D7CE and <= 0x1D7FF)
        {
            return (char)('0' + (codePoint - 0x1D7CE) % 10);
        }
        if (codePoint is >= 0x1F130 and <= 0x1F149) return (char)('a' + codePoint - 0x1F130); // squared letters
        if (codePoint is >= 0x1F150 and <= 0x1F169) return (char)('a' + codePoint - 0x1F150); // negative circled letters
        if (codePoint is >= 0x1F170 and <= 0x1F189) return (char)('a' + codePoint - 0x1F170); // negative squared letters
        return Removed;
    }

    /// <summary>The letter a leetspeak character stands for (4 and @ for a, 3 for e, 1 and ! for i, 0 for o, 5 and $ for s, 7 and + for t), else <see cref="Removed"/>.</summary>
    public static char LeetLetter(char c) => c switch
    {
        '4' or '@' => 'a',
        '3' => 'e',
        '1' or '!' or '|' => 'i',
        '0' => 'o',
        '5' or '$' => 's',
        '7' or '+' => 't',
        '8' => 'b',
        '9' => 'g',
        _ => Removed,
    };

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // runs once, at start-up
    private static char[] BuildMap()
    {
        var map = new char[65536];
        for (var i = 0; i < map.Length; i++)
        {
            var c = (char)i;
            map[i] = char.IsSurrogate(c) ? c : char.ToLowerInvariant(c);
        }

        // Look-alike letters from Unicode's confusables data, in the scripts borrowed for disguise; the lists below override.
        foreach (var (codePoint, letter) in Confusables.BmpLetterPairs())
        {
            if (IsDisguiseScript(codePoint)) map[codePoint] = letter;
        }

        // Accents: decompose Latin letters once and keep the base letter (é -> e, ł stays as its own letter unless listed below).
        foreach (var (from, to) in new[] { (0x00C0, 0x024F), (0x1E00, 0x1EFF) })
        {
            for (var i = from; i <= to; i++)
            {
                var decomposed = ((char)i).ToString().Normalize(NormalizationForm.FormD);
                var basic = char.ToLowerInvariant(decomposed[0]);
                if (basic is >= 'a' and <= 'z') map[i] = basic;
            }
        }
        Set(map, "ßs łl Łl øo Øo đd Đd ħh ıi æa Æa œo Œo ſs ƒf ʋv ɑa");

        // Look-alike letters from Cyrillic and Greek, upper case first (by their capital shapes), then lower case.
        Set(map, "Аa Вb Еe Ѐe Ёe Кk Мm Нh Оo Рp Сc Тt Уy Хx Ѕs Іi Їi Јj Ԁd Һh Ԛq Ԝw Ӏl Үy");
        Set(map, "аa вb еe ѐe ёe кk мm нh оo рp сc тt уy хx ѕs іi їi јj ԁd һh ԛq ԝw ӏl ьb үy ɡg ɑa ɩi");
        Set(map, "Αa Βb Εe Ζz Ηh Ιi Κk Μm Νn Οo Ρp Τt Υy Χx Ϲc");
        Set(map, "αa βb εe ηn ιi κk νv οo ρp τt υu χx ωw γy μu ϲc");

        // Full-width forms (ｌｏｌ), circled letters (ⓛⓞⓛ), small capitals (ʟᴏʟ).
        for (var i = 0xFF01; i <= 0xFF5E; i++) map[i] = char.ToLowerInvariant((char)(i - 0xFEE0));
        for (var i = 0x24B6; i <= 0x24CF; i++) map[i] = (char)('a' + i - 0x24B6);
        for (var i = 0x24D0; i <= 0x24E9; i++) map[i] = (char)('a' + i - 0x24D0);
        Set(map, "ᴀa ʙb ᴄc ᴅd ᴇe ꜰf ɢg ʜh ɪi ᴊj ᴋk ʟl ᴍm ɴn ᴏo ᴘp ʀr ꜱs ᴛt ᴜu ᴠv ᴡw ʏy ᴢz");

        // Apostrophes and dashes written many ways.
        Set(map, "’' ‘' ʼ' `' ´' ′' ‛' ‐- ‑- ‒- –- —- ―- −-");

        // Characters that render as nothing: removed, so "l\u200Bo\u200Bl" folds to "lol".
        foreach (var c in "\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B\u180C\u180D\u180E\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u206A\u206B\u206C\u206D\u206E\u206F\u3164\uFEFF\uFFA0")
        {
            map[c] = Removed;
        }
        for (var i = 0x0300; i <= 0x036F; i++) map[i] = Removed; // combining accents
        for (var i = 0x1AB0; i <= 0x1AFF; i++) map[i] = Removed;
        for (var i = 0x1DC0; i <= 0x1DFF; i++) map[i] = Removed;
        for (var i = 0x20D0; i <= 0x20FF; i++) map[i] = Removed;
        for (var i = 0xFE00; i <= 0xFE0F; i++) map[i] = Removed; // variation selectors
        for (var i = 0xFE20; i <= 0xFE2F; i++) map[i] = Removed;
        map[0] = Removed;
        return map;
    }

    /// <summary>Latin extensions, IPA, Greek, Cyrillic, letter-like symbols, full-width and mathematical letters (not Cherokee: the offensive matcher alone reads it).</summary>
    private static bool IsDisguiseScript(int c) =>
        c is (>= 0x00A0 and <= 0x052F) or (>= 0x1D00 and <= 0x1DBF) or (>= 0x1E00 and <= 0x1FFF)
            or (>= 0x2100 and <= 0x214F) or (>= 0x2C60 and <= 0x2C7F) or (>= 0xA720 and <= 0xA7FF) or (>= 0xAB30 and <= 0xAB6F)
            or (>= 0xFF00 and <= 0xFFEF) or (>= 0x1D400 and <= 0x1D7FF);

    private static void Set(char[] map, string pairs)
    {
        foreach (var pair in pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            map[pair[0]] = pair[1];
        }
    }
}
