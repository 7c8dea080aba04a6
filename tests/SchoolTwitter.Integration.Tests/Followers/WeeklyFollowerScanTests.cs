using SchoolTwitter.Application.Followers;
using SchoolTwitter.Application.X;
using SchoolTwitter.Functions.Followers;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.FakeX;

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

        // Week 1: the first scan ever is a full reconciliation: every page at X's largest size, everyone new.
        var first = await rig.Scans.RunScheduledAsync(CancellationToken.None);
        first.Outcome.ShouldBe(FollowerScanOutcome.Completed);
        first.Run!.Mode.ShouldBe(FollowerScanMode.Reconciliation);
        first.Run.NewFollowers.ShouldBe(2_500);
        rig.X.RequestCount("GET", followersPath).ShouldBe(3);
        PageSizesSent(rig).ShouldBe([1_000, 1_000, 1_000]);
        first.Run.FollowersReturned.ShouldBe(2_500);

        // Week 2: 20 new at the top (one a bot), 5 old ones gone. No weekly scan before: one page of 100 is enough, and
        // X bills 100 followers ($0.10) rather than 1,000.
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
        PageSizesSent(rig).Skip(3).ShouldBe([100]);
        second.Run.FollowersReturned.ShouldBe(100);
        rig.FollowersReturned.ShouldBe(2_500 + 100);
        (await rig.ScanStateAsync()).LastWeeklyNewFollowers.ShouldBe(20);
        (await rig.AddedInRunAsync(second.Run.RunId)).Order().ShouldBe(week2New.Select(u => u.Id).Order());
        (await rig.ReviewItemAsync(week2New[7].Id))!.Suggestion.ShouldBe(Core.Followers.FollowerSuggestion.Block);

        // A second firing the same Monday does nothing and reads nothing.
        rig.Time.Advance(TimeSpan.FromHours(1));
        (await rig.Scans.RunScheduledAsync(CancellationToken.None)).Outcome.ShouldBe(FollowerScanOutcome.NotDue);
        rig.X.RequestCount("GET", followersPath).ShouldBe(4);

        // Week 3: a busy week, 1,100 new. The first page is twice last week's 20; it is all new, so the scan starts again from
        // the newest follower with 400, then 1,000 (a cursor is never reused with another size); the second 1,000 page
        // reaches known followers. 2,440 returned, of which 1,100 + 1,000 distinct — X bills a follower once a UTC day.
        rig.Time.SetUtcNow(Week1.AddDays(14));
        var week3New = FollowerData.Parents(1_100);
        current = [.. week3New, .. current];
        rig.X.SetFollowers(current, rig.AccountId);

        var third = await rig.Scans.RunScheduledAsync(CancellationToken.None);
        third.Run!.Mode.ShouldBe(FollowerScanMode.Incremental);
        third.Run.NewFollowers.ShouldBe(1_100);
        third.Run.PagesRead.ShouldBe(4);
        third.Run.PageSizeIncreases.ShouldBe(2);
        rig.X.RequestCount("GET", followersPath).ShouldBe(4 + 4);
        PageSizesSent(rig).Skip(4).ShouldBe([40, 400, 1_000, 1_000]);
        PaginationTokensSent(rig).Skip(4).Select(t => t is null).ShouldBe([true, true, true, false]);
        third.Run.FollowersReturned.ShouldBe(40 + 400 + 1_000 + 1_000);
        rig.FollowersReturned.ShouldBe(2_500 + 100 + 2_440);
        (await rig.AddedInRunAsync(third.Run.RunId)).Order().ShouldBe(week3New.Select(u => u.Id).Order());
        (await rig.ScanStateAsync()).LastWeeklyNewFollowers.ShouldBe(1_100);
    }

    [Fact]
    public async Task Quiet_week_scan_reads_far_fewer_than_a_thousand_followers()
    {
        await using var rig = await FollowerRig.StartAsync(azurite, Week1);
        var current = FollowerData.Parents(2_000);
        rig.X.SetFollowers(current, rig.AccountId);
        (await rig.Scans.RunScheduledAsync(CancellationToken.None)).Run!.Mode.ShouldBe(FollowerScanMode.Reconciliation);

        // Two typical weeks of 20 new followers each.
        var costs = new List<int>();
        for (var week = 1; week <= 2; week++)
        {
            rig.Time.SetUtcNow(Week1.AddDays(7 * week));
            var fresh = FollowerData.Parents(20);
            current = [.. fresh, .. current];
            rig.X.SetFollowers(current, rig.AccountId);
            var before = rig.FollowersReturned;

            var run = (await rig.Scans.RunScheduledAsync(CancellationToken.None)).Run!;

            run.Mode.ShouldBe(FollowerScanMode.Incremental);
            run.NewFollowers.ShouldBe(20);
            run.PagesRead.ShouldBe(1);
            (await rig.AddedInRunAsync(run.RunId)).Order().ShouldBe(fresh.Select(u => u.Id).Order());
            costs.Add(rig.FollowersReturned - before);
        }

        // First weekly scan: the default 100; the next sized from last week's 20 (twice it, 40). Before: 1,000 each ($1.00).
        costs.ShouldBe([100, 40]);
        PageSizesSent(rig).TakeLast(2).ShouldBe([100, 40]);
    }

    [Fact]
    public async Task Weekly_scan_interrupted_by_429_resumes_with_the_page_size_its_cursor_was_issued_for()
    {
        await using var rig = await FollowerRig.StartAsync(azurite, Week1);
        var current = FollowerData.Parents(1_500);
        rig.X.SetFollowers(current, rig.AccountId);
        await rig.Scans.RunScheduledAsync(CancellationToken.None); // the first scan: reconciliation

        // A busy week: 2,500 new. The page of 100 is all new, so the scan restarts at 1,000; the second 1,000 page (with a
        // cursor) gets 429.
        rig.Time.SetUtcNow(Week1.AddDays(7));
        var fresh = FollowerData.Parents(2_500);
        current = [.. fresh, .. current];
        rig.X.SetFollowers(current, rig.AccountId);
        rig.X.RateLimitReset = rig.Time.GetUtcNow().AddSeconds(2);
        rig.FailFollowersPage(3, FakeFault.RateLimited);

        var parked = await rig.Scans.RunScheduledAsync(CancellationToken.None);
        parked.Outcome.ShouldBe(FollowerScanOutcome.RateLimited);
        var state = await rig.ScanStateAsync();
        state.Run!.PageSize.ShouldBe(1_000);
        state.Run.PagesRead.ShouldBe(2);
        state.Run.Cursor.ShouldNotBeNull();

        var message = await rig.ReceiveContinuationAsync(parked.Run!.RunId, TimeSpan.FromSeconds(30));
        rig.Time.SetUtcNow(state.Run.ResumeAt!.Value.AddSeconds(1));
        var done = await rig.Scans.ContinueAsync(FollowerScanService.ParseContinuation(message), CancellationToken.None);

        done.Outcome.ShouldBe(FollowerScanOutcome.Completed);
        done.Run!.NewFollowers.ShouldBe(2_500);
        (await rig.AddedInRunAsync(done.Run.RunId)).Order().ShouldBe(fresh.Select(u => u.Id).Order());
        // After the reconciliation's two pages: 100, 1,000, the refused 1,000, then the continuation's two pages — each cursor
        // is sent with the page size it was issued for.
        PageSizesSent(rig).Skip(2).ShouldBe([100, 1_000, 1_000, 1_000, 1_000]);
    }

    private static List<int> PageSizesSent(FollowerRig rig) =>
        FollowersRequests(rig).Select(q => int.Parse(q["max_results"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    private static List<string?> PaginationTokensSent(FollowerRig rig) =>
        FollowersRequests(rig).Select(q => q["pagination_token"]).ToList();

    private static IEnumerable<System.Collections.Specialized.NameValueCollection> FollowersRequests(FollowerRig rig) =>
        rig.X.Requests.Where(r => r.Method == "GET" && r.Path == $"/2/users/{rig.AccountId}/followers")
            .Select(r => System.Web.HttpUtility.ParseQueryString(r.Query));

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
