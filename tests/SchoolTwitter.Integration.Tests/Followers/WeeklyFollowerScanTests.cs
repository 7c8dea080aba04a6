using SchoolTwitter.Application.Followers;
using SchoolTwitter.Application.X;
using SchoolTwitter.Functions.Followers;
using SchoolTwitter.Testing.Azurite;

namespace SchoolTwitter.Integration.Tests.Followers;

[Collection(AzuriteCollection.Name)]
public sealed class WeeklyFollowerScanTests(AzuriteFixture azurite)
{
    // Mondays of November 2026 (GMT): 07:30 UTC is 07:30 UK time.
    private static readonly DateTimeOffset Week1 = new(2026, 11, 2, 7, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Three_weekly_scans_find_exactly_the_new_followers_reading_no_more_pages_than_needed()
    {
        await using var rig = await FollowerRig.StartAsync(azurite, Week1);
        var followersPath = $"/2/users/{rig.AccountId}/followers";
        var current = FollowerData.Parents(2_500);
        rig.X.SetFollowers(current, rig.AccountId);

        // Week 1: the first scan ever is a full reconciliation: every page, everyone new.
        var first = await rig.Scans.RunScheduledAsync(CancellationToken.None);
        first.Outcome.ShouldBe(FollowerScanOutcome.Completed);
        first.Run!.Mode.ShouldBe(FollowerScanMode.Reconciliation);
        first.Run.NewFollowers.ShouldBe(2_500);
        rig.X.RequestCount("GET", followersPath).ShouldBe(3);

        // Week 2: 20 new at the top (one a bot), 5 old ones gone. One page is enough.
        rig.Time.SetUtcNow(Week1.AddDays(7));
        var week2New = FollowerData.Parents(19);
        week2New.Insert(7, FollowerData.Bot(rig.Time.GetUtcNow()));
        current = [.. week2New, .. current.Take(1_000), .. current.Skip(1_005)];
        rig.X.SetFollowers(current, rig.AccountId);

        var second = await rig.Scans.RunScheduledAsync(CancellationToken.None);
        second.Outcome.ShouldBe(FollowerScanOutcome.Completed);
        second.Run!.Mode.ShouldBe(FollowerScanMode.Incremental);
        second.Run.NewFollowers.ShouldBe(20);
        second.Run.PagesRead.ShouldBe(1);
        second.Run.Flagged.ShouldBe(1);
        rig.X.RequestCount("GET", followersPath).ShouldBe(3 + 1);
        (await rig.AddedInRunAsync(second.Run.RunId)).Order().ShouldBe(week2New.Select(u => u.Id).Order());
        (await rig.ReviewItemAsync(week2New[7].Id))!.Suggestion.ShouldBe(Core.Followers.FollowerSuggestion.Block);

        // A second firing the same Monday does nothing and reads nothing.
        rig.Time.Advance(TimeSpan.FromHours(1));
        (await rig.Scans.RunScheduledAsync(CancellationToken.None)).Outcome.ShouldBe(FollowerScanOutcome.NotDue);
        rig.X.RequestCount("GET", followersPath).ShouldBe(4);

        // Week 3: a busy week, 1,100 new: the first page is all new, the second reaches known followers.
        rig.Time.SetUtcNow(Week1.AddDays(14));
        var week3New = FollowerData.Parents(1_100);
        current = [.. week3New, .. current];
        rig.X.SetFollowers(current, rig.AccountId);

        var third = await rig.Scans.RunScheduledAsync(CancellationToken.None);
        third.Run!.Mode.ShouldBe(FollowerScanMode.Incremental);
        third.Run.NewFollowers.ShouldBe(1_100);
        third.Run.PagesRead.ShouldBe(2);
        rig.X.RequestCount("GET", followersPath).ShouldBe(4 + 2);
        (await rig.AddedInRunAsync(third.Run.RunId)).Order().ShouldBe(week3New.Select(u => u.Id).Order());
    }

    [Fact]
    public async Task Weekly_summary_reaches_the_webhook_with_counts_and_unapproved_follows()
    {
        await using var rig = await FollowerRig.StartAsync(azurite, Week1);
        rig.X.SetFollowers([FollowerData.Bot(Week1), .. FollowerData.Parents(3)], rig.AccountId);
        rig.X.SetFollowing([new XUser(FollowerData.NextId(), "CalderdaleCncl", "Calderdale Council"),
                            new XUser(FollowerData.NextId(), "RandomShop", "Random Shop")], rig.AccountId);
        await rig.ApproveAsync("calderdalecncl", "council");

        var result = await rig.Scans.RunScheduledAsync(CancellationToken.None);

        result.Outcome.ShouldBe(FollowerScanOutcome.Completed);
        var card = await rig.WaitForWebhookAsync(WeeklyFollowerSummary.Kind);
        card.ShouldContain("New followers");
        card.ShouldContain("RandomShop");
        card.ShouldNotContain("@calderdalecncl");
    }

    [Fact]
    public async Task Timer_waits_for_0700_uk_time_after_the_october_change()
    {
        // Last week's scan ran on Monday 19 October (BST). Monday 26 October 2026 is the day after the clocks went back:
        // 07:00 UK is 07:00 UTC, so the hourly UTC timer must not run at 06:05 UTC.
        await using var rig = await FollowerRig.StartAsync(azurite, new DateTimeOffset(2026, 10, 19, 6, 5, 0, TimeSpan.Zero));
        rig.X.SetFollowers(FollowerData.Parents(3), rig.AccountId);
        var timer = rig.Get<WeeklyFollowerScan>();
        var path = $"/2/users/{rig.AccountId}/followers";
        await timer.Run(FollowerRig.Timer(), CancellationToken.None); // 07:05 BST: last week's scan
        rig.X.RequestCount("GET", path).ShouldBe(1);

        rig.Time.SetUtcNow(new DateTimeOffset(2026, 10, 26, 6, 5, 0, TimeSpan.Zero));
        await timer.Run(FollowerRig.Timer(), CancellationToken.None);
        rig.X.RequestCount("GET", path).ShouldBe(1);

        rig.Time.SetUtcNow(new DateTimeOffset(2026, 10, 26, 7, 5, 0, TimeSpan.Zero));
        await timer.Run(FollowerRig.Timer(), CancellationToken.None);
        rig.X.RequestCount("GET", path).ShouldBe(2);

        rig.Time.SetUtcNow(new DateTimeOffset(2026, 10, 26, 8, 5, 0, TimeSpan.Zero));
        await timer.Run(FollowerRig.Timer(), CancellationToken.None);
        rig.X.RequestCount("GET", path).ShouldBe(2);
    }

    [Fact]
    public async Task Timer_runs_at_0600_utc_after_the_march_change()
    {
        // Last week's scan ran on Monday 23 March (GMT, 07:05 UTC). Monday 30 March 2026 is the day after the clocks went
        // forward: 07:00 UK is 06:00 UTC, so the 06:05 UTC firing runs and the 05:05 one does not.
        await using var rig = await FollowerRig.StartAsync(azurite, new DateTimeOffset(2026, 3, 23, 7, 5, 0, TimeSpan.Zero));
        rig.X.SetFollowers(FollowerData.Parents(3), rig.AccountId);
        var timer = rig.Get<WeeklyFollowerScan>();
        var path = $"/2/users/{rig.AccountId}/followers";
        await timer.Run(FollowerRig.Timer(), CancellationToken.None);
        rig.X.RequestCount("GET", path).ShouldBe(1);

        rig.Time.SetUtcNow(new DateTimeOffset(2026, 3, 30, 5, 5, 0, TimeSpan.Zero));
        await timer.Run(FollowerRig.Timer(), CancellationToken.None);
        rig.X.RequestCount("GET", path).ShouldBe(1);

        rig.Time.SetUtcNow(new DateTimeOffset(2026, 3, 30, 6, 5, 0, TimeSpan.Zero));
        await timer.Run(FollowerRig.Timer(), CancellationToken.None);
        rig.X.RequestCount("GET", path).ShouldBe(2);
    }
}
