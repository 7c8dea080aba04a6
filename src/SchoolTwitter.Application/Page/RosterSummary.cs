using SchoolTwitter.Application.Drafts;

namespace SchoolTwitter.Application.Page;

/// <summary>Counts only: the page never shows a pupil's name.</summary>
public sealed record RosterCounts(int Pupils, int WithPhotoConsent, int WithoutPhotoConsent);

/// <summary>How many pupils the stored roster holds, with and without photo consent, and how many adults the staff list.</summary>
public sealed class RosterSummary(IPupilRosterStore roster, IStaffListStore staff)
{
    public async Task<RosterCounts> GetAsync(CancellationToken ct) => Count(await roster.GetAsync(ct));

    /// <summary>The staff and governors on the stored list (0 before the first upload).</summary>
    public async Task<int> AdultsAsync(CancellationToken ct) => (await staff.GetAsync(ct)).Members.Count;

    public static RosterCounts Count(Core.Roster.PupilRoster roster)
    {
        var consent = roster.Pupils.Count(p => p.PhotoConsent);
        return new RosterCounts(roster.Pupils.Count, consent, roster.Pupils.Count - consent);
    }
}
