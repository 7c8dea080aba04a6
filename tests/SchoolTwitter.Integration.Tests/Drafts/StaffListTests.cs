using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Core.Roster;
using SchoolTwitter.Testing.Azurite;

namespace SchoolTwitter.Integration.Tests.Drafts;

[Collection(AzuriteCollection.Name)]
public sealed class StaffListTests(AzuriteFixture azurite) : DraftKitTests(azurite)
{
    private const string Thanks = "Well done Sarah Pemberton on running the marathon this week.";

    [Fact]
    public async Task Staff_list_is_replaced_whole_and_kept_apart_from_the_roster()
    {
        var store = Kit.Get<IStaffListStore>();
        var roster = await Kit.Get<IPupilRosterStore>().GetAsync(CancellationToken.None);

        await store.ReplaceAsync(new StaffList([new StaffMember("Mrs", "Sarah", "Pemberton", "Teacher"), new StaffMember("", "", "Jones", "")]), CancellationToken.None);
        await store.ReplaceAsync(new StaffList([new StaffMember("Dr", "Amir", "Patel", "Governor")]), CancellationToken.None);

        (await store.GetAsync(CancellationToken.None)).Members.ShouldBe([new StaffMember("Dr", "Amir", "Patel", "Governor")]);
        (await Kit.Get<IPupilRosterStore>().GetAsync(CancellationToken.None)).Pupils.ShouldBe(roster.Pupils);
    }

    [Fact]
    public async Task Check_reads_the_name_of_an_adult_on_the_uploaded_staff_list_as_an_adults()
    {
        var before = (await Kit.SubmitAsync(DraftTestKit.DraftJson(Thanks, Slt))).Str("id");
        await Kit.RunCheckQueueAsync(before);
        (await Kit.GetAsync(before)).Body!["verdict"]!["findings"]!.AsArray().ShouldContain(f => f!["rule"]!.GetValue<string>() == "targeted");

        (await Kit.PutStaffAsync("Title,FirstName,LastName,Role\nMrs,Sarah,Pemberton,Teacher\n", DraftTestKit.Principal(Slt))).Status.ShouldBe(200);
        var after = (await Kit.SubmitAsync(DraftTestKit.DraftJson(Thanks.Replace("this week", "this weekend", StringComparison.Ordinal), Slt))).Str("id");
        await Kit.RunCheckQueueAsync(after);

        (await Kit.GetAsync(after)).Body!["verdict"]!["findings"]!.AsArray().ShouldNotContain(f => f!["rule"]!.GetValue<string>() == "targeted");
    }

    [Fact]
    public async Task Staff_upload_replaces_the_list_and_a_malformed_row_replaces_nothing()
    {
        var good = "Title,FirstName,LastName,Role\nMr,Dave,Quennell,Caretaker\nDr,Amir,Patel,Governor\n";
        var replaced = await Kit.PutStaffAsync(good, DraftTestKit.Principal(Slt));
        replaced.Status.ShouldBe(200);
        replaced.Body!["adults"]!.GetValue<int>().ShouldBe(2);
        (await Kit.AuditAsync(StaffListService.Subject)).ShouldContain(e => e.Action == DraftAuditActions.StaffReplaced && e.Outcome == "replaced: 2 adults");

        var bad = "Title,FirstName,LastName,Role\nMrs,Sarah,Pemberton,Teacher\nMr,Tom,,Coach\nMs,Ann\n";
        var refused = await Kit.PutStaffAsync(bad, DraftTestKit.Principal(Slt));

        refused.Status.ShouldBe(400);
        refused.Body!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["line 3", "line 4"], ignoreOrder: true);
        refused.Body.ToJsonString().ShouldNotContain("Pemberton", Case.Sensitive, "errors name the line, never a person");
        (await Kit.Get<IStaffListStore>().GetAsync(CancellationToken.None)).Members.Select(m => m.LastName).ShouldBe(["Quennell", "Patel"]);
        (await Kit.AuditAsync(StaffListService.Subject)).ShouldContain(e => e.Action == DraftAuditActions.StaffRefused && e.Outcome == "refused: 2 malformed rows");
    }

    [Fact]
    public async Task Staff_upload_by_someone_outside_slt_is_refused_and_audited()
    {
        var outsider = $"parent-{Guid.NewGuid():N}@example.com";
        var before = await Kit.Get<IStaffListStore>().GetAsync(CancellationToken.None);

        var reply = await Kit.PutStaffAsync("Title,FirstName,LastName,Role\nMr,Evan,Stone,Teacher\n", DraftTestKit.Principal(outsider));

        reply.Status.ShouldBe(403);
        (await Kit.AuditAsync(StaffListService.Subject)).ShouldContain(e => e.Action == DraftAuditActions.StaffRefused && e.Actor == outsider);
        (await Kit.Get<IStaffListStore>().GetAsync(CancellationToken.None)).Members.ShouldBe(before.Members);
    }

    [Fact]
    public async Task An_empty_or_headless_staff_list_is_refused_with_what_was_expected()
    {
        var empty = await Kit.PutStaffAsync("", DraftTestKit.Principal(Slt));
        empty.Status.ShouldBe(400);
        empty.Body!["errors"]!["line 1"]!.ToJsonString().ShouldContain("Title,FirstName,LastName,Role");
    }
}
