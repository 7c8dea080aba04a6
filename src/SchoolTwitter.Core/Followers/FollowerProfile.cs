namespace SchoolTwitter.Core.Followers;

/// <summary>
/// What the school can see of an account that follows it (or mentions it): Core's own view, so the assessment stays free of the X client.
/// </summary>
/// <param name="Id">X user id.</param>
/// <param name="Handle">@username without the @.</param>
/// <param name="DefaultAvatar">True when the account still has X's default profile image.</param>
/// <param name="PictureUrl">The profile picture X serves (shown to SLT beside the reasons).</param>
public sealed record FollowerProfile(
    string Id,
    string Handle,
    string Name,
    string? Bio = null,
    string? Url = null,
    string? Location = null,
    DateTimeOffset? CreatedAt = null,
    int FollowersCount = 0,
    int FollowingCount = 0,
    int PostCount = 0,
    bool DefaultAvatar = false,
    string? PictureUrl = null)
{
    /// <summary>The profile page, where SLT block and report the account in the X app.</summary>
    public string ProfileLink => FollowerLinks.Profile(Handle);
}

/// <summary>Links SLT open in the X app: blocking and reporting are manual (no self-serve API for either).</summary>
public static class FollowerLinks
{
    public static string Profile(string handle) => $"https://x.com/{Uri.EscapeDataString(handle.TrimStart('@'))}";

    public static string Post(string postId) => $"https://x.com/i/web/status/{Uri.EscapeDataString(postId)}";

    /// <summary>The steps a person follows in the X app after the backend has muted the account.</summary>
    public static IReadOnlyList<string> BlockAndReportSteps(string handle) =>
    [
        $"Open {Profile(handle)} in the X app signed in as the school account.",
        "Tap the ••• (more) button on the profile.",
        $"Choose \"Report @{handle.TrimStart('@')}\", pick the reason that fits, and submit the report.",
        $"Tap ••• again and choose \"Block @{handle.TrimStart('@')}\", then confirm.",
        "The weekly reconciliation confirms when the account no longer follows the school.",
    ];

    public static IReadOnlyList<string> ReportPostSteps(string postId) =>
    [
        $"Open {Post(postId)} in the X app signed in as the school account.",
        "Tap the ••• (more) button on the post and choose \"Report post\".",
        "Pick the reason that fits and submit; then block the author from their profile if SLT decides to.",
    ];
}
