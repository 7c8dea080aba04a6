using SchoolTwitter.Core.Lexicons;
using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.Followers;

/// <summary>
/// The follower lists (Lexicons/Data/follower-*.txt, each extendable by the school like every lexicon), parsed once.
/// Entry syntax: <see cref="FollowerListEntry"/>. Which list raises which concern, and how strongly, is in docs/followers.md.
/// </summary>
public sealed class FollowerKeywords
{
    public const string AdultList = "follower-adult";
    public const string AdultEmojiList = "follower-adult-emoji";
    public const string SellingList = "follower-selling";
    public const string GamblingList = "follower-gambling";
    public const string CryptoList = "follower-crypto";
    public const string DrugsList = "follower-drugs";
    public const string HateCodesList = "follower-hate-codes";
    public const string AttacksList = "follower-attacks";
    public const string GroomingList = "follower-grooming";
    public const string ConspiracyList = "follower-conspiracy";
    public const string PoliticalList = "follower-political";
    public const string AgeRestrictedList = "follower-age-restricted";
    public const string CommercialList = "follower-commercial";
    public const string SpamList = "follower-spam";
    public const string EducationalList = "follower-educational";
    public const string KnownOrganisationsList = "follower-known-organisations";
    public const string SchoolWordsList = "follower-school-words";

    /// <summary>Innocent names and phrases that contain an offensive-looking word ("Dick Whittington", "Sex Education"): matches inside them are ignored.</summary>
    public const string InnocentNamesList = "follower-innocent-names";

    /// <summary>Surnames that are also words the offensive lexicon knows ("Dyke", "Coon"): innocent after a title or a given name.</summary>
    public const string SurnamesList = "follower-surnames";

    /// <summary>Words that end a place or pub name ("Hill", "Inn"): "Cock Hill" and "The Cock Inn" are places.</summary>
    public const string PlaceWordsList = "follower-place-words";

    /// <summary>Every list whose entries are terms with their own examples (tested one by one).</summary>
    public static IReadOnlyList<string> TermLists { get; } =
    [
        AdultList, AdultEmojiList, SellingList, GamblingList, CryptoList, DrugsList, HateCodesList, AttacksList, GroomingList,
        ConspiracyList, PoliticalList, AgeRestrictedList, CommercialList, SpamList, EducationalList, KnownOrganisationsList,
    ];

    private FollowerKeywords(LexiconSet lexicons)
    {
        IReadOnlyList<FollowerListEntry> Parse(string list) => FollowerListEntry.ParseAll(lexicons.Entries(list));
        Adult = new KeywordList(Parse(AdultList), matchRunTogether: true);
        AdultEmoji = Parse(AdultEmojiList);
        Selling = new KeywordList(Parse(SellingList), matchRunTogether: false);
        Gambling = new KeywordList(Parse(GamblingList), matchRunTogether: false);
        Crypto = new KeywordList(Parse(CryptoList), matchRunTogether: false);
        Drugs = Parse(DrugsList);
        HateCodes = new KeywordList(Parse(HateCodesList), matchRunTogether: false);
        Attacks = Parse(AttacksList);
        Grooming = Parse(GroomingList);
        Conspiracy = new KeywordList(Parse(ConspiracyList), matchRunTogether: false);
        Political = new KeywordList(Parse(PoliticalList), matchRunTogether: false);
        AgeRestricted = new KeywordList(Parse(AgeRestrictedList), matchRunTogether: false);
        Commercial = new KeywordList(Parse(CommercialList), matchRunTogether: false);
        Spam = new KeywordList(Parse(SpamList), matchRunTogether: false);
        Educational = new KeywordList(Parse(EducationalList), matchRunTogether: false, matchPlurals: true);
        KnownOrganisations = Parse(KnownOrganisationsList);
        SchoolWords = Parse(SchoolWordsList);
        InnocentNames = Trimmed(lexicons.Entries(InnocentNamesList));
        Surnames = Trimmed(lexicons.Entries(SurnamesList)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var places = FollowerListEntry.ParseAll(lexicons.Entries(PlaceWordsList));
        PlaceWords = places.Where(e => e.Kind is null).Select(e => e.Term).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Venues = new KeywordList(places.Where(e => e.IsKind("venue")), matchRunTogether: false);

        // Words the follower lists spell as one ("onlyfans", "fansly", "robux"), so a run-together handle splits around them too.
        var listWords = TermLists.SelectMany(l => lexicons.Entries(l)).Select(l => KeywordList.Normalise(FollowerListEntry.Parse(l).Term, leet: false))
            .Where(t => t.Length >= 4 && t.All(char.IsLetter)).ToHashSet(StringComparer.Ordinal);
        var language = lexicons.Language;
        IsKnownWord = w => language.IsDictionaryWord(w) || language.IsGivenName(w) || language.IsPlace(w) || language.IsGlossaryWord(w)
            || (w.Length >= 2 && language.IsAcronym(w)) || Surnames.Contains(w) || listWords.Contains(w);
        IsOrdinaryWord = w => language.IsLowerCaseWord(TextFolding.Fold(w));
        IsGivenName = w => language.IsGivenName(TextFolding.Fold(w));
    }

    /// <summary>A folded word the lexicons know (dictionary, given names, places, glossary, acronyms, these lists' own words).</summary>
    internal Func<string, bool> IsKnownWord { get; }

    /// <summary>An ordinary lower-case dictionary word ("cock" the bird, "dyke" the ditch).</summary>
    internal Func<string, bool> IsOrdinaryWord { get; }

    internal Func<string, bool> IsGivenName { get; }

    public static FollowerKeywords From(LexiconSet lexicons)
    {
        ArgumentNullException.ThrowIfNull(lexicons);
        return new FollowerKeywords(lexicons);
    }

    public KeywordList Adult { get; }
    public IReadOnlyList<FollowerListEntry> AdultEmoji { get; }
    public KeywordList Selling { get; }
    public KeywordList Gambling { get; }
    public KeywordList Crypto { get; }
    public IReadOnlyList<FollowerListEntry> Drugs { get; }
    public KeywordList HateCodes { get; }
    public IReadOnlyList<FollowerListEntry> Attacks { get; }
    public IReadOnlyList<FollowerListEntry> Grooming { get; }
    public KeywordList Conspiracy { get; }
    public KeywordList Political { get; }
    public KeywordList AgeRestricted { get; }
    public KeywordList Commercial { get; }
    public KeywordList Spam { get; }
    public KeywordList Educational { get; }
    public IReadOnlyList<FollowerListEntry> KnownOrganisations { get; }
    public IReadOnlyList<FollowerListEntry> SchoolWords { get; }
    public IReadOnlyList<string> InnocentNames { get; }
    public IReadOnlySet<string> Surnames { get; }
    public IReadOnlySet<string> PlaceWords { get; }

    /// <summary>Words that say an account is a pub (follower-place-words.txt, kind venue).</summary>
    public KeywordList Venues { get; }

    /// <summary>The words of <see cref="SchoolWords"/> of one kind (generic, official, relation, giveaway), folded.</summary>
    public IReadOnlySet<string> SchoolWordsOf(string kind) =>
        SchoolWords.Where(e => e.IsKind(kind)).Select(e => KeywordList.Normalise(e.Term, leet: false)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Entries of a component list (attacks, grooming, drugs) of one kind, as a list to match.</summary>
    public static KeywordList Kind(IEnumerable<FollowerListEntry> entries, string kind) =>
        new(entries.Where(e => e.IsKind(kind)), matchRunTogether: false);

    private static string[] Trimmed(IEnumerable<string> lines) =>
        lines.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => FollowerListEntry.Parse(n).Term).ToArray();
}
