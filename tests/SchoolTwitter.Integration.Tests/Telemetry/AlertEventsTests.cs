using System.Text.RegularExpressions;
using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.ApplicationInsights;
using Microsoft.Extensions.Options;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Application.Telemetry;
using SchoolTwitter.Functions.Drafts;
using SchoolTwitter.Integration.Tests.Drafts;
using SchoolTwitter.Testing;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.FakeX;

namespace SchoolTwitter.Integration.Tests.Telemetry;

/// <summary>
/// The alert rules in infra/ query Application Insights traces by customDimensions.EventName: the app must log those
/// exact names where the trouble happens, and the names must be the ones the Bicep lists.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class AlertEventsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly EventCapturingLoggerProvider _events = new();
    private DraftTestKit _kit = null!;
    private string _slt = null!;

    public async Task InitializeAsync()
    {
        _kit = await DraftTestKit.StartAsync(azurite, services: services => services.AddLogging(b => b.AddProvider(_events)));
        _slt = await _kit.NewSltMemberAsync();
    }

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    private IEnumerable<LoggedEvent> Logged(EventId alert, string draftId) =>
        _events.Events.Where(e => e.EventId.Id == alert.Id && e.EventId.Name == alert.Name && e.Value("DraftId") == draftId);

    [Fact]
    public void Event_names_are_exactly_those_infra_main_bicep_alerts_on()
    {
        var bicep = File.ReadAllText(Path.Combine(RepoRoot.Find(), "infra", "main.bicep"));
        var block = AlertEventsBlock().Match(bicep);
        block.Success.ShouldBeTrue("infra/main.bicep declares var alertEvents = { ... }");
        var names = QuotedName().Matches(block.Groups[1].Value).Select(m => m.Groups[1].Value).ToList();

        names.ShouldBe(AlertEvents.All.Select(e => e.Name!), ignoreOrder: true);
        AlertEvents.All.Select(e => e.Id).ShouldBeUnique();
        AlertEvents.All.ShouldAllBe(e => e.Id != 0);
    }

    [Fact]
    public async Task A_poisoned_check_message_logs_QueueMessagePoisoned_and_DraftPublishFailed()
    {
        var id = (await _kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), _slt))).Str("id");

        await _kit.Function<CheckDraftPoison>().Run(new DraftMessage(id).Serialize(), CancellationToken.None);

        var poisoned = Logged(AlertEvents.QueueMessagePoisoned, id).ShouldHaveSingleItem();
        poisoned.Level.ShouldBe(LogLevel.Error);
        poisoned.EventId.Name.ShouldBe("QueueMessagePoisoned");
        poisoned.Value("Queue").ShouldBe("drafts-to-check");
        Logged(AlertEvents.DraftPublishFailed, id).ShouldHaveSingleItem().Value("Reason").ShouldNotBeNull().ShouldContain("drafts-to-check");
        (await _kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.Failed);
    }

    [Fact]
    public async Task A_poisoned_message_naming_no_draft_still_logs_QueueMessagePoisoned()
    {
        await _kit.Function<PublishDraftPoison>().Run("not a draft message " + Guid.NewGuid(), CancellationToken.None);

        _events.Events.ShouldContain(e => e.EventId.Name == AlertEvents.Names.QueueMessagePoisoned && e.Value("Queue") == "drafts-to-publish");
    }

    [Fact]
    public async Task A_publish_whose_outcome_is_unknown_and_not_on_the_timeline_logs_DraftNeedsReconciliation_once()
    {
        var id = (await _kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), _slt))).Str("id");
        await _kit.RunCheckQueueAsync(id);
        (await _kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.Scheduled);
        _kit.Host.X.InjectFault("POST", "/2/tweets", FakeFault.ServerError500);

        await _kit.Function<PublishDraft>().Run(new DraftMessage(id).Serialize(), CancellationToken.None);
        await _kit.Function<PublishDraft>().Run(new DraftMessage(id).Serialize(), CancellationToken.None);

        (await _kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.NeedsReconciliation);
        var logged = Logged(AlertEvents.DraftNeedsReconciliation, id).ShouldHaveSingleItem("alerted once, not on every redelivery");
        logged.EventId.Name.ShouldBe("DraftNeedsReconciliation");
        Logged(AlertEvents.DraftPublishFailed, id).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_draft_refused_at_publish_time_logs_DraftPublishFailed()
    {
        var id = (await _kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), _slt))).Str("id");
        await _kit.RunCheckQueueAsync(id);
        // Its text changed after the check: the publisher refuses it and marks it failed.
        var checkedDraft = (await _kit.DraftAsync(id))!;
        (await _kit.Get<IDraftStore>().TryReplaceAsync(checkedDraft with { Text = checkedDraft.Text + " Changed later." }, CancellationToken.None)).ShouldNotBeNull();

        await _kit.Function<PublishDraft>().Run(new DraftMessage(id).Serialize(), CancellationToken.None);

        (await _kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.Failed);
        Logged(AlertEvents.DraftPublishFailed, id).ShouldHaveSingleItem().Level.ShouldBe(LogLevel.Error);
    }

    [Fact]
    public void The_application_insights_logger_writes_the_event_name_into_the_trace_custom_dimensions()
    {
        // The alert queries read customDimensions.EventName; the worker's Application Insights logger sets it without an option.
        var channel = new CapturingChannel();
        using var configuration = new TelemetryConfiguration { TelemetryChannel = channel, ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000" };
        using var provider = new ApplicationInsightsLoggerProvider(Options.Create(configuration), Options.Create(new ApplicationInsightsLoggerOptions()));
        var logger = provider.CreateLogger("SchoolTwitter.Application.Drafts.DraftPublishService");

        logger.LogDraftPublishFailed("d1", "X refused the post (400)");
        logger.LogRotationCycleOverdue("2026-27-autumn", 14);

        var traces = channel.Sent.OfType<TraceTelemetry>().ToList();
        traces.Count.ShouldBe(2);
        traces[0].Properties["EventName"].ShouldBe(AlertEvents.Names.DraftPublishFailed);
        traces[0].Properties["EventId"].ShouldBe(AlertEvents.Ids.DraftPublishFailed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        traces[0].Properties["DraftId"].ShouldBe("d1");
        traces[1].Properties["EventName"].ShouldBe(AlertEvents.Names.RotationCycleOverdue);
        traces[1].SeverityLevel.ShouldBe(SeverityLevel.Warning);
    }

    [GeneratedRegex(@"var alertEvents = \{(.*?)\n\}", RegexOptions.Singleline)]
    private static partial Regex AlertEventsBlock();

    [GeneratedRegex(@"'([A-Za-z]+)'")]
    private static partial Regex QuotedName();

    private sealed class CapturingChannel : ITelemetryChannel
    {
        public List<ITelemetry> Sent { get; } = [];

        public bool? DeveloperMode { get; set; }

        public string? EndpointAddress { get; set; }

        public void Send(ITelemetry item) => Sent.Add(item);

        public void Flush()
        {
        }

        public void Dispose()
        {
        }
    }
}
