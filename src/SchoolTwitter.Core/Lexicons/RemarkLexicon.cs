using System.Runtime.CompilerServices;
using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.Lexicons;

/// <summary>What a word can be in a remark aimed at people (the roles of the remarks-*.txt lists).</summary>
[Flags]
internal enum RemarkRole : ulong
{
    None = 0,
    // remarks-targets.txt
    Title = 1UL << 0,
    OrgSuffix = 1UL << 1,
    Org = 1UL << 2,
    Person = 1UL << 3,
    NotTarget = 1UL << 4,
    // remarks-accusations.txt (kind in the entry's Detail)
    AccusationVerb = 1UL << 5,
    AccusationNoun = 1UL << 6,
    AccusationAdjective = 1UL << 7,
    Passive = 1UL << 8,
    // remarks-groups.txt (characteristic in Detail)
    GroupNoun = 1UL << 9,
    GroupNominal = 1UL << 10,
    GroupAdjective = 1UL << 11,
    PeopleWord = 1UL << 12,
    // remarks-frames.txt
    Copula = 1UL << 13,
    Negation = 1UL << 14,
    Modifier = 1UL << 15,
    Generic = 1UL << 16,
    Specific = 1UL << 17,
    Descriptor = 1UL << 18,
    Comparative = 1UL << 19,
    Aptitude = 1UL << 20,
    Negated = 1UL << 21,
    Ability = 1UL << 22,
    Idiom = 1UL << 23,
    Restriction = 1UL << 24,
    Habit = 1UL << 25,
    Belonging = 1UL << 26,
    Hostile = 1UL << 27,
    Hate = 1UL << 28,
    Stereotype = 1UL << 29,
    Speaker = 1UL << 36,
    Desire = 1UL << 37,
    Gaze = 1UL << 38,
    // remarks-appearance.txt
    Sexualised = 1UL << 30,
    Strong = 1UL << 31,
    Soft = 1UL << 32,
    Body = 1UL << 33,
    Admiring = 1UL << 34,
    Context = 1UL << 35,
}

/// <summary>
/// One line of a remarks list: its folded words, role, detail (kind of accusation or protected characteristic), whether it only
/// warns, and the words after it that excuse it ("stole the show") or that it needs ("fiddled the books").
/// </summary>
internal sealed record RemarkEntry(
    string[] Words,
    RemarkRole Role,
    string Detail,
    bool WarnOnly,
    bool Adult,
    bool Bare,
    bool CapitalisedOnly,
    HashSet<string>? NotBefore,
    HashSet<string>? OnlyBefore,
    bool OnlyBeforeEnd,
    HashSet<string>? AfterGroup = null);

/// <summary>
/// The remarks lists (remarks-targets, -accusations, -groups, -frames, -appearance) as lookups: one per word giving every role
/// its one-word entries have, and the entries (one- and many-word) by first word. Built once per <see cref="LexiconSet"/>.
/// </summary>
internal sealed class RemarkLexicon
{
    public const string TargetsList = "remarks-targets";
    public const string AccusationsList = "remarks-accusations";
    public const string GroupsList = "remarks-groups";
    public const string FramesList = "remarks-frames";
    public const string AppearanceList = "remarks-appearance";

    private static readonly ConditionalWeakTable<LexiconSet, RemarkLexicon> Cache = new();

    // A switch, not a dictionary: a dictionary of this ulong enum is compiled at start-up, a switch comes precompiled.
    private static RemarkRole RoleNamed(string name) => name.ToLowerInvariant() switch
    {
        "title" => RemarkRole.Title, "org suffix" => RemarkRole.OrgSuffix, "org" => RemarkRole.Org,
        "person" => RemarkRole.Person, "not target" => RemarkRole.NotTarget,
        "verb" => RemarkRole.AccusationVerb, "noun" => RemarkRole.AccusationNoun, "adjective" => RemarkRole.AccusationAdjective,
        "passive" => RemarkRole.Passive,
        "copula" => RemarkRole.Copula, "negation" => RemarkRole.Negation, "modifier" => RemarkRole.Modifier,
        "generic" => RemarkRole.Generic, "specific" => RemarkRole.Specific, "descriptor" => RemarkRole.Descriptor,
        "comparative" => RemarkRole.Comparative, "aptitude" => RemarkRole.Aptitude, "negated" => RemarkRole.Negated,
        "ability" => RemarkRole.Ability, "idiom" => RemarkRole.Idiom, "restriction" => RemarkRole.Restriction,
        "habit" => RemarkRole.Habit, "belonging" => RemarkRole.Belonging, "hostile" => RemarkRole.Hostile,
        "hate" => RemarkRole.Hate, "stereotype" => RemarkRole.Stereotype, "speaker" => RemarkRole.Speaker, "desire" => RemarkRole.Desire, "gaze" => RemarkRole.Gaze,
        "sexualised" => RemarkRole.Sexualised, "strong" => RemarkRole.Strong, "soft" => RemarkRole.Soft,
        "body" => RemarkRole.Body, "admiring" => RemarkRole.Admiring, "context" => RemarkRole.Context,
        _ => RemarkRole.None,
    };

    private static readonly RemarkRole GroupForms = RemarkRole.GroupNoun | RemarkRole.GroupNominal | RemarkRole.GroupAdjective | RemarkRole.PeopleWord;

    private readonly WordMap<WordRoles> _roles;
    private readonly Dictionary<string, RemarkEntry[]>.AlternateLookup<ReadOnlySpan<char>> _entries;

    private RemarkLexicon(LexiconSet lists)
    {
        var roles = new Dictionary<string, WordRoles>(StringComparer.Ordinal);
        var entries = new Dictionary<string, List<RemarkEntry>>(StringComparer.Ordinal);
        foreach (var list in (string[])[TargetsList, AccusationsList, GroupsList, FramesList, AppearanceList])
        {
            foreach (var line in lists.Entries(list))
            {
                var entry = Parse(line, list == GroupsList);
                if (entry is null) continue;
                if (!entries.TryGetValue(entry.Words[0], out var forWord)) entries[entry.Words[0]] = forWord = [];
                forWord.Add(entry);
                if (!roles.TryGetValue(entry.Words[0], out var forRoles)) roles[entry.Words[0]] = forRoles = new WordRoles();
                if (entry.Words.Length == 1) forRoles.Word |= entry.Role;
                else forRoles.Phrase |= entry.Role;
            }
        }
        _roles = new WordMap<WordRoles>(roles);
        // Longest first, so a phrase wins over its first word ("cooked the books" over "cooked").
        _entries = entries.ToDictionary(e => e.Key, e => e.Value.OrderByDescending(x => x.Words.Length).ToArray(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The lexicon for <paramref name="lists"/>, built on first use and shared by the three remark rules.</summary>
    public static RemarkLexicon For(LexiconSet lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        return Cache.GetValue(lists, static l => new RemarkLexicon(l));
    }

    /// <summary>Every role the one-word entries for <paramref name="folded"/> have.</summary>
    public RemarkRole Roles(ReadOnlySpan<char> folded) => _roles.Find(folded)?.Word ?? RemarkRole.None;

    /// <summary>The roles of the one-word entries for a word and of the many-word entries it starts (filled while loading).</summary>
    private sealed class WordRoles
    {
        public RemarkRole Word;
        public RemarkRole Phrase;
    }

    /// <summary>The roles of one-word entries (<c>Word</c>) and of many-word entries starting with <paramref name="folded"/> (<c>Phrase</c>).</summary>
    public (RemarkRole Word, RemarkRole Phrase) AllRoles(ReadOnlySpan<char> folded) =>
        _roles.Find(folded) is { } r ? (r.Word, r.Phrase) : default;

    /// <summary>The entries whose first word is <paramref name="folded"/>, longest first.</summary>
    public RemarkEntry[]? EntriesStartingWith(ReadOnlySpan<char> folded) => _entries.TryGetValue(folded, out var e) ? e : null;

    private static RemarkEntry? Parse(string line, bool groups)
    {
        var parts = line.Split('|', StringSplitOptions.TrimEntries);
        if (parts.Length < 2 || parts[0].Length == 0) return null;
        var words = TextFolding.Fold(parts[0]).Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return null;
        RemarkRole role;
        var detail = "";
        var optionsFrom = 2;
        if (groups)
        {
            // words | characteristic | form
            if (parts.Length < 3) return null;
            detail = parts[1];
            role = parts[2].ToLowerInvariant() switch
            {
                "noun" => RemarkRole.GroupNoun,
                "nominal" => RemarkRole.GroupNominal,
                "adjective" => RemarkRole.GroupAdjective,
                "people" => RemarkRole.PeopleWord,
                _ => RemarkRole.None,
            };
            optionsFrom = 3;
        }
        else
        {
            // words | role: one role ("org suffix"), several ("copula negation"), or a kind and a role ("crime verb")
            var name = parts[1];
            role = RoleNamed(name);
            if (role == RemarkRole.None)
            {
                foreach (var word in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (RoleNamed(word) is var r && r != RemarkRole.None) role |= r;
                    else detail = detail.Length == 0 ? word : detail + " " + word;
                }
            }
            if ((role & GroupForms) != 0) role = RemarkRole.None;
        }
        if (role == RemarkRole.None) return null;

        bool warn = false, adult = false, bare = false, capitalised = false, beforeEnd = false;
        HashSet<string>? notBefore = null, onlyBefore = null, afterGroup = null;
        foreach (var option in parts.Skip(optionsFrom))
        {
            var colon = option.IndexOf(':');
            if (colon < 0)
            {
                switch (option.ToLowerInvariant())
                {
                    case "warn": warn = true; break;
                    case "adult": adult = true; break;
                    case "bare": bare = true; break;
                    case "capitalised": capitalised = true; break;
                }
                continue;
            }
            var values = option[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var v in values)
            {
                if (v is "." or "!" or "?") beforeEnd = true;
                else set.Add(TextFolding.Fold(v));
            }
            if (option.StartsWith("not before", StringComparison.OrdinalIgnoreCase)) notBefore = set;
            else if (option.StartsWith("only before", StringComparison.OrdinalIgnoreCase)) onlyBefore = set;
            else if (option.StartsWith("after group", StringComparison.OrdinalIgnoreCase)) afterGroup = set;
        }
        if (beforeEnd) onlyBefore ??= new HashSet<string>(StringComparer.Ordinal);
        return new RemarkEntry(words, role, detail, warn, adult, bare, capitalised, notBefore, onlyBefore, beforeEnd, afterGroup);
    }
}
