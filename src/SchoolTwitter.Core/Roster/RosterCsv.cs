using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Core.Roster;

/// <summary>Reads the MIS export <c>Id,FirstName,LastName,PhotoConsent</c>; malformed rows are reported by line number and nothing is returned.</summary>
public static class RosterCsv
{
    // SKELETON: the CLI implementation fills this in.
    public static InputResult<PupilRoster> Parse(string csv) => throw new NotImplementedException();
}
