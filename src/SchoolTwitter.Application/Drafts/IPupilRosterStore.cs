namespace SchoolTwitter.Application.Drafts;

/// <summary>The school's pupil roster (table <c>Pupils</c>); replaced whole, never merged.</summary>
public interface IPupilRosterStore
{
    Task<Core.Roster.PupilRoster> GetAsync(CancellationToken ct);

    /// <summary>Replaces the roster in one step: readers see the old roster or the new one, never a mixture.</summary>
    Task ReplaceAsync(Core.Roster.PupilRoster roster, CancellationToken ct);
}
