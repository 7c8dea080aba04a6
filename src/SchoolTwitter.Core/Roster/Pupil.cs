namespace SchoolTwitter.Core.Roster;

/// <summary>A pupil as exported from the school's MIS: <c>Id,FirstName,LastName,PhotoConsent</c>.</summary>
public sealed record Pupil(string Id, string FirstName, string LastName, bool PhotoConsent);
