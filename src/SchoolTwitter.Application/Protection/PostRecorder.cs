using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.CodeOfConduct.Rules;
using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Core.Lexicons;
using SchoolTwitter.Core.Roster;

namespace SchoolTwitter.Application.Protection;

/// <summary>
/// Writes a published draft's <see cref="PostRecord"/>: the pupils its pictures declared, and the roster pupils the checker reads
/// as named in its text or alt text (with the roster as it is at publishing).
/// </summary>
public sealed class PostRecorder(IPostRecordStore records, IPupilRosterStore rosters, LexiconSet lexicons)
{
    private readonly PupilNameRule _names = new(lexicons);

    public async Task RecordAsync(DraftRecord draft, string tweetId, DateTimeOffset postedAt, CancellationToken ct)
    {
        var roster = await rosters.GetAsync(ct);
        var mentions = NamedPupils(draft, roster);
        await records.PutAsync(new PostRecord(
            tweetId,
            draft.Id,
            postedAt,
            [.. draft.Images.SelectMany(i => i.PupilsPictured).Distinct(StringComparer.OrdinalIgnoreCase)],
            [.. mentions.Select(m => m.Pupil.Id).Distinct(StringComparer.OrdinalIgnoreCase)],
            [.. mentions.Select(m => m.Written).Distinct(StringComparer.OrdinalIgnoreCase)]), ct);
    }

    /// <summary>The roster pupils a draft names (its image bytes are not needed: names are read from text and alt text).</summary>
    public IReadOnlyList<PupilMention> NamedPupils(DraftRecord draft, PupilRoster roster) =>
        NamedPupils(draft.ToDraft([.. draft.Images.Select(_ => ReadOnlyMemory<byte>.Empty)]), roster);

    public IReadOnlyList<PupilMention> NamedPupils(Draft draft, PupilRoster roster) =>
        _names.NamedPupils(new DraftContext(draft, roster));
}
