using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SchoolTwitter.Application.Rotation;
using SchoolTwitter.Application.Telemetry;
using SchoolTwitter.Integration.Tests.Rotation;
using SchoolTwitter.Testing.Azurite;

namespace SchoolTwitter.Integration.Tests.Telemetry;

/// <summary>The rotation-overdue alert rule fires on RotationCycleOverdue: logged once, when the open cycle is escalated.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RotationOverdueEventTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_unrotated_term_logs_RotationCycleOverdue_once_when_it_is_escalated_to_the_head_teacher()
    {
        var ct = CancellationToken.None;
        await using var h = await RotationHarness.StartAsync(azurite, new DateTimeOffset(2026, 8, 25, 10, 0, 0, TimeSpan.Zero));
        h.SeedCredentials(h.X.Credentials, new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero));
        var terms = await h.Terms.PutAsync("""
            {"terms":[
              {"name":"autumn","start":"2026-09-03","end":"2026-12-18"},
              {"name":"spring","start":"2027-01-05","end":"2027-03-26"},
              {"name":"summer","start":"2027-04-12","end":"2027-07-21"}]}
            """, RotationHarness.HeadTeacher, ct);
        terms.Errors.ShouldBeEmpty();
        var events = new EventCapturingLoggerProvider();
        using var loggers = new LoggerFactory([events]);
        var check = new RotationCheckService(h.Store, h.CredentialVault, h.Notifier, h.Audit,
            Options.Create(new RotationOptions { AccountId = h.AccountId, HeadTeacherContact = RotationHarness.HeadTeacher }), h.Time,
            loggers.CreateLogger<RotationCheckService>());

        for (var day = new DateOnly(2026, 9, 1); day <= new DateOnly(2026, 9, 25); day = day.AddDays(1))
        {
            h.Time.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 30)), TimeSpan.Zero));
            await check.RunAsync(ct);
        }

        var overdue = events.Events.Where(e => e.EventId == AlertEvents.RotationCycleOverdue).ShouldHaveSingleItem();
        overdue.EventId.Name.ShouldBe("RotationCycleOverdue");
        overdue.Value("CycleId").ShouldBe("2026-27-autumn");
        overdue.Value("DaysOpen").ShouldBe("14");
    }
}
