namespace SchoolTwitter.Application.Notifications;

/// <summary>
/// A place on the SLT page: one of its sections, and the item in it where there is one (a draft). Cards name places;
/// <see cref="SltPageLinks"/> alone turns them into addresses.
/// </summary>
public sealed record PagePlace(string Section, string? Item = null)
{
    public static readonly PagePlace Drafts = new("drafts");
    public static readonly PagePlace Followers = new("followers");
    public static readonly PagePlace Moderation = new("moderation");
    public static readonly PagePlace Follows = new("follow-policy");
    public static readonly PagePlace Credentials = new("credentials");
    public static readonly PagePlace Roster = new("roster");
    public static readonly PagePlace Protection = new("protection");
    public static readonly PagePlace Members = new("members");
    public static readonly PagePlace Audit = new("audit");

    /// <summary>Every section, in the page's order.</summary>
    public static IReadOnlyList<PagePlace> Sections { get; } = [Drafts, Followers, Moderation, Follows, Credentials, Roster, Protection, Members, Audit];

    public static PagePlace Draft(string draftId) => Drafts with { Item = draftId };
}
