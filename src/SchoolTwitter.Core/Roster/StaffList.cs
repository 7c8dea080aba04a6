namespace SchoolTwitter.Core.Roster;

/// <summary>The school's staff and governors, whose names in a draft are adults' (see <see cref="StaffCsv"/>).</summary>
public sealed class StaffList(IEnumerable<StaffMember> members)
{
    public static StaffList Empty { get; } = new([]);

    public IReadOnlyList<StaffMember> Members { get; } = members.ToList();
}
