using System.Globalization;
using Microsoft.Extensions.Options;
using SchoolTwitter.Application.Notifications;
using SchoolTwitter.Application.Profile;
using SchoolTwitter.Application.X;

namespace SchoolTwitter.Application.Followers;

/// <summary>
/// The weekly summary for SLT (an Adaptive Card through the notifier): new followers, flagged, decisions pending, blocks confirmed,
/// accounts followed without approval, and whether the account's profile still names the school and links to its website.
/// </summary>
public sealed class WeeklyFollowerSummary(
    IFollowerReviewStore review,
    FollowPolicyService policy,
    INotifier notifier,
    ProfileIdentityService profile,
    IOptions<FollowerOptions> options)
{
    public const string Kind = "follower.weekly-summary";
    private const int ListedAtMost = 20;

    public async Task SendAsync(FollowerScanRun run, CancellationToken ct)
    {
        var accountId = options.Value.AccountId;
        var unapproved = await policy.FindUnapprovedAsync(ct);
        var pending = new List<FollowerReviewItem>();
        await foreach (var item in review.ListAsync(accountId, ReviewStatus.Pending, ct)) pending.Add(item);

        ProfileCheck? identity = null;
        string? identityError = null;
        try
        {
            identity = await profile.CheckAsync(ct);
        }
        catch (XApiException e)
        {
            // The summary still goes; it says the profile went unchecked this week.
            identityError = e.Message;
        }

        await notifier.NotifyAsync(Build(run, pending, unapproved, identity, identityError), ct);
    }

    public static Notification Build(FollowerScanRun run, IReadOnlyList<FollowerReviewItem> pending, IReadOnlyList<UnapprovedFollow> unapproved,
        ProfileCheck? identity = null, string? identityError = null)
    {
        var c = CultureInfo.GetCultureInfo("en-GB");
        var facts = new List<KeyValuePair<string, string>>
        {
            new("Week of", run.Slot.ToString("dddd d MMMM yyyy", c)),
            new("New followers", run.NewFollowers.ToString("N0", c)),
            new("Flagged this week", run.Flagged.ToString("N0", c)),
            new("Decisions pending", pending.Count.ToString("N0", c)),
            new("Blocks confirmed", run.Mode == FollowerScanMode.Reconciliation
                ? run.BlocksConfirmed.ToString("N0", c)
                : "checked at the monthly reconciliation"),
            new("Followed without approval", unapproved.Count.ToString("N0", c)),
        };
        if (run.Mode == FollowerScanMode.Reconciliation)
        {
            facts.Add(new("Unfollowed since last month", run.Unfollowed.ToString("N0", c)));
        }
        if (identity is not null || identityError is not null)
        {
            facts.Add(new("Profile identifies the school", identity is null ? "not checked: X could not be reached" : identity.Passes ? "yes" : "no"));
        }

        var lines = new List<string>();
        if (pending.Count > 0)
        {
            lines.Add("Awaiting a decision:");
            lines.AddRange(pending
                .OrderByDescending(p => p.Suggestion)
                .ThenBy(p => p.FlaggedAt)
                .Take(ListedAtMost)
                .Select(p => $"- {Describe(p)} (suggested: {p.Suggestion.ToString().ToLowerInvariant()}) {p.PostLink ?? p.ProfileLink}"));
            if (pending.Count > ListedAtMost) lines.Add($"- …and {pending.Count - ListedAtMost} more in the review list.");
        }
        if (unapproved.Count > 0)
        {
            lines.Add("Followed but not on the approved list (approve them or unfollow in the X app):");
            lines.AddRange(unapproved.Take(ListedAtMost).Select(u => $"- @{u.Handle} ({u.Name})"));
            if (unapproved.Count > ListedAtMost) lines.Add($"- …and {unapproved.Count - ListedAtMost} more.");
        }

        if (identity is { Passes: false })
        {
            lines.Add("The account's profile must name the school and link to its website (council policy 6.3 and 6.5); missing:");
            lines.AddRange(identity.Missing.Select(m => "- " + m));
        }
        else if (identityError is not null)
        {
            lines.Add($"The account's profile could not be checked this week: {identityError}");
        }

        var title = pending.Count == 0
            ? $"Weekly follower check: {run.NewFollowers} new, nothing awaiting a decision"
            : $"Weekly follower check: {pending.Count} awaiting an SLT decision";
        return new Notification(Kind, title, facts, Recipient: null, Link: null, Text: lines.Count == 0 ? null : string.Join('\n', lines));
    }

    private static string Describe(FollowerReviewItem item) => item.Kind switch
    {
        ReviewKind.Follower => $"@{item.Handle} ({item.Name})",
        ReviewKind.Reply => $"reply by {item.Handle ?? "user " + item.UserId}",
        _ => $"mention by {item.Handle ?? "user " + item.UserId}",
    };
}
