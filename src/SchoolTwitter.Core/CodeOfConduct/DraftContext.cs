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
    {
        Draft = draft;
        Roster = roster;
        Entities = TwitterText.ExtractEntities(draft.Text);
        WeightedLength = TwitterText.WeightedLength(draft.Text, Entities);
        Words = TextAnalysis.Analyse(draft.Text, Entities);
    }

    public Draft Draft { get; }
    public string Text => Draft.Text;
    public PupilRoster Roster { get; }
    public IReadOnlyList<TextEntity> Entities { get; }
    public int WeightedLength { get; }
    public TextAnalysis Words { get; }
}
