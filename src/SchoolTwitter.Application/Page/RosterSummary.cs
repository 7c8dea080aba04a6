using SchoolTwitter.Application.Drafts;

namespace SchoolTwitter.Application.Page;

/// <summary>Counts only: the page never shows a pupil's name.</summary>
public sealed record RosterCounts(int Pupils, int WithPhotoConsent, int WithoutPhotoConsent);

/// <summary>How many pupils the stored roster holds, with and without photo consent.</summary>
public sealed class RosterSummary(IPupilRosterStore roster)
{
    public async Task<RosterCounts> GetAsync(CancellationToken ct) => Count(await roster.GetAsync(ct));

    public static RosterCounts Count(Core.Roster.PupilRoster roster)
    {
        var consent = roster.Pupils.Count(p => p.PhotoConsent);
        return new RosterCounts(roster.Pupils.Count, consent, roster.Pupils.Count - consent);
    }
}
