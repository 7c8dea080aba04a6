using System.Globalization;
using Microsoft.Extensions.Options;
using SchoolTwitter.Application.Notifications;
using SchoolTwitter.Application.Profile;
using SchoolTwitter.Application.X;
using SchoolTwitter.Core.Followers;

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

        // Each kind of decision under its own heading, with the button to the place on the SLT page where it is made.
        var sections = new List<NotificationSection>();
        AddSection(sections, "New followers awaiting a decision", pending.Where(p => p.Kind == ReviewKind.Follower).ToList(), button: null);
        AddSection(sections, "Offensive replies and mentions awaiting a decision", pending.Where(p => p.Kind != ReviewKind.Follower).ToList(),
            new NotificationButton("Review replies and mentions", PagePlace.Moderation));
        if (unapproved.Count > 0)
        {
            var lines = unapproved.Take(ListedAtMost)
                .Select(u => new NotificationLine($"@{u.Handle} ({u.Name})", Url: FollowerLinks.Profile(u.Handle)))
                .ToList();
            if (unapproved.Count > ListedAtMost) lines.Add(new($"…and {unapproved.Count - ListedAtMost} more."));
            sections.Add(new("Followed but not on the approved list: approve them on the SLT page or unfollow them in the X app", lines)
            {
                Button = new("Review the follow list", PagePlace.Follows),
            });
        }

        if (identity is { Passes: false })
        {
            sections.Add(new("The account's profile must name the school and link to its website (council policy 6.3 and 6.5); missing",
                [.. identity.Missing.Select(m => new NotificationLine(m, Serious: true))]));
        }
        else if (identityError is not null)
        {
            sections.Add(new("The account's profile could not be checked this week", [new NotificationLine(identityError)]));
        }

        var title = pending.Count == 0
            ? $"Weekly follower check: {run.NewFollowers} new, nothing awaiting a decision"
            : $"Weekly follower check: {pending.Count} awaiting an SLT decision";
        return new Notification(Kind, title, facts)
        {
            Sections = sections,
            Buttons = [new("Review followers", PagePlace.Followers)],
            Subject = run.RunId,
        };
    }

    private static void AddSection(List<NotificationSection> sections, string heading, List<FollowerReviewItem> items, NotificationButton? button)
    {
        if (items.Count == 0) return;
        var lines = items
            .OrderByDescending(p => p.Suggestion)
            .ThenBy(p => p.FlaggedAt)
            .Take(ListedAtMost)
            .Select(p => new NotificationLine(Describe(p), Detail(p), Serious: p.Suggestion == FollowerSuggestion.Block, Url: p.PostLink ?? p.ProfileLink))
            .ToList();
        if (items.Count > ListedAtMost) lines.Add(new($"…and {items.Count - ListedAtMost} more on the SLT page."));
        sections.Add(new(heading, lines) { Button = button });
    }

    /// <summary>The main concern, and the evidence shown beside it, so SLT see why before they open the review list.</summary>
    private static string Why(FollowerReviewItem item)
    {
        var concern = item.Reasons.Where(r => r.Kind == FollowerReasonKind.Concern).OrderByDescending(r => r.Weight).FirstOrDefault();
        var evidence = item.Reasons.FirstOrDefault(r => r.Kind == FollowerReasonKind.Evidence);
        return (concern, evidence) switch
        {
            (null, null) => "",
            ({ } c, null) => $" {c.Message}",
            (null, { } e) => $" {e.Message}",
            var (c, e) => $" {c.Message} {e.Message}",
        };
    }

    private static string Describe(FollowerReviewItem item) => item.Kind switch
    {
        ReviewKind.Follower => $"@{item.Handle} ({item.Name})",
        // The second check doubted it or could not read it: not (yet) called offensive.
        _ when item.Suggestion != FollowerSuggestion.Block => item.Kind == ReviewKind.Reply ? "A reply to the school's post to look at" : "A mention of the school to look at",
        ReviewKind.Reply => item.Handle is null ? "An offensive reply to the school's post" : $"An offensive reply by @{item.Handle}",
        _ => item.Handle is null ? "An offensive mention of the school" : $"An offensive mention by @{item.Handle}",
    };

    /// <summary>The suggestion and why; for a reply or mention, what was already done (its words are not repeated on the card).</summary>
    private static string Detail(FollowerReviewItem item) => item.Kind switch
    {
        ReviewKind.Follower => $"{Suggested(item.Suggestion)}{Why(item)}",
        _ when item.Suggestion != FollowerSuggestion.Block => "Not hidden. Look at it, and any picture in it, in X; report it there if it is offensive.",
        ReviewKind.Reply => (item.ReplyHidden, item.Muted) switch
        {
            (true, true) => "Already hidden, and its author muted. Report it in X.",
            (true, false) => "Already hidden. Report it in X.",
            _ => "Not hidden yet. Hide and report it in X.",
        },
        _ => "Report it in X.",
    };

    private static string Suggested(FollowerSuggestion suggestion) => suggestion switch
    {
        FollowerSuggestion.Block => "Suggested: block.",
        FollowerSuggestion.Review => "Suggested: take a look.",
        _ => "Suggested: keep.",
    };
}
