using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Application.Messaging;
using SchoolTwitter.Application.Telemetry;
using SchoolTwitter.Functions.Drafts;
using SchoolTwitter.Infrastructure.Messaging;
using SchoolTwitter.Integration.Tests.Telemetry;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.FakeX;

namespace SchoolTwitter.Integration.Tests.Drafts;

/// <summary>
/// A failure after a draft moved on (the publish message not sent, the SLT channel not told) never leaves it waiting for
/// ever: a repeat approval sends the message again, and the sweep finds what is missing and sends it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DraftSweepTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly EventCapturingLoggerProvider _events = new();
    private DraftTestKit _kit = null!;
    private FailingQueue _queue = null!;
    private string _head = null!;
    private string _deputy = null!;

    public async Task InitializeAsync()
    {
        _kit = await DraftTestKit.StartAsync(azurite, pipeline: p => p.SweepGrace = TimeSpan.Zero, services: services =>
        {
            services.AddLogging(b => b.AddProvider(_events));
            services.AddSingleton(sp => new FailingQueue(ActivatorUtilities.CreateInstance<StorageMessageQueue>(sp)));
            services.Replace(ServiceDescriptor.Singleton<IMessageQueue>(sp => sp.GetRequiredService<FailingQueue>()));
        });
        _queue = _kit.Get<FailingQueue>();
        _head = await _kit.NewSltMemberAsync("head");
        _deputy = await _kit.NewSltMemberAsync("deputy");
    }

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    private Task<string> AwaitingApprovalAsync() => _kit.AwaitingApprovalAsync(_head);

    /// <summary>Approves while the queue refuses the publish message: the approval fails after the draft was scheduled.</summary>
    private async Task<string> ApprovedWithoutAPublishMessageAsync()
    {
        var id = await AwaitingApprovalAsync();
        _queue.FailNextPublishSends = 1;
        await Should.ThrowAsync<IOException>(() => _kit.ApproveAsync(id, _deputy));
        var draft = (await _kit.DraftAsync(id))!;
        draft.Status.ShouldBe(DraftStatus.Scheduled);
        draft.PublishQueuedAt.ShouldBeNull();
        (await _kit.RunPublishQueueAsync(id)).ShouldBe(0, "no publish message was sent");
        return id;
    }

    private Task<DraftSweepResult> SweepAsync() => _kit.Get<DraftSweepService>().RunAsync(CancellationToken.None);

    private int SltChannelCardsAbout(string id, string kind) =>
        _kit.Host.Webhook.Received.Count(n => n["sltChannel"]!.GetValue<bool>() && n["subject"]?.GetValue<string>() == id && n["kind"]!.GetValue<string>() == kind);

    [Fact]
    public async Task Repeating_an_approval_whose_publish_message_was_lost_sends_it_again_and_the_draft_posts_once()
    {
        var id = await ApprovedWithoutAPublishMessageAsync();

        var again = await _kit.ApproveAsync(id, _deputy);

        again.Status.ShouldBe(200, again.Body?.ToJsonString());
        again.Str("status").ShouldBe("scheduled");
        (await _kit.RunPublishQueueAsync(id)).ShouldBe(1);
        _kit.Host.X.Posts.ShouldHaveSingleItem();
        (await _kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.Published);
        (await _kit.AuditAsync(id)).ShouldContain(e => e.Action == DraftAuditActions.PublishResent);
    }

    [Fact]
    public async Task The_sweep_sends_the_publish_message_an_approval_failed_to_send()
    {
        var id = await ApprovedWithoutAPublishMessageAsync();

        (await SweepAsync()).PublishMessagesSent.ShouldBeGreaterThanOrEqualTo(1);

        (await _kit.RunPublishQueueAsync(id)).ShouldBe(1);
        _kit.Host.X.Posts.ShouldHaveSingleItem();
        (await _kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.Published);
    }

    [Fact]
    public async Task The_sweep_leaves_a_scheduled_draft_whose_message_is_on_its_way_alone()
    {
        var id = (await _kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), _head, scheduledFor: DateTimeOffset.UtcNow.AddHours(2)))).Str("id");
        await _kit.RunCheckQueueAsync(id);
        (await _kit.DraftAsync(id))!.PublishQueuedAt.ShouldNotBeNull();
        var sent = _queue.PublishSends;

        await SweepAsync();

        _queue.PublishSendsFor(id).ShouldBe(1, "only the check's own message");
        _queue.PublishSends.ShouldBeGreaterThanOrEqualTo(sent);
    }

    [Fact]
    public async Task An_approval_request_the_webhook_could_not_take_is_alerted_and_sent_by_the_sweep_once()
    {
        _kit.Host.Webhook.FailNext(int.MaxValue, 503);
        var id = await AwaitingApprovalAsync();
        (await _kit.DraftAsync(id))!.ApprovalRequestedAt.ShouldBeNull();
        _events.Events.ShouldContain(e => e.EventId.Name == AlertEvents.Names.DraftNotificationFailed && e.Value("DraftId") == id);

        _kit.Host.Webhook.FailNext(0);
        await SweepAsync();
        await SweepAsync();

        SltChannelCardsAbout(id, DraftOutcomeNotifier.AwaitingApproval).ShouldBe(1);
        (await _kit.DraftAsync(id))!.ApprovalRequestedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_reconciliation_alert_the_webhook_could_not_take_is_sent_again_through_the_sweep()
    {
        var id = (await _kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), _head))).Str("id");
        await _kit.RunCheckQueueAsync(id);
        _kit.Host.X.InjectFault("POST", "/2/tweets", FakeFault.ServerError500);
        _kit.Host.Webhook.FailNext(int.MaxValue, 503);
        await _kit.RunPublishQueueAsync(id);
        var unsure = (await _kit.DraftAsync(id))!;
        unsure.Status.ShouldBe(DraftStatus.NeedsReconciliation);
        unsure.SltAlertedAt.ShouldBeNull("the SLT channel never heard");

        _kit.Host.Webhook.FailNext(0);
        await SweepAsync();
        await _kit.RunPublishQueueAsync(id);

        (await _kit.DraftAsync(id))!.SltAlertedAt.ShouldNotBeNull();
        SltChannelCardsAbout(id, DraftOutcomeNotifier.NeedsReconciliation).ShouldBe(1);
        _kit.Host.X.Posts.ShouldBeEmpty();
    }

    /// <summary>The storage queue, refusing the next drafts-to-publish sends on request (a storage outage).</summary>
    internal sealed class FailingQueue(IMessageQueue inner) : IMessageQueue
    {
        private readonly List<string> _publishSends = [];

        public int FailNextPublishSends { get; set; }

        public int PublishSends { get { lock (_publishSends) return _publishSends.Count; } }

        public int PublishSendsFor(string draftId)
        {
            lock (_publishSends) return _publishSends.Count(m => DraftMessage.TryParse(m)?.DraftId == draftId);
        }

        public Task SendAsync(string queueName, string message, TimeSpan? visibleAfter, CancellationToken ct)
        {
            if (queueName == Application.QueueNames.DraftsToPublish)
            {
                lock (_publishSends)
                {
                    if (FailNextPublishSends > 0)
                    {
                        FailNextPublishSends--;
                        throw new IOException("The storage queue is unavailable.");
                    }
                    _publishSends.Add(message);
                }
            }
            return inner.SendAsync(queueName, message, visibleAfter, ct);
        }
    }
}
