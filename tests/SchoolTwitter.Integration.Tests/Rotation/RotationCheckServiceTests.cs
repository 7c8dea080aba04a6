using SchoolTwitter.Application.Notifications;
using SchoolTwitter.Application.Rotation;
using SchoolTwitter.Testing.Azurite;

namespace SchoolTwitter.Integration.Tests.Rotation;

[Collection(AzuriteCollection.Name)]
public sealed class RotationCheckServiceTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private RotationHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await RotationHarness.StartAsync(azurite, new DateTimeOffset(2026, 9, 2, 6, 0, 0, TimeSpan.Zero)); // default autumn starts today
        _h.SeedCredentials(_h.X.Credentials, new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task A_failed_notification_is_sent_again_by_the_next_run_and_only_once()
    {
        _h.Notifier.FailNext(1);

        await Should.ThrowAsync<HttpRequestException>(() => _h.Check.RunAsync(CancellationToken.None));
        _h.Notifier.Sent.ShouldBeEmpty();
        (await _h.Check.RunAsync(CancellationToken.None)).Sent.ShouldHaveSingleItem().Kind.ShouldBe(Core.Rotation.AlertKind.Opened);
        (await _h.Check.RunAsync(CancellationToken.None)).Sent.ShouldBeEmpty();

        _h.Notifier.Sent.ShouldHaveSingleItem().Notification.Kind.ShouldBe(RotationNotifications.OpenedKind);
    }

    [Fact]
    public async Task Runs_racing_on_the_same_day_send_each_alert_once()
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => _h.Check.RunAsync(CancellationToken.None))));

        runs.Sum(r => r.Sent.Count).ShouldBe(1);
        _h.Notifier.Sent.Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_opening_alert_carries_the_checklist_to_the_SLT_channel()
    {
        await _h.Check.RunAsync(CancellationToken.None);

        var card = _h.Notifier.Sent.ShouldHaveSingleItem().Notification;
        card.Recipient.ShouldBeNull();
        var steps = card.Sections.ShouldHaveSingleItem();
        steps.ShouldBe(RotationNotifications.Checklist);
        steps.Numbered.ShouldBeTrue();
        steps.Lines[0].Text.ShouldContain("Change the school X account's password");
        steps.Lines[1].Text.ShouldContain("regenerate the access token and secret");
        steps.Lines[2].Text.ShouldContain("on the SLT page");
        card.Buttons.ShouldHaveSingleItem().ShouldBe(new NotificationButton("Rotate the credentials now", PagePlace.Credentials));
        card.Subject.ShouldBe("2026-27-autumn");
        card.Facts.ShouldContain(f => f.Key == "Due by" && f.Value == "Wednesday 16 September 2026");
    }

    [Fact]
    public async Task A_vault_that_cannot_be_read_does_not_stop_the_termly_cycle()
    {
        foreach (var name in Infrastructure.Configuration.SecretNames.All) _h.Vault.Fail("GET", name, times: 5);

        var result = await _h.Check.RunAsync(CancellationToken.None);

        result.OpenCycleId.ShouldBe("2026-27-autumn");
        _h.Logs.Entries.ShouldContain(e => e.Message.Contains("could not read the credential secrets"));
    }
}
