namespace SchoolTwitter.Application.Drafts;

/// <summary>The school's staff and governors, whose names in a draft are adults' (stored beside the roster); replaced whole, never merged.</summary>
public interface IStaffListStore
{
    /// <summary>The current list, or <see cref="Core.Roster.StaffList.Empty"/> when none was ever uploaded.</summary>
    Task<Core.Roster.StaffList> GetAsync(CancellationToken ct);

    /// <summary>Replaces the list in one step: readers see the old list or the new one, never a mixture.</summary>
    Task ReplaceAsync(Core.Roster.StaffList staff, CancellationToken ct);
}
