using System.Text.Json;
using SchoolTwitter.Application.Notifications;
using SchoolTwitter.Application.Rotation;
using SchoolTwitter.Application.X;
using SchoolTwitter.Core.Rotation;
using SchoolTwitter.Core.Time;
using SchoolTwitter.Infrastructure.Configuration;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.FakeX;

namespace SchoolTwitter.Integration.Tests.Rotation;

/// <summary>
/// 20 August 2026 to 31 July 2027 on Azurite with one fake clock: the timer fires daily at 23:30 UTC (00:30 UK time in
/// summer, 23:30 in winter, so the clock changes move which UK date each run sees); SLT act at 10:00 UTC.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SchoolYearTests(AzuriteFixture azurite)
{
    private const string CouncilTerms = """
        {"terms":[
          {"name":"autumn","start":"2026-09-03","end":"2026-12-18"},
          {"name":"spring","start":"2027-01-05","end":"2027-03-26"},
          {"name":"summer","start":"2027-04-12","end":"2027-07-21"}]}
        """;

    [Fact]
    public async Task A_whole_school_year_of_credential_rotation()
    {
        var ct = CancellationToken.None;
        await using var h = await RotationHarness.StartAsync(azurite, new DateTimeOffset(2026, 8, 20, 10, 0, 0, TimeSpan.Zero));
        h.Notifier.Time = h.Time;
        var initial = h.X.Credentials;
        h.SeedCredentials(initial, new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero));
        var autumnCredentials = FakeXServer.NewCredentials();
        var springCredentials = FakeXServer.NewCredentials();
        var springLoser = FakeXServer.NewCredentials();
        var summerCredentials = FakeXServer.NewCredentials();
        var results = new Dictionary<string, RotationSubmissionResult>();

        for (var day = new DateOnly(2026, 8, 20); day <= new DateOnly(2027, 7, 31); day = day.AddDays(1))
        {
            h.Time.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));
            switch (day.ToString("yyyy-MM-dd"))
            {
                case "2026-08-25":
                    (await h.Terms.PutAsync(CouncilTerms, "head@school.example", ct)).IsValid.ShouldBeTrue();
                    break;
                case "2026-09-07": // tokens typed wrongly: X says 401
                    results["wrong"] = await h.Rotation.SubmitAsync(Json(FakeXServer.NewCredentials()), "deputy@school.example", ct);
                    break;
                case "2026-09-08": // tokens regenerated while signed in to a teacher's own account
                    var other = FakeXServer.NewCredentials();
                    h.X.AcceptCredentials(other, "1999999999999999999");
                    results["other"] = await h.Rotation.SubmitAsync(Json(other), "deputy@school.example", ct);
                    break;
                case "2026-10-27":
                    h.X.AcceptCredentials(autumnCredentials, h.AccountId);
                    results["autumn"] = await h.Rotation.SubmitAsync(Json(autumnCredentials), "deputy@school.example", ct);
                    h.X.RevokeCredentials(initial); // regenerating the tokens ended the old ones
                    (await h.XAccount.GetMeAsync(ct)).Id.ShouldBe(h.AccountId); // the X client uses the new ones, no restart
                    break;
                case "2027-01-09":
                    h.Restart(); // a new host mid-cycle: everything it knows comes from storage
                    break;
                case "2027-01-13":
                    h.X.AcceptCredentials(springCredentials, h.AccountId);
                    h.X.AcceptCredentials(springLoser, h.AccountId);
                    (results["spring"], results["spring-loser"]) = await ConcurrentPairAsync(h, springCredentials, springLoser);
                    h.X.RevokeCredentials(autumnCredentials);
                    break;
                case "2027-04-13":
                    h.X.AcceptCredentials(summerCredentials, h.AccountId);
                    results["summer"] = await h.Rotation.SubmitAsync(Json(summerCredentials), "head@school.example", ct);
                    h.X.RevokeCredentials(springCredentials);
                    break;
            }

            h.Time.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 30)), TimeSpan.Zero));
            await h.Check.RunAsync(ct);
            (await h.XAccount.GetMeAsync(ct)).Id.ShouldBe(h.AccountId, $"X client on {day}");
        }

        // Submissions.
        results["wrong"].Outcome.ShouldBe(RotationOutcome.Refused);
        results["wrong"].Message.ShouldContain("X did not accept these credentials");
        results["other"].Outcome.ShouldBe(RotationOutcome.Refused);
        results["other"].Message.ShouldContain("not the school's account");
        results["autumn"].Outcome.ShouldBe(RotationOutcome.Rotated);
        results["spring"].Outcome.ShouldBe(RotationOutcome.Rotated);
        results["spring-loser"].Outcome.ShouldBe(RotationOutcome.Conflict);
        results["summer"].Outcome.ShouldBe(RotationOutcome.Rotated);

        // Alerts, by the UK date on which they went out.
        var alerts = h.Notifier.Sent.Where(s => s.Notification.Kind != RotationNotifications.RotatedKind)
            .Select(s => (Date: UkTime.ToUk(s.At).ToString("yyyy-MM-dd"), s.Notification.Kind, Cycle: s.Notification.Subject, Day: int.Parse(Fact(s.Notification, "Days open")), s.Notification.Recipient))
            .ToList();
        var printed = string.Join("\n", alerts);

        alerts.Where(a => a.Kind == RotationNotifications.OpenedKind).Select(a => (a.Date, a.Cycle))
            .ShouldBe([("2026-09-03", "2026-27-autumn"), ("2027-01-05", "2026-27-spring"), ("2027-04-12", "2026-27-summer")], printed);
        var escalation = alerts.Where(a => a.Kind == RotationNotifications.EscalatedKind).ShouldHaveSingleItem(printed);
        (escalation.Date, escalation.Cycle, escalation.Day, escalation.Recipient).ShouldBe(("2026-09-17", "2026-27-autumn", 14, RotationHarness.HeadTeacher));

        // Autumn: days 1, 3, 7, then daily to 53 (26 October; done on the 27th before that evening's run). 25 October, when the
        // clocks went back, was seen by two runs (00:30 BST and 23:30 GMT): one reminder.
        alerts.Where(a => a.Cycle == "2026-27-autumn" && a.Kind == RotationNotifications.ReminderKind).Select(a => a.Day)
            .ShouldBe([1, 3, .. Enumerable.Range(7, 47)], printed);
        alerts.Count(a => a.Date == "2026-10-25").ShouldBe(1, printed);
        // Spring: opened, days 1, 3 and 7 (after the restart on the 9th: nothing again, nothing lost), done on day 8.
        alerts.Where(a => a.Cycle == "2026-27-spring").Select(a => (a.Date, a.Day)).ShouldBe([("2027-01-05", 0), ("2027-01-06", 1), ("2027-01-08", 3), ("2027-01-12", 7)], printed);
        // Summer: opened on the 12th, reminded on the 13th at 00:30 BST, done that morning.
        alerts.Where(a => a.Cycle == "2026-27-summer").Select(a => (a.Date, a.Day)).ShouldBe([("2027-04-12", 0), ("2027-04-13", 1)], printed);
        alerts.Select(a => (a.Cycle, a.Day, a.Kind)).Distinct().Count().ShouldBe(alerts.Count, "never the same alert twice");
        alerts.Select(a => a.Cycle).Distinct().Count().ShouldBe(3, "no off-cycle alert all year");
        h.Notifier.Sent.Count(s => s.Notification.Kind == RotationNotifications.RotatedKind).ShouldBe(3);

        // The record.
        var cycles = await h.Store.GetCyclesAsync(ct);
        cycles.Select(c => (c.Id, c.Status, c.CompletedBy)).ShouldBe([
            ("2026-27-summer", CycleStatus.Completed, "head@school.example"),
            ("2026-27-spring", CycleStatus.Completed, "deputy@school.example"),
            ("2026-27-autumn", CycleStatus.Completed, "deputy@school.example")]);
        var (state, _) = await h.Store.GetStateAsync(ct);
        state.OpenCycle.ShouldBeNull();
        state.Claim.ShouldBeNull();
        state.LastRotation!.CycleId.ShouldBe("2026-27-summer");

        // Key Vault: initial + three rotations per secret; only the newest enabled; it expires at the end of next term
        // (autumn 2027: England's default, Friday 17 December, so midnight starting the 18th).
        foreach (var (name, value) in KeyVaultCredentialVaultTests.Pairs(summerCredentials))
        {
            var versions = h.Vault.VersionsOf(name);
            versions.Count.ShouldBe(4, name);
            versions[^1].Value.ShouldBe(value);
            versions[^1].Enabled.ShouldBeTrue();
            versions[^1].Expires.ShouldBe(new DateTimeOffset(2027, 12, 18, 0, 0, 0, TimeSpan.Zero));
            versions[^1].Tags.ShouldBe(new Dictionary<string, string> { ["term"] = "2026-27-summer", ["rotated-by"] = "head@school.example", ["cycle"] = "2026-27-summer" }, ignoreOrder: true);
            versions.Take(3).ShouldAllBe(v => !v.Enabled);
            versions.ShouldNotContain(v => v.Value == KeyVaultCredentialVaultTests.Pairs(springLoser).Single(p => p.Name == name).Value);
        }

        h.Vault.VersionsOf(SecretNames.AccessToken)[1].Expires.ShouldBe(new DateTimeOffset(2027, 3, 27, 0, 0, 0, TimeSpan.Zero)); // autumn's: end of spring

        // Audit: refusals and rotations, by whom.
        var audit = await h.Audit.ReadAllAsync();
        audit.Where(e => e.Action == "credentials.rotation-refused").Select(e => e.Outcome)
            .ShouldBe(["refused: X rejected the credentials", "refused: another account", "refused: another submission in progress"]);
        audit.Where(e => e.Action == "credentials.rotated").Select(e => (e.Subject, e.Actor))
            .ShouldBe([("2026-27-autumn", "deputy@school.example"), ("2026-27-spring", "deputy@school.example"), ("2026-27-summer", "head@school.example")]);
        audit.Count(e => e.Action == "rotation.escalation").ShouldBe(1);

        // Status on 31 July 2027: nothing open; due when autumn 2027 starts (Wednesday 1 September).
        var status = await h.Status.GetAsync(ct);
        status.OpenCycle.ShouldBeNull();
        status.LastRotation!.By.ShouldBe("head@school.example");
        status.CurrentTerm.ShouldBeNull();
        status.NextTerm!.Id.ShouldBe("2027-28-autumn");
        status.DaysUntilDue.ShouldBe(31);
        status.Secrets.ShouldAllBe(s => s.State == "ok" && s.EnabledOlderVersions == 0);
    }

    private static async Task<(RotationSubmissionResult Winner, RotationSubmissionResult Loser)> ConcurrentPairAsync(RotationHarness h, XCredentials winner, XCredentials loser)
    {
        // The first submission is held inside verification (after claiming the cycle) until the second has been answered.
        var release = new TaskCompletionSource();
        var held = 0;
        h.XAccount.BeforeVerify = async () =>
        {
            if (Interlocked.Exchange(ref held, 1) == 0) await release.Task;
        };

        var first = Task.Run(() => h.Rotation.SubmitAsync(Json(winner), "deputy@school.example", CancellationToken.None));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await h.Store.GetStateAsync(CancellationToken.None)).State.Claim is null)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The first submission never claimed the cycle.");
            await Task.Delay(20);
        }

        var second = await h.Rotation.SubmitAsync(Json(loser), "bursar@school.example", CancellationToken.None);
        release.SetResult();
        var firstResult = await first;
        h.XAccount.BeforeVerify = null;
        return (firstResult, second);
    }

    internal static string Json(XCredentials c) => JsonSerializer.Serialize(new
    {
        consumerKey = c.ConsumerKey,
        consumerSecret = c.ConsumerSecret,
        accessToken = c.AccessToken,
        accessTokenSecret = c.AccessTokenSecret,
    });

    private static string Fact(Notification n, string label) => n.Facts.Single(f => f.Key == label).Value;
}
