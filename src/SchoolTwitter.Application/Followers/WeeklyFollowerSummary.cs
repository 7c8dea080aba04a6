using System.Globalization;
using Microsoft.Extensions.Options;
using SchoolTwitter.Application.Notifications;
using SchoolTwitter.Core.Followers;

namespace SchoolTwitter.Application.Followers;

/// <summary>
/// The weekly summary for SLT (an Adaptive Card through the notifier): new followers, flagged, decisions pending, blocks confirmed,
/// and accounts followed without approval.
/// </summary>
public sealed class WeeklyFollowerSummary(
    IFollowerReviewStore review,
    FollowPolicyService policy,
    INotifier notifier,
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

        await notifier.NotifyAsync(Build(run, pending, unapproved), ct);
    }

    public static Notification Build(FollowerScanRun run, IReadOnlyList<FollowerReviewItem> pending, IReadOnlyList<UnapprovedFollow> unapproved)
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

        var lines = new List<string>();
        if (pending.Count > 0)
        {
            lines.Add("Awaiting a decision:");
            lines.AddRange(pending
                .OrderByDescending(p => p.Suggestion)
                .ThenBy(p => p.FlaggedAt)
                .Take(ListedAtMost)
                .Select(p => $"- {Describe(p)} (suggested: {p.Suggestion.ToString().ToLowerInvariant()}{Why(p)}) {p.PostLink ?? p.ProfileLink}"));
            if (pending.Count > ListedAtMost) lines.Add($"- …and {pending.Count - ListedAtMost} more in the review list.");
        }
        if (unapproved.Count > 0)
        {
            lines.Add("Followed but not on the approved list (approve them or unfollow in the X app):");
            lines.AddRange(unapproved.Take(ListedAtMost).Select(u => $"- @{u.Handle} ({u.Name})"));
            if (unapproved.Count > ListedAtMost) lines.Add($"- …and {unapproved.Count - ListedAtMost} more.");
        }

        var title = pending.Count == 0
            ? $"Weekly follower check: {run.NewFollowers} new, nothing awaiting a decision"
            : $"Weekly follower check: {pending.Count} awaiting an SLT decision";
        return new Notification(Kind, title, facts, Recipient: null, Link: null, Text: lines.Count == 0 ? null : string.Join('\n', lines));
    }

    /// <summary>The main concern, and the evidence shown beside it, so SLT see why before they open the review list.</summary>
    private static string Why(FollowerReviewItem item)
    {
        var concern = item.Reasons.Where(r => r.Kind == FollowerReasonKind.Concern).OrderByDescending(r => r.Weight).FirstOrDefault();
        var evidence = item.Reasons.FirstOrDefault(r => r.Kind == FollowerReasonKind.Evidence);
        return (concern, evidence) switch
        {
            (null, null) => "",
            ({ } c, null) => $": {c.Message}",
            (null, { } e) => $": {e.Message}",
            var (c, e) => $": {c.Message} {e.Message}",
        };
    }

    private static string Describe(FollowerReviewItem item) => item.Kind switch
    {
        ReviewKind.Follower => $"@{item.Handle} ({item.Name})",
        ReviewKind.Reply => $"reply by {item.Handle ?? "user " + item.UserId}",
        _ => $"mention by {item.Handle ?? "user " + item.UserId}",
    };
}
