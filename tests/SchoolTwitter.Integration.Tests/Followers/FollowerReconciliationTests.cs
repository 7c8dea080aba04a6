using SchoolTwitter.Application.Followers;
using SchoolTwitter.Application.X;
using SchoolTwitter.Functions.Followers;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.FakeX;

namespace SchoolTwitter.Integration.Tests.Followers;

[Collection(AzuriteCollection.Name)]
public sealed class FollowerReconciliationTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset October = new(2026, 10, 5, 7, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset November = new(2026, 11, 2, 7, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Reconciliation_interrupted_by_429_resumes_from_its_checkpoint_without_gaps_or_duplicates()
    {
        await using var rig = await FollowerRig.StartAsync(azurite, October);
        var followersPath = $"/2/users/{rig.AccountId}/followers";
        var october = FollowerData.Parents(3_507);
        rig.X.SetFollowers(october, rig.AccountId);
        (await rig.Scans.RunScheduledAsync(CancellationToken.None)).Outcome.ShouldBe(FollowerScanOutcome.Completed);

        // November: 7 have unfollowed; X answers 429 on the third page.
        rig.Time.SetUtcNow(November);
        var gone = october.Skip(1_500).Take(7).Select(u => u.Id).ToHashSet();
        var november = october.Where(u => !gone.Contains(u.Id)).ToList();
        rig.X.SetFollowers(november, rig.AccountId);
        var before = rig.X.RequestCount("GET", followersPath);
        rig.X.RateLimitReset = November.AddSeconds(2);
        rig.FailFollowersPage(3, FakeFault.RateLimited);

        var interrupted = await rig.Scans.RunScheduledAsync(CancellationToken.None);

        interrupted.Outcome.ShouldBe(FollowerScanOutcome.RateLimited);
        interrupted.Run!.Mode.ShouldBe(FollowerScanMode.Reconciliation);
        interrupted.Run.PagesRead.ShouldBe(2);
        interrupted.Run.Cursor.ShouldNotBeNull();
        interrupted.Run.ResumeAt.ShouldBe(November.AddSeconds(2));

        // The timer firing again before the reset leaves the waiting run alone.
        rig.Time.Advance(TimeSpan.FromSeconds(1));
        (await rig.Scans.RunScheduledAsync(CancellationToken.None)).Outcome.ShouldBe(FollowerScanOutcome.AlreadyRunning);

        // The continuation message becomes visible at the reset time; the queue trigger continues from the checkpoint.
        var message = await rig.ReceiveContinuationAsync(interrupted.Run.RunId, TimeSpan.FromSeconds(30));
        rig.Time.SetUtcNow(November.AddSeconds(3));
        await rig.Get<FollowerScanContinuation>().Run(message, CancellationToken.None);

        var state = await rig.ScanStateAsync();
        var run = state.Run!;
        run.RunId.ShouldBe(interrupted.Run.RunId);
        run.Phase.ShouldBe(FollowerScanPhase.Completed);
        run.PagesRead.ShouldBe(4);
        run.FollowersSeen.ShouldBe(november.Count);
        run.Unfollowed.ShouldBe(7);
        run.Continuations.ShouldBe(1);
        state.LastReconciledSlot.ShouldBe(new DateOnly(2026, 11, 2));
        rig.X.RequestCount("GET", followersPath).ShouldBe(before + 4 + 1); // four pages and the one refused

        var records = await rig.FollowerRecordsAsync();
        records.Count.ShouldBe(3_507);
        records.Where(r => r.Following).Select(r => r.FollowerId).ToHashSet().ShouldBe(november.Select(u => u.Id).ToHashSet());
        records.Where(r => r.Following).ShouldAllBe(r => r.LastSeenPass == run.RunId);
        records.Where(r => !r.Following).Select(r => r.FollowerId).ToHashSet().ShouldBe(gone);

        // A duplicate delivery of the same message changes nothing.
        await rig.Get<FollowerScanContinuation>().Run(message, CancellationToken.None);
        rig.X.RequestCount("GET", followersPath).ShouldBe(before + 5);
    }

    [Fact]
    public async Task Scan_out_of_time_budget_hands_over_to_a_continuation_that_finishes_it()
    {
        await using var rig = await FollowerRig.StartAsync(azurite, November, budget: TimeSpan.FromMinutes(1));
        rig.X.SetFollowers(FollowerData.Parents(2_100), rig.AccountId);
        rig.AdvanceClockOnEveryFollowersPage(TimeSpan.FromSeconds(40));

        var first = await rig.Scans.RunScheduledAsync(CancellationToken.None);

        first.Outcome.ShouldBe(FollowerScanOutcome.Continuing);
        first.Run!.PagesRead.ShouldBe(2);
        var message = await rig.ReceiveContinuationAsync(first.Run.RunId, TimeSpan.FromSeconds(30));
        await rig.Get<FollowerScanContinuation>().Run(message, CancellationToken.None);

        var run = (await rig.ScanStateAsync()).Run!;
        run.Phase.ShouldBe(FollowerScanPhase.Completed);
        run.PagesRead.ShouldBe(3);
        run.FollowersSeen.ShouldBe(2_100);
    }

    [Fact]
    public async Task Reconciliation_confirms_a_blocked_account_once_it_no_longer_follows()
    {
        await using var rig = await FollowerRig.StartAsync(azurite, October);
        var bot = FollowerData.Bot(October);
        var stillThere = FollowerData.Bot(October);
        var parents = FollowerData.Parents(5);
        rig.X.SetFollowers([bot, stillThere, .. parents], rig.AccountId);
        await rig.Scans.RunScheduledAsync(CancellationToken.None);

        var reviews = rig.Get<FollowerReviewService>();
        (await reviews.DecideAsync(rig.Slt, bot.Id, new("block", "Spam bot"), CancellationToken.None)).Outcome.ShouldBe(FollowerDecisionOutcome.Blocked);
        (await reviews.DecideAsync(rig.Slt, stillThere.Id, new("block", "Spam bot"), CancellationToken.None)).Outcome.ShouldBe(FollowerDecisionOutcome.Blocked);

        // Someone blocked the first in the X app; the second has not been blocked yet.
        rig.Time.SetUtcNow(November);
        rig.X.SetFollowers([stillThere, .. parents], rig.AccountId);
        var run = (await rig.Scans.RunScheduledAsync(CancellationToken.None)).Run!;

        run.BlocksConfirmed.ShouldBe(1);
        (await rig.ReviewItemAsync(bot.Id))!.Status.ShouldBe(ReviewStatus.BlockConfirmed);
        (await rig.ReviewItemAsync(stillThere.Id))!.Status.ShouldBe(ReviewStatus.Blocked);
        (await rig.AuditAsync(bot.Id)).ShouldContain(e => e.Action == "follower.block-confirmed" && e.Actor == "system");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"accountId":"","runId":""}""")]
    public async Task Malformed_continuation_message_is_dropped_without_reading_x(string message)
    {
        await using var rig = await FollowerRig.StartAsync(azurite, November);
        rig.X.SetFollowers(FollowerData.Parents(3), rig.AccountId);

        await rig.Get<FollowerScanContinuation>().Run(message, CancellationToken.None);

        rig.X.RequestCount("GET", $"/2/users/{rig.AccountId}/followers").ShouldBe(0);
    }

    [Fact]
    public async Task Continuation_for_a_finished_run_is_stale_and_reads_nothing()
    {
        await using var rig = await FollowerRig.StartAsync(azurite, November);
        rig.X.SetFollowers(FollowerData.Parents(3), rig.AccountId);
        var run = (await rig.Scans.RunScheduledAsync(CancellationToken.None)).Run!;
        var before = rig.X.RequestCount("GET", $"/2/users/{rig.AccountId}/followers");

        var result = await rig.Scans.ContinueAsync(new FollowerScanContinuationMessage(rig.AccountId, run.RunId), CancellationToken.None);

        result.Outcome.ShouldBe(FollowerScanOutcome.Stale);
        rig.X.RequestCount("GET", $"/2/users/{rig.AccountId}/followers").ShouldBe(before);
    }
}
