using System.Text.Json.Nodes;
using SchoolTwitter.Application.ContentSafety;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Integration.Tests.Drafts;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.FakeAzureAi;

namespace SchoolTwitter.Integration.Tests.ContentSafety;

/// <summary>
/// An outage of the second check is told to SLT once, not once per draft: the status row on Azurite, the fake Azure AI server
/// failing, the fake webhook as the SLT channel.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SecondCheckOutageTests(AzuriteFixture azurite) : SecondCheckKitTests(azurite)
{
    protected override TimeSpan SlowReplyDelay => TimeSpan.FromSeconds(3);

    /// <summary>The outage cards the SLT channel received, in order.</summary>
    private List<JsonNode> OutageCards() =>
        [.. Kit.Host.Webhook.Received.Where(b => b["kind"]!.GetValue<string>().StartsWith("second-check.", StringComparison.Ordinal))];

    private List<string> OutageKinds() => [.. OutageCards().Select(b => b["kind"]!.GetValue<string>())];

    private static string Fact(JsonNode card, string title) =>
        card["facts"]!.AsArray().Single(f => f!["title"]!.GetValue<string>() == title)!["value"]!.GetValue<string>();

    private async Task<DraftRecord> CheckAsync()
    {
        var id = (await Kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), Head))).Str("id");
        await Kit.RunCheckQueueAsync(id);
        return (await Kit.DraftAsync(id))!;
    }

    [Theory]
    [InlineData(FakeAiFault.ServerError, "answered 500")]
    [InlineData(FakeAiFault.Unauthorized, "(401)")]
    [InlineData(FakeAiFault.SlowReply, "did not answer in time")]
    public async Task Many_drafts_during_an_outage_alert_once(FakeAiFault fault, string reason)
    {
        Ai.InjectFault(FakeAzureAiServer.TextAnalyze, fault, times: 1000);

        for (var i = 0; i < 3; i++)
        {
            var draft = await CheckAsync();
            draft.Status.ShouldBe(DraftStatus.AwaitingApproval);
            draft.Verdict!.Findings.ShouldContain(f => f.Message.StartsWith("The second check could not run", StringComparison.Ordinal));
        }

        var card = OutageCards().ShouldHaveSingleItem();
        card["kind"]!.GetValue<string>().ShouldBe(SecondCheckNotifications.OutageKind);
        card["sltChannel"]!.GetValue<bool>().ShouldBeTrue();
        Fact(card, "What went wrong").ShouldContain(reason);
    }

    [Fact]
    public async Task Recovery_is_told_once_and_a_new_outage_is_alerted_again()
    {
        Ai.InjectFault(FakeAzureAiServer.TextAnalyze, FakeAiFault.ServerError, times: 1000);
        await CheckAsync();
        await CheckAsync();
        OutageKinds().ShouldBe([SecondCheckNotifications.OutageKind]);

        Ai.ClearFaults();
        (await CheckAsync()).Status.ShouldBe(DraftStatus.Scheduled);
        (await CheckAsync()).Status.ShouldBe(DraftStatus.Scheduled);
        OutageKinds().ShouldBe([SecondCheckNotifications.OutageKind, SecondCheckNotifications.RestoredKind]);

        Ai.InjectFault(FakeAzureAiServer.TextAnalyze, FakeAiFault.Forbidden, times: 1000);
        (await CheckAsync()).Status.ShouldBe(DraftStatus.AwaitingApproval);
        (await CheckAsync()).Status.ShouldBe(DraftStatus.AwaitingApproval);
        OutageKinds().ShouldBe([SecondCheckNotifications.OutageKind, SecondCheckNotifications.RestoredKind, SecondCheckNotifications.OutageKind]);
        Fact(OutageCards()[^1], "What went wrong").ShouldContain("Cognitive Services User");
    }

    [Fact]
    public async Task Of_many_checks_failing_at_once_exactly_one_tells_slt()
    {
        var outage = Kit.Get<SecondCheckOutage>();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => outage.FailedAsync("Azure AI text analysis answered 503", CancellationToken.None))));
        OutageKinds().ShouldBe([SecondCheckNotifications.OutageKind]);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => outage.AnsweredAsync(CancellationToken.None))));
        OutageKinds().ShouldBe([SecondCheckNotifications.OutageKind, SecondCheckNotifications.RestoredKind]);
    }

    [Fact]
    public async Task An_alert_the_channel_did_not_hear_is_sent_with_the_next_failure()
    {
        var outage = Kit.Get<SecondCheckOutage>();
        Kit.Host.Webhook.FailNext(100);
        await outage.FailedAsync("Azure AI text analysis answered 500", CancellationToken.None);
        OutageCards().ShouldBeEmpty();

        Kit.Host.Webhook.FailNext(0);
        await outage.FailedAsync("Azure AI text analysis answered 500", CancellationToken.None);
        await outage.FailedAsync("Azure AI text analysis answered 500", CancellationToken.None);
        OutageKinds().ShouldBe([SecondCheckNotifications.OutageKind]);
    }

    [Fact]
    public async Task The_service_answering_without_an_outage_tells_nobody()
    {
        (await CheckAsync()).Status.ShouldBe(DraftStatus.Scheduled);
        await Kit.Get<SecondCheckOutage>().AnsweredAsync(CancellationToken.None);
        OutageCards().ShouldBeEmpty();
    }
}
