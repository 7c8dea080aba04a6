using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Time.Testing;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Application.Protection;
using SchoolTwitter.Functions.Protection;
using SchoolTwitter.Integration.Tests.Drafts;
using SchoolTwitter.Testing.Azurite;
using static SchoolTwitter.Integration.Tests.Protection.ProtectionKit;

namespace SchoolTwitter.Integration.Tests.Protection;

/// <summary>
/// A child who must no longer be seen (issue 13): every live post that pictured or named them is found from the post records,
/// the drafts that would are held back, SLT are alerted, and one confirmation takes them all down through X's DELETE.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TakeDownTests(AzuriteFixture azurite) : DraftKitTests(azurite)
{
    [Fact]
    public async Task Consent_withdrawn_in_a_roster_upload_finds_a_years_posts_of_the_pupil_holds_back_the_scheduled_draft_and_takes_them_all_down()
    {
        var pupil = NewPupil();
        var classmate = NewPupil();
        await AddToRosterAsync(Kit, pupil, classmate);

        // One post through the real pipeline: the publisher records whom it pictured.
        var viaPipeline = (await Kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText("Our relay team raised"), Slt, media: [PictureOf(pupil.Id)]))).Str("id");
        await Kit.RunCheckQueueAsync(viaPipeline);
        await Kit.RunPublishQueueAsync(viaPipeline);
        var pipelineTweet = (await Kit.DraftAsync(viaPipeline))!.TweetId.ShouldNotBeNull();
        (await Kit.Get<IPostRecordStore>().GetAsync(pipelineTweet, CancellationToken.None))!.PupilsPictured.ShouldBe([pupil.Id]);

        // A year of posts: some picture the pupil, some name them (text only), some picture or name a classmate, most neither.
        var expected = new HashSet<string> { pipelineTweet };
        var others = new List<string>();
        var now = DateTimeOffset.UtcNow;
        for (var day = 1; day <= 365; day++)
        {
            var at = now.AddDays(-day);
            string id;
            if (day % 30 == 0)
            {
                id = (await SeedPostAsync(Kit, $"Sports day practice, week {day}.", at, [pupil.Id], "Pupils running on the field")).Id;
                expected.Add(id);
            }
            else if (day % 45 == 0)
            {
                id = (await SeedPostAsync(Kit, $"Congratulations to {pupil.FirstName} {pupil.LastName} on the reading award ({day}).", at)).Id;
                expected.Add(id);
            }
            else if (day % 73 == 0)
            {
                id = (await SeedPostAsync(Kit, $"Well done {pupil.FirstName} for a brilliant assembly ({day}).", at)).Id;
                expected.Add(id);
            }
            else if (day % 20 == 0)
            {
                id = (await SeedPostAsync(Kit, $"Science week, day {day}.", at, [classmate.Id], "Pupils with a volcano model")).Id;
                others.Add(id);
            }
            else if (day % 50 == 0)
            {
                id = (await SeedPostAsync(Kit, $"Congratulations to {classmate.FirstName} {classmate.LastName} ({day}).", at)).Id;
                others.Add(id);
            }
            else
            {
                others.Add((await SeedPostAsync(Kit, $"Our news on day {day}: the library is open after school.", at)).Id);
            }
        }

        // Two drafts on their way: one pictures the pupil, one does not.
        var later = DateTimeOffset.UtcNow.AddDays(3);
        var picturing = (await Kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText("The choir raised"), Slt, media: [PictureOf(pupil.Id)], scheduledFor: later))).Str("id");
        var unrelated = (await Kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText("The PTA raised"), Slt, scheduledFor: later))).Str("id");
        await Kit.RunCheckQueueAsync(picturing, unrelated);
        (await Kit.DraftAsync(picturing))!.Status.ShouldBe(DraftStatus.Scheduled);

        var upload = await Kit.PutRosterAsync(await RosterCsvWithAsync(Kit, pupil.Id, pupil with { PhotoConsent = false }), DraftTestKit.Principal(Slt, "SLT"));
        upload.Status.ShouldBe(200);

        var opened = await CaseForAsync(Kit, pupil.Id);
        opened.Trigger.ShouldBe(ProtectionTrigger.ConsentWithdrawn);
        opened.Status.ShouldBe(ProtectionCaseStatus.AwaitingConfirmation);
        var plan = await Kit.Get<IProtectionCaseStore>().GetPlanAsync(opened.Id, CancellationToken.None);
        plan.Select(p => p.TweetId).ShouldBe(expected, ignoreOrder: true);
        opened.BlockedDraftIds.ShouldBe([picturing]);
        (await Kit.DraftAsync(picturing))!.Status.ShouldBe(DraftStatus.Blocked);
        (await Kit.DraftAsync(unrelated))!.Status.ShouldBe(DraftStatus.Scheduled);
        Kit.Host.X.DeleteRequests.ShouldBe(0, "nothing is deleted before SLT confirm");

        // SLT are alerted at once, by pupil id and initials, never by name.
        var alert = (await Kit.Host.Webhook.WaitForAsync(1, TimeSpan.FromSeconds(10)))
            .Select(n => n.ToJsonString()).Where(j => j.Contains(opened.Id)).ShouldHaveSingleItem();
        alert.ShouldContain(pupil.Id);
        alert.ShouldNotContain(pupil.FirstName);
        alert.ShouldNotContain(pupil.LastName);

        // The held-back draft's submitter is told, in general words: neither the pupil nor the draft is on the card.
        var heldBack = (await Kit.Host.Webhook.WaitForAsync(2, TimeSpan.FromSeconds(10))).Select(n => n.ToJsonString())
            .Where(j => j.Contains(DraftOutcomeNotifier.HeldBack) && j.Contains(picturing)).ShouldHaveSingleItem();
        heldBack.ShouldContain("will not be posted");
        heldBack.ShouldNotContain(pupil.FirstName);
        heldBack.ShouldNotContain(pupil.LastName);
        heldBack.ShouldNotContain(pupil.Id);
        heldBack.ShouldNotContain("The choir raised");

        var confirmed = Reply.From(await Kit.CallAsync<ConfirmTakeDown>(
            DraftTestKit.Request("POST", $"/api/protection/{opened.Id}/confirmation", [], headers: DraftTestKit.Principal(Slt, "SLT")), ("id", opened.Id)));

        confirmed.Status.ShouldBe(200, confirmed.Body?.ToJsonString());
        confirmed.Body!["removed"]!.GetValue<int>().ShouldBe(expected.Count);
        confirmed.Body["notRemoved"]!.GetValue<int>().ShouldBe(0);
        var live = Kit.Host.X.LivePosts().Select(p => p.Id).ToHashSet();
        live.Overlaps(expected).ShouldBeFalse();
        live.IsSupersetOf(others).ShouldBeTrue("posts that neither picture nor name the pupil stay");
        Kit.Host.X.DeleteRequests.ShouldBe(expected.Count);

        var audit = await Kit.AuditAsync(opened.Id);
        audit.ShouldContain(e => e.Action == ProtectionAuditActions.Confirmed && e.Actor == Slt);
        audit.Count(e => e.Action == ProtectionAuditActions.PostRemoved).ShouldBe(expected.Count);
        var records = new List<PostRecord>();
        await foreach (var r in Kit.Get<IPostRecordStore>().ListLiveAsync(CancellationToken.None)) records.Add(r);
        records.Select(r => r.TweetId).ShouldNotContain(t => expected.Contains(t));
    }

    [Fact]
    public async Task Slt_marking_a_pupil_keeps_the_reason_in_the_audit_only_and_a_post_already_deleted_counts_as_removed()
    {
        var pupil = NewPupil();
        await AddToRosterAsync(Kit, pupil);
        var posts = new List<string>();
        for (var i = 1; i <= 3; i++) posts.Add((await SeedPostAsync(Kit, $"Forest school, session {i}.", DateTimeOffset.UtcNow.AddDays(-i * 7), [pupil.Id], "Pupils building a den")).Id);
        Kit.Host.X.DeleteOutsideApi(posts[1]);
        const string reason = "Court order: a new placement; the family must not be found.";

        var marked = await MarkAsync(pupil.Id, reason);

        marked.Status.ShouldBe(201, marked.Body?.ToJsonString());
        var caseId = marked.Str("id");
        marked.Body!["posts"]!.AsArray().Count.ShouldBe(3);
        marked.Body.ToJsonString().ShouldNotContain("Court order");
        var confirmed = await ConfirmAsync(caseId);
        confirmed.Body!["removed"]!.GetValue<int>().ShouldBe(2);
        confirmed.Body["alreadyGone"]!.GetValue<int>().ShouldBe(1);
        confirmed.Body["status"]!.GetValue<string>().ShouldBe("complete");

        (await Kit.AuditAsync(caseId)).ShouldContain(e => e.Action == ProtectionAuditActions.Opened && e.Detail!.Contains(reason));
        Kit.Host.Webhook.Received.Select(n => n.ToJsonString()).ShouldAllBe(j => !j.Contains("Court order"));
        Kit.Host.Logs.AllText.ShouldNotContain("Court order");
        var report = (await Kit.Host.Webhook.WaitForAsync(2, TimeSpan.FromSeconds(10))).Select(n => n.ToJsonString())
            .Where(j => j.Contains(TakeDownService.ReportKind) || j.Contains("Take-down finished")).ShouldHaveSingleItem();
        report.ShouldContain("3 posts gone");
    }

    [Fact]
    public async Task Marking_needs_a_reason_and_a_pupil_on_the_roster()
    {
        (await MarkAsync("P-nobody-" + Guid.NewGuid().ToString("N")[..6], "Left in a hurry.")).Status.ShouldBe(404);
        var pupil = NewPupil();
        await AddToRosterAsync(Kit, pupil);
        var blank = await MarkAsync(pupil.Id, " ");
        blank.Status.ShouldBe(400);
        blank.Str("detail").ShouldStartWith("reason:");
        (await MarkAsync(pupil.Id, new string('a', MarkPupilMustNotBeSeen.MaxReasonChars + 1))).Status.ShouldBe(400);
    }

    [Fact]
    public async Task A_429_midway_pauses_the_take_down_until_the_reset_and_the_continuation_resumes_without_deleting_twice()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var kit = await DraftTestKit.StartAsync(Azurite, time);
        var slt = await kit.NewSltMemberAsync();
        var pupil = NewPupil();
        await AddToRosterAsync(kit, pupil);
        var posts = new List<string>();
        for (var i = 1; i <= 6; i++) posts.Add((await SeedPostAsync(kit, $"Harvest festival, class {i}.", time.GetUtcNow().AddDays(-i), [pupil.Id], "Pupils with baskets")).Id);
        kit.Host.X.DeleteLimitPerWindow = 4;
        var caseId = (await kit.Get<ProtectionService>().MarkMustNotBeSeenAsync(pupil.Id, slt, "Safeguarding", CancellationToken.None))!.Case.Id;

        var (outcome, first) = await kit.Get<TakeDownService>().ConfirmAsync(caseId, slt, CancellationToken.None);

        outcome.ShouldBe(ConfirmOutcome.Confirmed);
        first!.Removed.ShouldBe(4);
        first.Pending.ShouldBe(2);
        first.Case.Status.ShouldBe(ProtectionCaseStatus.TakingDown);
        first.Case.PausedUntil.ShouldNotBeNull().ShouldBeGreaterThan(time.GetUtcNow());
        kit.Host.X.LivePosts().Count(p => posts.Contains(p.Id)).ShouldBe(2);

        // Before the reset a continuation leaves it alone; at the reset it carries on from the stored plan.
        (await kit.Get<TakeDownService>().RunAsync(caseId, CancellationToken.None))!.Pending.ShouldBe(2);
        time.Advance(TimeSpan.FromMinutes(16));
        await kit.Function<TakeDownContinuation>().Run($"{{\"caseId\":\"{caseId}\"}}", CancellationToken.None);

        var done = (await kit.Get<TakeDownService>().GetAsync(caseId, CancellationToken.None))!;
        done.Case.Status.ShouldBe(ProtectionCaseStatus.Complete);
        done.Removed.ShouldBe(6);
        kit.Host.X.LivePosts().ShouldNotContain(p => posts.Contains(p.Id));
        kit.Host.X.DeleteRequests.ShouldBe(7, "six deletes and the one X refused with 429: none repeated");
        (await kit.AuditAsync(caseId)).ShouldContain(e => e.Action == ProtectionAuditActions.Paused);
    }

    [Fact]
    public async Task A_second_confirmation_deletes_nothing_more_and_a_case_that_does_not_exist_is_404()
    {
        var pupil = NewPupil();
        await AddToRosterAsync(Kit, pupil);
        await SeedPostAsync(Kit, "Nativity rehearsal.", DateTimeOffset.UtcNow.AddDays(-2), [pupil.Id], "Pupils on the stage");
        var caseId = (await MarkAsync(pupil.Id, "Parent's request")).Str("id");

        (await ConfirmAsync(caseId)).Status.ShouldBe(200);
        (await ConfirmAsync(caseId)).Status.ShouldBe(200);

        Kit.Host.X.DeleteRequests.ShouldBe(1);
        (await ConfirmAsync("pc-" + Guid.NewGuid().ToString("N"))).Status.ShouldBe(404);
    }

    [Fact]
    public async Task A_new_draft_picturing_a_pupil_marked_must_not_be_seen_is_blocked_whatever_the_roster_says()
    {
        var pupil = NewPupil();
        await AddToRosterAsync(Kit, pupil);
        (await MarkAsync(pupil.Id, "Placement")).Status.ShouldBe(201);

        var id = (await Kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText("The band raised"), Slt, media: [PictureOf(pupil.Id)]))).Str("id");
        await Kit.RunCheckQueueAsync(id);

        var draft = (await Kit.DraftAsync(id))!;
        draft.Status.ShouldBe(DraftStatus.Blocked);
        draft.Verdict!.Findings.ShouldContain(f => f.Message.Contains(pupil.Id) && f.Message.Contains("photo consent"));
    }

    [Fact]
    public async Task A_malformed_continuation_is_dropped_and_one_for_an_unconfirmed_case_deletes_nothing()
    {
        await Kit.Function<TakeDownContinuation>().Run("not json", CancellationToken.None);
        var pupil = NewPupil();
        await AddToRosterAsync(Kit, pupil);
        await SeedPostAsync(Kit, "Book week.", DateTimeOffset.UtcNow.AddDays(-1), [pupil.Id], "Pupils in costumes");
        var caseId = (await MarkAsync(pupil.Id, "Parent's request")).Str("id");

        await Kit.Function<TakeDownContinuation>().Run($"{{\"caseId\":\"{caseId}\"}}", CancellationToken.None);

        Kit.Host.X.DeleteRequests.ShouldBe(0, "only a confirmed case is taken down");
        Kit.Host.Logs.AllText.ShouldContain("Malformed take-down continuation dropped");
    }

    [Fact]
    public async Task A_continuation_that_failed_every_delivery_tells_slt_which_posts_are_still_on_x()
    {
        var pupil = NewPupil();
        await AddToRosterAsync(Kit, pupil);
        var post = await SeedPostAsync(Kit, "Harvest festival.", DateTimeOffset.UtcNow.AddDays(-2), [pupil.Id], "Pupils with baskets");
        var caseId = (await MarkAsync(pupil.Id, "Placement")).Str("id");
        var before = Kit.Host.Webhook.Received.Count;

        await Kit.Function<TakeDownContinuationPoison>().Run($"{{\"caseId\":\"{caseId}\"}}", CancellationToken.None);

        var card = (await Kit.Host.Webhook.WaitForAsync(before + 1, TimeSpan.FromSeconds(10))).Skip(before)
            .Single(n => n["kind"]!.GetValue<string>() == TakeDownService.StalledKind);
        card["sltChannel"]!.GetValue<bool>().ShouldBeTrue();
        card.ToJsonString().ShouldContain(post.Id);
        card.ToJsonString().ShouldNotContain("Placement");
        (await Kit.AuditAsync(caseId)).ShouldContain(e => e.Action == ProtectionAuditActions.Stalled);
        Kit.Host.X.DeleteRequests.ShouldBe(0, "a poisoned message deletes nothing by itself");
    }

    [Fact]
    public async Task An_alert_the_slt_channel_refused_is_sent_again_by_the_timer_once_and_then_no_more()
    {
        var pupil = NewPupil();
        await AddToRosterAsync(Kit, pupil);
        await SeedPostAsync(Kit, "Sports day relay.", DateTimeOffset.UtcNow.AddDays(-3), [pupil.Id], "Pupils running");
        var cases = Kit.Get<IProtectionCaseStore>();
        Kit.Host.Webhook.FailNext(1, status: 400); // a refusal: the notifier does not retry it itself

        var marked = await MarkAsync(pupil.Id, "Family request.");

        marked.Status.ShouldBe(201, marked.Body?.ToJsonString());
        var caseId = marked.Str("id");
        (await cases.GetAsync(caseId, CancellationToken.None))!.AlertPendingSince.ShouldNotBeNull();
        (await Kit.AuditAsync(caseId)).ShouldContain(e => e.Action == ProtectionAuditActions.AlertFailed);
        Kit.Host.Webhook.Received.ShouldNotContain(n => n.ToJsonString().Contains(caseId));

        await Kit.Function<RetryProtectionAlerts>().Run(new TimerInfo(), CancellationToken.None);

        var alert = (await Kit.Host.Webhook.WaitForAsync(1, TimeSpan.FromSeconds(10))).Select(n => n.ToJsonString())
            .Where(j => j.Contains(caseId)).ShouldHaveSingleItem();
        alert.ShouldContain("Safeguarding: 1 post pictures or names a pupil who must no longer be seen");
        alert.ShouldNotContain("Family request");
        (await cases.GetAsync(caseId, CancellationToken.None))!.AlertPendingSince.ShouldBeNull();

        await Kit.Function<RetryProtectionAlerts>().Run(new TimerInfo(), CancellationToken.None);
        Kit.Host.Webhook.Received.Count(n => n.ToJsonString().Contains(caseId)).ShouldBe(1, "a delivered alert is not sent again");
    }

    [Fact]
    public async Task A_delivered_alert_leaves_nothing_pending()
    {
        var pupil = NewPupil();
        await AddToRosterAsync(Kit, pupil);

        var marked = await MarkAsync(pupil.Id, "Family request.");

        marked.Status.ShouldBe(201, marked.Body?.ToJsonString());
        (await Kit.Get<IProtectionCaseStore>().GetAsync(marked.Str("id"), CancellationToken.None))!.AlertPendingSince.ShouldBeNull();
    }

    private async Task<Reply> MarkAsync(string pupilId, string reason) =>
        Reply.From(await Kit.CallAsync<MarkPupilMustNotBeSeen>(DraftTestKit.Request("POST", $"/api/pupils/{pupilId}/protection",
            Encoding.UTF8.GetBytes(new JsonObject { ["reason"] = reason }.ToJsonString()), headers: DraftTestKit.Principal(Slt, "SLT")), ("id", pupilId)));

    private async Task<Reply> ConfirmAsync(string caseId) =>
        Reply.From(await Kit.CallAsync<ConfirmTakeDown>(DraftTestKit.Request("POST", $"/api/protection/{caseId}/confirmation", [],
            headers: DraftTestKit.Principal(Slt, "SLT")), ("id", caseId)));
}
