using System.Text.Json.Nodes;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Application.Followers;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Application.X;
using SchoolTwitter.Core.Followers;
using SchoolTwitter.LocalTrial.Loopback;
using SchoolTwitter.Testing.TestHost;

namespace SchoolTwitter.LocalTrial.Trial;

/// <summary>
/// A few days of a pretend school, put in through the app's own services so everything on the page is what they made of
/// it: drafts that passed, wait for a second SLT member, were blocked and are scheduled; a roster; flagged followers; an
/// offensive reply; the follow policy. Every name is made up.
/// </summary>
public static class SampleData
{
    /// <summary>Waits for the check (a warning only: a second SLT member must approve).</summary>
    public const string DraftWithWarning = "Year 4 had a fantastick trip to the museum today.";

    public const string DraftThatPasses = "Our choir sang beautifully at the Town Hall this evening. Thank you to everyone who came.";

    public const string BlockedDraft = "lol see u all at the summer fair l8r!!!";

    public const string ScheduledDraft = "Reminder: the school is closed on Friday for staff training. We look forward to seeing everyone on Monday.";

    public static readonly XUser SpamFollower = new("90001", "hot_deals_4u_99881", "BEST DEALS", "Crypto giveaway! DM for cheap followers", null,
        DateTimeOffset.UtcNow.AddDays(-3), 12, 4800, 3, DefaultProfileImage: true);

    public static readonly XUser ParentFollower = new("90002", "sarah_parent", "Sarah Jones", "Mum of two, love baking and our local library", "https://pbs.twimg.com/profile_images/90002/photo_normal.jpg",
        DateTimeOffset.UtcNow.AddYears(-6), 120, 180, 900);

    public static async Task SeedAsync(TrialSchool school)
    {
        var host = school.Services;
        await host.Get<RosterService>().ReplaceAsync(
            "Id,FirstName,LastName,PhotoConsent\nP001,Ava,Thompson,yes\nP002,Leo,Khan,yes\nP003,Isla,Murphy,no\nP004,Noah,Evans,yes\nP005,Mia,Roberts,no\nP006,Oscar,Hall,yes\n",
            "school IT", CancellationToken.None);

        string[] drafts =
        [
            await SubmitAsync(host, TrialSchool.Deputy, DraftWithWarning),
            await SubmitAsync(host, TrialSchool.Head, DraftThatPasses),
            await SubmitAsync(host, TrialSchool.Deputy, BlockedDraft),
            await SubmitAsync(host, TrialSchool.Head, ScheduledDraft, DateTimeOffset.UtcNow.AddDays(3)),
        ];
        // The loopback host's queue pump runs the check (and publishes what passed), as the Functions host would.
        foreach (var id in drafts) await school.WaitForDraftAsync(id, d => d.Status is not (DraftStatus.Received or DraftStatus.Checking));

        await FollowersAsync(host);
        await FollowPolicyAsync(host);

        // An offensive reply to one of the school's posts: moderation hides it and mutes its author.
        var post = host.X.AddPost("Well done to everyone who ran in the cross-country race today.");
        host.X.AddMention(new XPost("", "@TrialSchool what a load of rubbish, you idiots", "90003", post.Id, host.X.AccountId,
            [new XReferencedPost("replied_to", post.Id)]));
        await host.Get<InboundModerationService>().RunAsync(CancellationToken.None);
    }

    public static Caller SignedIn(TrialPerson person, DateOnly? agreement) =>
        new(CallerKind.Principal, person.Email, EasyAuthHeaders.ObjectIdOf(person.Email), person.Name, true) { AgreementSignedOn = agreement };

    public static async Task<string> SubmitAsync(SchoolTwitterTestHost host, TrialPerson person, string text, DateTimeOffset? scheduledFor = null)
    {
        var json = new JsonObject { ["text"] = text };
        if (scheduledFor is { } at) json["scheduledFor"] = at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var result = await host.Get<DraftSubmissionService>().SubmitAsync(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()),
            SignedIn(person, DateOnly.FromDateTime(DateTime.UtcNow)), CancellationToken.None);
        return result.Draft?.Id ?? throw new InvalidOperationException($"The sample draft was refused: {string.Join("; ", result.Errors.Select(e => e.Message))}");
    }

    /// <summary>Flagged followers on the review list, assessed by the real assessor (as the weekly scan would).</summary>
    private static async Task FollowersAsync(SchoolTwitterTestHost host)
    {
        var assessor = host.Get<FollowerAssessor>();
        var review = host.Get<IFollowerReviewStore>();
        foreach (var user in new[] { SpamFollower, ParentFollower })
        {
            var profile = new FollowerProfile(user.Id, user.Username, user.Name, user.Description, null, null, user.CreatedAt,
                user.FollowersCount, user.FollowingCount, user.PostCount, user.DefaultProfileImage, user.ProfileImageUrl);
            var assessment = assessor.Assess(profile, DateTimeOffset.UtcNow);
            await review.AddIfAbsentAsync(host.X.AccountId, new FollowerReviewItem(profile.Id, ReviewKind.Follower, profile.Id, profile.Handle, profile.Name,
                profile.ProfileLink, assessment.IsFlagged ? assessment.Suggestion : FollowerSuggestion.Review,
                assessment.Reasons.Count > 0 ? assessment.Reasons : [new FollowerReason("sample", "A new follower with no school link in the profile.", 1)],
                DateTimeOffset.UtcNow.AddHours(-5), FollowersCount: profile.FollowersCount, FollowingCount: profile.FollowingCount, PictureUrl: profile.PictureUrl), CancellationToken.None);
        }
        host.X.SetFollowers([SpamFollower, ParentFollower]);
    }

    private static async Task FollowPolicyAsync(SchoolTwitterTestHost host)
    {
        var policy = host.Get<FollowPolicyService>();
        var it = SignedIn(TrialSchool.Head, null);
        await policy.AddAsync(it, new ApprovedFollowRequest("TrialCouncil", "council", "The local authority"), CancellationToken.None);
        await policy.AddAsync(it, new ApprovedFollowRequest("CityLibraries", "library", "Reading challenge partners"), CancellationToken.None);
        host.X.SetFollowing([
            new XUser("80001", "TrialCouncil", "Trial Borough Council"),
            new XUser("80002", "CityLibraries", "City Libraries"),
            new XUser("80003", "PizzaPalaceDeals", "Pizza Palace"),
        ]);
    }
}
