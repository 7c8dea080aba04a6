using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.Lexicons;

/// <summary>
/// The grammar rule's data, built once per <see cref="LexiconSet"/>: fixed mistakes (grammar-fixed.txt), context word sets
/// (grammar-words.txt) and the irregular verbs whose past tense and participle differ (irregular-verbs.txt).
/// </summary>
internal sealed class GrammarLexicons
{
    private readonly WordMap<string> _fixed;
    private readonly WordMap<string> _participleOfPast;
    private readonly WordMap<string> _pastOfParticiple;

    public GrammarLexicons(LexiconSet lists)
    {
        var fixedMistakes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in lists.Entries(LexiconSet.GrammarFixedList))
        {
            var eq = entry.IndexOf('=');
            if (eq > 0) fixedMistakes[TextFolding.Fold(entry[..eq].Trim())] = entry[(eq + 1)..].Trim();
        }
        _fixed = new WordMap<string>(fixedMistakes);
        Words = new WordSets(lists, LexiconSet.GrammarWordsList);

        // "went" -> "gone" (after have); "gone" -> "went" (after a subject). A form that is also the base ("come", "run"),
        // or a participle too ("showed", "got"), is correct in both places and stays out.
        var participleOfPast = new Dictionary<string, string>(StringComparer.Ordinal);
        var pastOfParticiple = new Dictionary<string, string>(StringComparer.Ordinal);
        var homographs = Words["past-homographs"];
        foreach (var entry in lists.Entries(LexiconSet.IrregularVerbsList))
        {
            var parts = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3) continue;
            var pasts = parts[1].Split('|');
            var participles = parts[2].Split('|');
            foreach (var past in pasts)
            {
                if (past != parts[0] && !participles.Contains(past) && !homographs.Contains(past)) participleOfPast[past] = participles[0];
            }
            foreach (var participle in participles)
            {
                if (participle != parts[0] && !pasts.Contains(participle)) pastOfParticiple[participle] = pasts[0];
            }
        }
        _participleOfPast = new WordMap<string>(participleOfPast);
        _pastOfParticiple = new WordMap<string>(pastOfParticiple);
    }

    public WordSets Words { get; }

    /// <summary>The correction of a word that is always a mistake ("alot" -> "a lot", "mens" -> "men's").</summary>
    public string? FixedMistake(ReadOnlySpan<char> folded) => _fixed.Find(folded);

    /// <summary>The participle for a past tense that is never one ("went" -> "gone").</summary>
    public string? ParticipleOf(ReadOnlySpan<char> past) => _participleOfPast.Find(past);

    /// <summary>The past tense for a participle that is never one ("done" -> "did").</summary>
    public string? PastOf(ReadOnlySpan<char> participle) => _pastOfParticiple.Find(participle);
}
