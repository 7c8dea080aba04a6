using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Application.Telemetry;
using SchoolTwitter.Integration.Tests.ContentSafety;
using SchoolTwitter.Integration.Tests.Drafts;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.FakeAzureAi;

namespace SchoolTwitter.Integration.Tests.Telemetry;

/// <summary>
/// The second-check-down alert rule (infra/modules/monitoring.bicep) looks for SecondCheckDown: logged once per outage, so
/// council IT hear of it by e-mail even when the SLT channel is down as well.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SecondCheckDownEventTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly EventCapturingLoggerProvider _events = new();
    private FakeAzureAiServer _ai = null!;
    private DraftTestKit _kit = null!;
    private string _head = "";

    public async Task InitializeAsync()
    {
        _ai = await FakeAzureAiServer.StartAsync();
        _kit = await SecondCheckHosts.DraftKitAsync(azurite, _ai, services: s => s.AddLogging(b => b.AddProvider(_events)));
        _head = await _kit.NewSltMemberAsync("head");
    }

    public async Task DisposeAsync()
    {
        await _kit.DisposeAsync();
        await _ai.DisposeAsync();
    }

    private List<LoggedEvent> Down() =>
        [.. _events.Events.Where(e => e.EventId.Id == AlertEvents.SecondCheckDown.Id && e.EventId.Name == AlertEvents.Names.SecondCheckDown)];

    private async Task<DraftRecord> CheckAsync(string text)
    {
        var id = (await _kit.SubmitAsync(DraftTestKit.DraftJson(text, _head))).Str("id");
        await _kit.RunCheckQueueAsync(id);
        return (await _kit.DraftAsync(id))!;
    }

    [Fact]
    public async Task An_outage_logs_SecondCheckDown_once_naming_the_failure_and_never_the_draft()
    {
        _ai.InjectFault(FakeAzureAiServer.TextAnalyze, FakeAiFault.ServerError, times: 1000);
        var texts = Enumerable.Range(0, 3).Select(_ => DraftTestKit.UniqueText()).ToList();
        foreach (var text in texts) (await CheckAsync(text)).Status.ShouldBe(DraftStatus.AwaitingApproval);

        var down = Down().ShouldHaveSingleItem();
        down.Level.ShouldBe(LogLevel.Error);
        down.Value("Reason").ShouldNotBeNull().ShouldContain("answered 500");
        down.Value("Service").ShouldBe(new Uri(_ai.Endpoint).Authority.ToLowerInvariant());
        down.Value("DownSince").ShouldNotBeNullOrEmpty();
        foreach (var text in texts) down.Message.ShouldNotContain(text);
    }

    [Fact]
    public async Task A_new_outage_after_the_service_answered_logs_SecondCheckDown_again()
    {
        _ai.InjectFault(FakeAzureAiServer.TextAnalyze, FakeAiFault.ServerError, times: 1000);
        await CheckAsync(DraftTestKit.UniqueText());
        _ai.ClearFaults();
        (await CheckAsync(DraftTestKit.UniqueText())).Status.ShouldBe(DraftStatus.Scheduled);
        Down().Count.ShouldBe(1);

        _ai.InjectFault(FakeAzureAiServer.TextAnalyze, FakeAiFault.Forbidden, times: 1000);
        await CheckAsync(DraftTestKit.UniqueText());
        await CheckAsync(DraftTestKit.UniqueText());
        Down().Count.ShouldBe(2);
        Down()[^1].Value("Reason").ShouldNotBeNull().ShouldContain("Cognitive Services User");
    }
}
