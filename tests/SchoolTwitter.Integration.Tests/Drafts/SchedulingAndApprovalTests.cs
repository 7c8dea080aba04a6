using Microsoft.Extensions.Time.Testing;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Core.Roster;
using SchoolTwitter.Functions.Drafts;
using SchoolTwitter.Testing.Azurite;

namespace SchoolTwitter.Integration.Tests.Drafts;

/// <summary>Scheduled drafts wait for their time; drafts with warnings wait for a second SLT member (four eyes).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SchedulingAndApprovalTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private DraftTestKit _kit = null!;
    private string _head = null!;
    private string _deputy = null!;

    public async Task InitializeAsync()
    {
        _kit = await DraftTestKit.StartAsync(azurite, _time);
        _head = await _kit.NewSltMemberAsync("head");
        _deputy = await _kit.NewSltMemberAsync("deputy");
    }

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    private Task PublishAsync(string id) => _kit.Function<PublishDraft>().Run(new DraftMessage(id).Serialize(), CancellationToken.None);

    [Fact]
    public async Task Scheduled_draft_waits_hidden_until_its_time_then_posts()
    {
        var due = _time.GetUtcNow().AddHours(3);
        var id = (await _kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), _head, scheduledFor: due))).Str("id");

        await _kit.RunCheckQueueAsync(id);
        (await _kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.Scheduled);
        (await _kit.VisibleMessagesAsync(QueueNames.DraftsToPublish, id)).ShouldBe(0, "the publish message is hidden until the time");

        // An early (re)delivery does not post.
        await PublishAsync(id);
        _kit.Host.X.Posts.ShouldBeEmpty();
        (await _kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.Scheduled);

        _time.Advance(TimeSpan.FromHours(3));
        await PublishAsync(id);
        _kit.Host.X.Posts.ShouldHaveSingleItem();
        (await _kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.Published);
    }

    [Fact]
    public async Task A_draft_scheduled_weeks_ahead_is_checked_again_at_its_time_and_a_withdrawn_consent_blocks_it_and_tells_slt()
    {
        var roster = _kit.Get<IPupilRosterStore>();
        await roster.ReplaceAsync(new PupilRoster([new Pupil("C7001", "Peregrine", "Ashdown", true)]), CancellationToken.None);
        var photo = DraftTestKit.Image(TestImages.Png(), "relay.png", "The Year 4 relay team on the field");
        photo["noPupilsPictured"] = false;
        photo["pupilsPictured"] = new System.Text.Json.Nodes.JsonArray("C7001");
        var due = _time.GetUtcNow().AddDays(21);
        var id = (await _kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), _head, media: [photo], scheduledFor: due))).Str("id");
        await _kit.RunCheckQueueAsync(id);
        (await _kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.Scheduled);

        // A parent withdraws photo consent in the weeks before the post is due.
        await roster.ReplaceAsync(new PupilRoster([new Pupil("C7001", "Peregrine", "Ashdown", false)]), CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(21));
        await PublishAsync(id);

        _kit.Host.X.Posts.ShouldBeEmpty();
        var draft = (await _kit.DraftAsync(id))!;
        draft.Status.ShouldBe(DraftStatus.Blocked);
        draft.Verdict!.Findings.ShouldContain(f => f.Rule == Core.CodeOfConduct.RuleIds.PhotoConsent && f.Message.Contains("C7001"));
        (await _kit.AuditAsync(id)).ShouldContain(e => e.Action == DraftAuditActions.BlockedAtPublish);
        // One card, to the submitter and the SLT channel both.
        var cards = await _kit.Host.Webhook.WaitForAsync(1, TimeSpan.FromSeconds(10));
        cards.ShouldContain(c => c["sltChannel"]!.GetValue<bool>() && c["subject"]!.GetValue<string>() == id && c["kind"]!.GetValue<string>() == DraftOutcomeNotifier.Blocked);
        await _kit.Get<IPupilRosterStore>().ReplaceAsync(DraftTestKit.StandInRoster, CancellationToken.None);
    }

    [Fact]
    public void Dates_beyond_the_queues_seven_day_limit_hop()
    {
        var scheduler = _kit.Get<DraftScheduler>();
        scheduler.DelayUntil(_time.GetUtcNow().AddDays(30))!.Value.ShouldBeLessThanOrEqualTo(TimeSpan.FromDays(7));
        scheduler.DelayUntil(_time.GetUtcNow().AddHours(2))!.Value.ShouldBe(TimeSpan.FromHours(2));
        scheduler.DelayUntil(_time.GetUtcNow().AddMinutes(-5)).ShouldBeNull();
        scheduler.DelayUntil(null).ShouldBeNull();
    }

    [Fact]
    public async Task Draft_thirty_days_ahead_is_not_posted_by_an_intermediate_hop()
    {
        var id = (await _kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), _head, scheduledFor: _time.GetUtcNow().AddDays(30)))).Str("id");
        await _kit.RunCheckQueueAsync(id);

        _time.Advance(TimeSpan.FromDays(7)); // the first hop becomes visible
        await PublishAsync(id);
        _kit.Host.X.Posts.ShouldBeEmpty();

        _time.Advance(TimeSpan.FromDays(23));
        await PublishAsync(id);
        _kit.Host.X.Posts.ShouldHaveSingleItem();
    }

    private Task<string> DraftAwaitingApprovalAsync() => _kit.AwaitingApprovalAsync(_head);

    [Fact]
    public async Task Draft_with_warnings_waits_for_a_second_slt_member_and_is_not_posted_meanwhile()
    {
        var id = await DraftAwaitingApprovalAsync();

        (await _kit.VisibleMessagesAsync(QueueNames.DraftsToPublish, id)).ShouldBe(0);
        await PublishAsync(id); // a stray message must not publish an unapproved draft
        _kit.Host.X.Posts.ShouldBeEmpty();
        (await _kit.GetAsync(id)).Str("status").ShouldBe("awaiting-approval");
    }

    [Fact]
    public async Task Submitter_cannot_approve_their_own_draft()
    {
        var id = await DraftAwaitingApprovalAsync();

        var reply = await _kit.ApproveAsync(id, _head);

        reply.Status.ShouldBe(403);
        reply.Body!["detail"]!.GetValue<string>().ShouldContain("Four eyes");
        (await _kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.AwaitingApproval);
        (await _kit.AuditAsync(id)).ShouldContain(e => e.Action == DraftAuditActions.ApprovalRefused && e.Actor == _head);
    }

    [Fact]
    public async Task Submitter_signed_in_through_easy_auth_cannot_approve_their_own_draft_either()
    {
        var id = await DraftAwaitingApprovalAsync();
        var reply = await _kit.ApproveAsync(id, approvedBy: null, DraftTestKit.Principal(_head, "SLT"));
        reply.Status.ShouldBe(403);
    }

    [Fact]
    public async Task Someone_outside_slt_cannot_approve()
    {
        var id = await DraftAwaitingApprovalAsync();
        var reply = await _kit.ApproveAsync(id, $"parent-{Guid.NewGuid():N}@example.com");
        reply.Status.ShouldBe(403);
        (await _kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.AwaitingApproval);
    }

    [Fact]
    public async Task Second_slt_member_approves_and_the_draft_is_published()
    {
        var id = await DraftAwaitingApprovalAsync();

        var reply = await _kit.ApproveAsync(id, _deputy);

        reply.Status.ShouldBe(200);
        reply.Str("status").ShouldBe("scheduled");
        reply.Str("approvedBy").ShouldBe(_deputy);
        (await _kit.RunPublishQueueAsync(id)).ShouldBe(1);
        (await _kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.Published);
        (await _kit.AuditAsync(id)).ShouldContain(e => e.Action == DraftAuditActions.Approved && e.Actor == _deputy);
    }

    [Fact]
    public async Task Blocked_draft_can_never_be_approved()
    {
        var json = DraftTestKit.DraftJson(DraftTestKit.UniqueText(), _head);
        json["inReplyToTweetId"] = "1234567890";
        var id = (await _kit.SubmitAsync(json)).Str("id");
        await _kit.RunCheckQueueAsync(id);

        var reply = await _kit.ApproveAsync(id, _deputy);

        reply.Status.ShouldBe(409);
        (await _kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.Blocked);
    }

    [Fact]
    public async Task Approving_twice_sends_the_publish_message_again_but_never_posts_twice()
    {
        var id = await DraftAwaitingApprovalAsync();
        (await _kit.ApproveAsync(id, _deputy)).Status.ShouldBe(200);
        (await _kit.ApproveAsync(id, _deputy)).Status.ShouldBe(200);

        (await _kit.RunPublishQueueAsync(id)).ShouldBe(2);
        _kit.Host.X.Posts.ShouldHaveSingleItem();
        (await _kit.ApproveAsync(id, _deputy)).Status.ShouldBe(409, "published: nothing left to approve");
    }
}
