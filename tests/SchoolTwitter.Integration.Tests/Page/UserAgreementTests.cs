using Microsoft.Extensions.DependencyInjection;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Application.Page;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Integration.Tests.Drafts;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.TestHost;

namespace SchoolTwitter.Integration.Tests.Page;

/// <summary>Council policy 6.1: an SLT member without a signed Social Media User Agreement on record cannot submit or approve.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class UserAgreementTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private DraftTestKit _kit = null!;

    public async Task InitializeAsync() => _kit = await DraftTestKit.StartAsync(azurite);

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    private static Caller Manager => new(CallerKind.Principal, "head@school.example", null, "Head", true) { ManagesSltList = true, Reason = "SLT app role" };

    private async Task<string> UnsignedMemberAsync()
    {
        var email = $"unsigned-{Guid.NewGuid():N}@school.example";
        await _kit.Get<ISltMemberList>().AddAsync(email, "New Deputy", "test", CancellationToken.None);
        return email;
    }

    [Fact]
    public async Task A_signed_in_slt_member_without_an_agreement_cannot_submit_until_one_is_recorded()
    {
        var email = await UnsignedMemberAsync();
        var headers = EasyAuthHeaders.Person(email, "SLT");

        var refused = await _kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), null), headers);
        refused.Status.ShouldBe(403);
        refused.Body!["detail"]!.GetValue<string>().ShouldContain("no signed Social Media User Agreement on record (council policy 6.1)");
        (await _kit.AuditAsync("draft")).ShouldContain(e => e.Actor == email && e.Outcome == "refused: no signed user agreement");

        (await _kit.Get<SltAgreement>().RecordAsync(Manager, email, "2026-09-03", CancellationToken.None)).Outcome.ShouldBe(SltAgreementOutcome.Recorded);
        (await _kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), null), headers)).Status.ShouldBe(202);
    }

    [Fact]
    public async Task The_flow_cannot_submit_or_approve_for_a_member_without_an_agreement()
    {
        var email = await UnsignedMemberAsync();
        var submitted = await _kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), email));
        submitted.Status.ShouldBe(403);
        submitted.Body!["detail"]!.GetValue<string>().ShouldContain("council policy 6.1");

        var id = await _kit.AwaitingApprovalAsync(await _kit.NewSltMemberAsync());
        var approval = await _kit.ApproveAsync(id, approvedBy: email);
        approval.Status.ShouldBe(403);
        (await _kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.AwaitingApproval);
    }

    [Fact]
    public async Task A_signed_in_slt_member_without_an_agreement_cannot_approve()
    {
        var id = await _kit.AwaitingApprovalAsync(await _kit.NewSltMemberAsync());
        var email = await UnsignedMemberAsync();
        var reply = await _kit.ApproveAsync(id, null, EasyAuthHeaders.Person(email, "SLT"));
        reply.Status.ShouldBe(403);
        (await _kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.AwaitingApproval);
    }

    [Theory]
    [InlineData("2099-01-01", "signedOn")]
    [InlineData("03/09/2026", "signedOn")]
    [InlineData("1999-12-31", "signedOn")]
    public async Task A_bad_agreement_date_is_refused_naming_the_field(string date, string field)
    {
        var result = await _kit.Get<SltAgreement>().RecordAsync(Manager, await UnsignedMemberAsync(), date, CancellationToken.None);
        result.Outcome.ShouldBe(SltAgreementOutcome.Invalid);
        result.Errors!.ShouldHaveSingleItem().Field.ShouldBe(field);
    }

    [Fact]
    public async Task Someone_not_on_the_list_gets_no_agreement_and_a_rename_keeps_the_recorded_date()
    {
        var agreements = _kit.Get<SltAgreement>();
        (await agreements.RecordAsync(Manager, $"nobody-{Guid.NewGuid():N}@school.example", "2026-09-03", CancellationToken.None)).Outcome.ShouldBe(SltAgreementOutcome.NotOnList);

        var email = await UnsignedMemberAsync();
        await agreements.RecordAsync(Manager, email, "2026-09-03", CancellationToken.None);
        var list = _kit.Get<ISltMemberList>();
        await list.AddAsync(email, "Renamed Deputy", "test", CancellationToken.None);
        (await list.FindAsync(email, CancellationToken.None))!.AgreementSignedOn.ShouldBe(new DateOnly(2026, 9, 3));
        (await _kit.AuditAsync(email)).ShouldContain(e => e.Action == SltAgreement.AuditAction && e.Actor == "head@school.example" && e.Detail == "signed on 2026-09-03");

        await agreements.RecordAsync(Manager, email, "", CancellationToken.None);
        (await list.FindAsync(email, CancellationToken.None))!.AgreementSignedOn.ShouldBeNull();
    }
}
