using System.Text;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Functions.Drafts;
using SchoolTwitter.Testing.Azurite;

namespace SchoolTwitter.Integration.Tests.Drafts;

[Collection(AzuriteCollection.Name)]
public sealed class PoisonAndRosterTests(AzuriteFixture azurite) : DraftKitTests(azurite)
{
    [Fact]
    public async Task Poison_check_message_marks_the_draft_failed_with_the_reason_and_alerts_slt()
    {
        var id = (await Kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), Slt))).Str("id");

        await Kit.Function<CheckDraftPoison>().Run(new DraftMessage(id).Serialize(), CancellationToken.None);

        var status = await Kit.GetAsync(id);
        status.Str("status").ShouldBe("failed");
        status.Str("failureReason").ShouldContain("tried several times to check it");
        status.Str("failureReason").ShouldNotContain(QueueNames.DraftsToCheck, Case.Insensitive, "SLT read the reason: no queue names");
        (await Kit.AuditAsync(id)).ShouldContain(e => e.Action == DraftAuditActions.Failed);
        await Kit.Host.Webhook.WaitForAsync(1, TimeSpan.FromSeconds(10));
        var alert = Kit.Host.Webhook.Received.Where(n => n.ToJsonString().Contains(DraftOutcomeNotifier.Failed)).ShouldHaveSingleItem("one card for submitter and SLT channel");
        alert["sltChannel"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Poison_publish_message_for_a_draft_that_may_be_on_x_goes_to_reconciliation_not_failed()
    {
        var id = (await Kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), Slt))).Str("id");
        await Kit.RunCheckQueueAsync(id);
        var store = Kit.Get<IDraftStore>();
        var draft = (await store.GetAsync(id, CancellationToken.None))!;
        // A publisher claimed it and then kept crashing.
        (await store.TryTransitionAsync(draft, DraftStatus.Publishing, DateTimeOffset.UtcNow, d => d with { ClaimedAt = DateTimeOffset.UtcNow }, CancellationToken.None))
            .ShouldNotBeNull();

        await Kit.Function<PublishDraftPoison>().Run(new DraftMessage(id).Serialize(), CancellationToken.None);

        (await Kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.NeedsReconciliation);
        Kit.Host.X.Posts.ShouldBeEmpty();
    }

    [Fact]
    public async Task Poison_message_naming_no_draft_still_alerts_slt()
    {
        await Kit.Function<CheckDraftPoison>().Run("not a draft message", CancellationToken.None);
        var notes = await Kit.Host.Webhook.WaitForAsync(1, TimeSpan.FromSeconds(10));
        notes.ShouldContain(n => n.ToJsonString().Contains(QueueNames.DraftsToCheck));
    }

    /// <summary>PUT /api/roster signed in as <paramref name="signedIn"/> (SLT when on the SLT list).</summary>
    private Task<Reply> PutRosterAsync(string csv, string signedIn) => Kit.PutRosterAsync(csv, DraftTestKit.Principal(signedIn));

    [Fact]
    public async Task Roster_upload_replaces_the_roster_and_malformed_rows_replace_nothing()
    {
        var good = "Id,FirstName,LastName,PhotoConsent\nP001,Amelia,Hart,Y\nP002,Noah,Fisher,N\n";
        (await PutRosterAsync(good, Slt)).Status.ShouldBe(200);
        var roster = await Kit.Get<IPupilRosterStore>().GetAsync(CancellationToken.None);
        roster.Pupils.Count.ShouldBe(2);
        roster.Find("P002")!.PhotoConsent.ShouldBeFalse();

        var bad = "Id,FirstName,LastName,PhotoConsent\nP001,Amelia,Hart,Y\nP003,Olivia\nP004,Jack,Smith,maybe\n";
        var refused = await PutRosterAsync(bad, Slt);

        refused.Status.ShouldBe(400);
        var fields = refused.Body!["errors"]!.AsObject().Select(e => e.Key).ToList();
        fields.ShouldContain(f => f.Contains('3'));
        fields.ShouldContain(f => f.Contains('4'));
        var kept = await Kit.Get<IPupilRosterStore>().GetAsync(CancellationToken.None);
        kept.Pupils.Select(p => p.Id).ShouldBe(["P001", "P002"], ignoreOrder: true);
    }

    [Fact]
    public async Task Roster_upload_by_someone_outside_slt_is_refused_and_audited()
    {
        var outsider = $"parent-{Guid.NewGuid():N}@example.com";
        var reply = await PutRosterAsync("Id,FirstName,LastName,PhotoConsent\nP009,Evie,Stone,Y\n", outsider);
        reply.Status.ShouldBe(403);
        (await Kit.AuditAsync("roster")).ShouldContain(e => e.Action == DraftAuditActions.RosterRefused && e.Actor == outsider);
    }

    [Fact]
    public async Task Check_uses_the_stored_roster()
    {
        (await PutRosterAsync("Id,FirstName,LastName,PhotoConsent\nP101,Isla,Brook,N\n", Slt)).Status.ShouldBe(200);
        var photo = DraftTestKit.Image(TestImages.Png(), "field.png", "Pupils racing on the school field");
        photo["noPupilsPictured"] = false;
        photo["pupilsPictured"] = new System.Text.Json.Nodes.JsonArray("P101");
        var id = (await Kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), Slt, media: [photo]))).Str("id");

        await Kit.RunCheckQueueAsync(id);

        var status = await Kit.GetAsync(id);
        status.Str("status").ShouldBe("blocked", "P101 has no photo consent in the stored roster");
        status.Body!["verdict"]!["findings"]!.AsArray().ShouldContain(f => f!["rule"]!.GetValue<string>() == "test-roster");
    }
}
