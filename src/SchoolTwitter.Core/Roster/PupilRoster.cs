namespace SchoolTwitter.Core.Roster;

/// <summary>The school's pupils, looked up by id and by name (case-insensitive).</summary>
public sealed class PupilRoster
{
    private readonly Dictionary<string, Pupil> _byId;
    private readonly HashSet<string> _firstNames;
    private readonly HashSet<string> _lastNames;

    public PupilRoster(IEnumerable<Pupil> pupils)
    {
        Pupils = pupils.ToList();
        _byId = new Dictionary<string, Pupil>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in Pupils) _byId[p.Id] = p;
        _firstNames = new HashSet<string>(Pupils.Select(p => p.FirstName), StringComparer.OrdinalIgnoreCase);
        _lastNames = new HashSet<string>(Pupils.Select(p => p.LastName), StringComparer.OrdinalIgnoreCase);
    }

    public static PupilRoster Empty { get; } = new([]);

    public IReadOnlyList<Pupil> Pupils { get; }

    public Pupil? Find(string id) => _byId.GetValueOrDefault(id);

    public bool IsFirstName(string word) => _firstNames.Contains(word);

    public bool IsLastName(string word) => _lastNames.Contains(word);
}
