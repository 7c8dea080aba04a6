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
    public async Task Check_reads_a_staff_members_name_as_an_adults()
    {
        var before = (await Kit.SubmitAsync(DraftTestKit.DraftJson(Thanks, Slt))).Str("id");
        await Kit.RunCheckQueueAsync(before);
        (await Kit.GetAsync(before)).Body!["verdict"]!["findings"]!.AsArray().ShouldContain(f => f!["rule"]!.GetValue<string>() == "targeted");

        await Kit.Get<IStaffListStore>().ReplaceAsync(new StaffList([new StaffMember("Mrs", "Sarah", "Pemberton", "Teacher")]), CancellationToken.None);
        var after = (await Kit.SubmitAsync(DraftTestKit.DraftJson(Thanks.Replace("this week", "this weekend", StringComparison.Ordinal), Slt))).Str("id");
        await Kit.RunCheckQueueAsync(after);

        (await Kit.GetAsync(after)).Body!["verdict"]!["findings"]!.AsArray().ShouldNotContain(f => f!["rule"]!.GetValue<string>() == "targeted");
    }
}
