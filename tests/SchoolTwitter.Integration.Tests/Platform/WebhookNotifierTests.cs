using System.Text.Json.Nodes;
using SchoolTwitter.Application.Notifications;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.TestHost;

namespace SchoolTwitter.Integration.Tests.Platform;

[Collection(AzuriteCollection.Name)]
public sealed class WebhookNotifierTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private SchoolTwitterTestHost _host = null!;

    private static readonly Notification Published = new(
        "draft.published",
        "Your post about sports day is on X",
        [new("Submitted by", "teacher@school.example"), new("Posted", "Tuesday 1 December 2026 at 09:30")],
        Recipient: "teacher@school.example",
        Link: "https://x.com/school/status/1",
        Text: "It passed the code of conduct and was posted.")
    {
        Buttons = [new("See the tweet", Url: "https://x.com/school/status/1")],
        Subject = "d-123",
    };

    public async Task InitializeAsync() => _host = await SchoolTwitterTestHost.StartAsync(azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Posts_an_adaptive_card_message_with_routing_fields()
    {
        await _host.Get<INotifier>().NotifyAsync(Published, CancellationToken.None);

        var body = _host.Webhook.Received.ShouldHaveSingleItem();
        body["type"]!.GetValue<string>().ShouldBe("message");
        body["kind"]!.GetValue<string>().ShouldBe("draft.published");
        body["recipient"]!.GetValue<string>().ShouldBe("teacher@school.example");
        body["title"]!.GetValue<string>().ShouldBe("Your post about sports day is on X");

        body["sltChannel"]!.GetValue<bool>().ShouldBeFalse();
        body["subject"]!.GetValue<string>().ShouldBe("d-123");
        body["link"]!.GetValue<string>().ShouldBe("https://x.com/school/status/1");
        body["emailHtml"]!.GetValue<string>().ShouldContain("<a href=\"https://x.com/school/status/1\">See the tweet</a>");

        var attachment = body["attachments"]!.AsArray().ShouldHaveSingleItem()!;
        attachment["contentType"]!.GetValue<string>().ShouldBe("application/vnd.microsoft.card.adaptive");
        var card = attachment["content"]!;
        card["type"]!.GetValue<string>().ShouldBe("AdaptiveCard");
        card["version"]!.GetValue<string>().ShouldBe("1.4");
        var blocks = card["body"]!.AsArray();
        blocks[0]!["inlines"]![0]!["text"]!.GetValue<string>().ShouldBe("Your post about sports day is on X");
        var button = card["actions"]!.AsArray().ShouldHaveSingleItem()!;
        button["title"]!.GetValue<string>().ShouldBe("See the tweet");
        button["url"]!.GetValue<string>().ShouldBe("https://x.com/school/status/1");
    }

    [Fact]
    public async Task Transient_failures_are_retried_until_delivered_once()
    {
        _host.Webhook.FailNext(2, 503);

        await _host.Get<INotifier>().NotifyAsync(Published, CancellationToken.None);

        _host.Webhook.RequestCount.ShouldBe(3);
        _host.Webhook.Received.Count.ShouldBe(1);
    }

    [Fact]
    public async Task After_the_last_attempt_it_logs_and_reports_the_failure_to_the_caller()
    {
        _host.Webhook.FailNext(100, 500);

        var failed = await Should.ThrowAsync<NotificationFailedException>(() => _host.Get<INotifier>().NotifyAsync(Published, CancellationToken.None));

        failed.Kind.ShouldBe("draft.published");
        failed.Message.ShouldContain("HTTP 500");
        _host.Webhook.RequestCount.ShouldBe(5);
        _host.Logs.Entries.ShouldContain(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Message.Contains("lost after 5 attempts"));
    }

    [Fact]
    public async Task A_client_error_is_not_retried_and_is_reported()
    {
        _host.Webhook.FailNext(1, 400);
        await Should.ThrowAsync<NotificationFailedException>(() => _host.Get<INotifier>().NotifyAsync(Published, CancellationToken.None));
        _host.Webhook.RequestCount.ShouldBe(1);
    }

    [Fact]
    public async Task An_unreachable_webhook_is_reported_and_its_signed_url_is_never_logged_nor_in_the_exception()
    {
        const string signedUrl = "http://127.0.0.1:9/workflows/abc/triggers/manual/paths/invoke?api-version=1&sig=SECRET-SIGNATURE-123";
        await using var host = await SchoolTwitterTestHost.StartAsync(azurite, o => o.Settings["Notifications__WebhookUrl"] = signedUrl);

        var failed = await Should.ThrowAsync<NotificationFailedException>(() => host.Get<INotifier>().NotifyAsync(Published, CancellationToken.None));

        failed.ToString().ShouldNotContain("SECRET-SIGNATURE-123");
        host.Logs.AllText.ShouldNotContain("SECRET-SIGNATURE-123");
        host.Logs.Entries.ShouldContain(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public async Task No_webhook_configured_logs_an_error_and_is_reported()
    {
        await using var host = await SchoolTwitterTestHost.StartAsync(azurite, o => o.Settings["Notifications__WebhookUrl"] = null);
        await Should.ThrowAsync<NotificationFailedException>(() => host.Get<INotifier>().NotifyAsync(Published, CancellationToken.None));
        host.Logs.Entries.ShouldContain(e => e.Message.Contains("not configured"));
    }

    [Fact]
    public void A_card_without_facts_text_or_buttons_has_only_the_title()
    {
        var json = Infrastructure.Notifications.AdaptiveCardMessage.Build(new Notification("rotation.reminder", "Rotate the X password", []),
            SltPageLinks.WithBaseUrl("https://stw.example"));
        var card = json["attachments"]![0]!["content"]!;
        card["body"]!.AsArray().Count.ShouldBe(1);
        card.AsObject().ContainsKey("actions").ShouldBeFalse();
        json["recipient"].ShouldBeNull();
        json["sltChannel"]!.GetValue<bool>().ShouldBeTrue("nobody named: the SLT channel");
    }
}
