namespace SchoolTwitter.Core.Roster;

/// <summary>An adult of the school (staff, governor, regular volunteer): <c>Title,FirstName,LastName,Role</c>. Their name in a draft is no pupil's.</summary>
public sealed record StaffMember(string Title, string FirstName, string LastName, string Role);
