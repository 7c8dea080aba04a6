using SchoolTwitter.Core.CodeOfConduct.Rules;
using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Core.Roster;
using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.CodeOfConduct;

/// <summary>
/// A draft with everything rules share, computed once per check: the twitter-text entities
/// (URLs, hashtags, mentions) and the word analysis (normalised tokens, evasion folded).
/// </summary>
public sealed class DraftContext
{
    public DraftContext(Draft draft, PupilRoster roster)
        : this(draft, roster, StaffList.Empty)
    {
    }

    public DraftContext(Draft draft, PupilRoster roster, StaffList staff)
    {
        Draft = draft;
        Roster = roster;
        Staff = staff;
        Entities = TwitterText.ExtractEntities(draft.Text);
        WeightedLength = TwitterText.WeightedLength(draft.Text, Entities);
        Words = TextAnalysis.Analyse(draft.Text, Entities);
    }

    public Draft Draft { get; }
    public string Text => Draft.Text;
    public PupilRoster Roster { get; }

    /// <summary>The school's staff and governors: their names in a draft are adults'.</summary>
    public StaffList Staff { get; }
    public IReadOnlyList<TextEntity> Entities { get; }
    public int WeightedLength { get; }
    public TextAnalysis Words { get; }

    private RosterNames? _rosterNames;

    /// <summary>The roster's names folded for lookup, found once per draft for the rules that read them.</summary>
    internal RosterNames RosterNames => _rosterNames ??= LanguageRuleSupport.NamesOf(Roster);

    [ThreadStatic] private static List<NameMention>? t_found;
    private ChildNames? _namesReader;
    private NameMention[]? _names;

    /// <summary>The names the draft's words give children, as <paramref name="reader"/> reads them: read once, as two rules ask.</summary>
    internal NameMention[] NameMentions(ChildNames reader)
    {
        if (_names is not null && ReferenceEquals(_namesReader, reader)) return _names;
        var found = t_found ??= [];
        found.Clear();
        reader.Find(Words, this, found);
        _namesReader = reader;
        return _names = found.Count == 0 ? [] : [.. found];
    }
}
