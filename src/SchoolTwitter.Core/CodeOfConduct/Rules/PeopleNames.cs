using System.Runtime.CompilerServices;
using SchoolTwitter.Core.Roster;
using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.CodeOfConduct.Rules;

/// <summary>
/// Folded name lookups for the name rules beyond <see cref="RosterNames"/>: roster pupils by surname, and the school's staff
/// and governors by first name, surname and full name. Built once per roster or staff list instance.
/// </summary>
internal sealed class PeopleNames
{
    private static readonly ConditionalWeakTable<PupilRoster, PeopleNames> ByRoster = new();
    private static readonly ConditionalWeakTable<StaffList, PeopleNames> ByStaff = new();
    private static readonly PeopleNames None = new([], []);

    private readonly Lexicons.WordMap<Pupil[]> _pupilsBySurname;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _firstNames;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lastNames;
    private readonly Dictionary<string, string[][]>.AlternateLookup<ReadOnlySpan<char>> _fullNames;

    private PeopleNames(IEnumerable<Pupil> pupils, IEnumerable<StaffMember> staff)
    {
        var bySurname = new Dictionary<string, List<Pupil>>(StringComparer.Ordinal);
        foreach (var pupil in pupils)
        {
            foreach (var part in Parts(pupil.LastName))
            {
                if (!bySurname.TryGetValue(part, out var list)) bySurname[part] = list = [];
                list.Add(pupil);
            }
        }
        _pupilsBySurname = new Lexicons.WordMap<Pupil[]>(bySurname.Select(p => KeyValuePair.Create(p.Key, p.Value.ToArray())));

        var first = new HashSet<string>(StringComparer.Ordinal);
        var last = new HashSet<string>(StringComparer.Ordinal);
        var full = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (var member in staff)
        {
            var firstParts = Parts(member.FirstName);
            var lastParts = Parts(member.LastName);
            first.UnionWith(firstParts);
            last.UnionWith(lastParts);
            if (firstParts.Length == 0 || lastParts.Length == 0) continue;
            string[] whole = [.. firstParts, .. lastParts];
            if (!full.TryGetValue(whole[0], out var names)) full[whole[0]] = names = [];
            names.Add(whole);
        }
        _firstNames = first.GetAlternateLookup<ReadOnlySpan<char>>();
        _lastNames = last.GetAlternateLookup<ReadOnlySpan<char>>();
        _fullNames = full.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static PeopleNames Of(PupilRoster roster) =>
        roster.Pupils.Count == 0 ? None : ByRoster.GetValue(roster, static r => new PeopleNames(r.Pupils, []));

    public static PeopleNames Of(StaffList staff) =>
        staff.Members.Count == 0 ? None : ByStaff.GetValue(staff, static s => new PeopleNames([], s.Members));

    /// <summary>The roster pupils with this surname (or part of a double-barrelled one), or null.</summary>
    public Pupil[]? PupilsWithSurname(ReadOnlySpan<char> folded) =>
        _pupilsBySurname.Find(folded);

    public bool IsStaffFirstName(ReadOnlySpan<char> folded) => _firstNames.Contains(folded);

    public bool IsStaffSurname(ReadOnlySpan<char> folded) => _lastNames.Contains(folded);

    /// <summary>True when words <paramref name="first"/>..<paramref name="last"/> are exactly a staff member's first and last names.</summary>
    public bool IsStaffFullName(TextAnalysis words, int first, int last)
    {
        if (!_fullNames.TryGetValue(words.Folded(first), out var candidates)) return false;
        foreach (var name in candidates)
        {
            if (name.Length != last - first + 1) continue;
            var ok = true;
            for (var k = 1; k < name.Length && ok; k++) ok = LanguageRuleSupport.WithoutPossessive(words.Folded(first + k)).SequenceEqual(name[k]);
            if (ok) return true;
        }
        return false;
    }

    private static string[] Parts(string name) =>
        string.IsNullOrWhiteSpace(name) ? [] : TextFolding.Fold(name.Trim()).Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
}
