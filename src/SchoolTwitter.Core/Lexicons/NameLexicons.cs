namespace SchoolTwitter.Core.Lexicons;

/// <summary>
/// The words around a name that say whose it is (name-context.txt, one <see cref="PhraseSet"/> per kind) and the well-known
/// people, characters and titles (well-known-names.txt), built once per <see cref="LexiconSet"/>.
/// </summary>
internal sealed class NameLexicons
{
    public NameLexicons(LexiconSet lists)
    {
        var kinds = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lists.Entries(LexiconSet.NameContextList))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var kind = line[..colon].Trim();
            if (!kinds.TryGetValue(kind, out var entries)) kinds[kind] = entries = [];
            entries.AddRange(line[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }
        PhraseSet Kind(string name) => new(kinds.GetValueOrDefault(name) ?? []);

        Openers = Kind("opener");
        Thanks = Kind("thanks");
        Fillers = Kind("filler");
        Titles = Kind("title");
        Roles = Kind("role");
        PostNominals = Kind("postnominal");
        After = Kind("after");
        Before = Kind("before");
        Pets = Kind("pet");
        Places = Kind("place");
        Motion = Kind("motion");
        DateLeaders = Kind("date");
        ModalFollowers = Kind("modal");
        Verbs = Kind("verb");
        Be = Kind("be");
        PersonWords = Kind("person");
        Praise = Kind("praise");
        ObjectLeaders = Kind("object");
        FamousLeaders = Kind("famous");
        StoryLeaders = Kind("story");
        Calendar = Kind("calendar");
        Next = Kind("next");
        Vocative = Kind("vocative");
        WellKnown = new PhraseSet(lists.Entries(LexiconSet.WellKnownNamesList));
    }

    public PhraseSet Openers { get; }
    public PhraseSet Thanks { get; }
    public PhraseSet Fillers { get; }
    public PhraseSet Titles { get; }
    public PhraseSet Roles { get; }
    public PhraseSet PostNominals { get; }
    public PhraseSet After { get; }
    public PhraseSet Before { get; }
    public PhraseSet Pets { get; }
    public PhraseSet Places { get; }
    public PhraseSet Motion { get; }
    public PhraseSet DateLeaders { get; }
    public PhraseSet ModalFollowers { get; }
    public PhraseSet Verbs { get; }
    public PhraseSet Be { get; }
    public PhraseSet PersonWords { get; }
    public PhraseSet Praise { get; }
    public PhraseSet ObjectLeaders { get; }
    public PhraseSet FamousLeaders { get; }
    public PhraseSet StoryLeaders { get; }
    public PhraseSet Calendar { get; }
    public PhraseSet Next { get; }
    public PhraseSet Vocative { get; }
    public PhraseSet WellKnown { get; }
}
