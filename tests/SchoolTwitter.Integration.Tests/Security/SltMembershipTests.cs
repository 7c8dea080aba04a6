using System.Text;
using System.Text.Json.Nodes;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Integration.Tests.Drafts;
using SchoolTwitter.Testing.Azurite;

namespace SchoolTwitter.Integration.Tests.Security;

/// <summary>
/// The SLT list (who the Power Automate flow may submit for) is managed over HTTP only by a signed-in principal
/// holding the SLT app role or group; every change and refusal is audited; bad e-mails are a 400 naming the field.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SltMembershipTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private SltMembershipKit _kit = null!;

    public async Task InitializeAsync() => _kit = await SltMembershipKit.StartAsync(azurite);

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    private Task<IReadOnlyList<AuditEntry>> AuditAsync(string subject) => _kit.Drafts.AuditAsync(subject);

    [Fact]
    public async Task Slt_role_holder_adds_lists_renames_and_removes_a_member_and_each_change_is_audited()
    {
        var head = SltMembershipKit.NewEmail("head");
        var manager = SltMembershipKit.SltManager(head);
        var member = SltMembershipKit.NewEmail("deputy");

        var added = await _kit.PutAsync(member.ToUpperInvariant(), manager, "Jane Smith");
        added.Status.ShouldBe(201);
        added.Str("email").ShouldBe(member, "stored normalised to lower case");
        added.Str("name").ShouldBe("Jane Smith");
        added.Str("addedBy").ShouldBe(head);

        var listed = await _kit.ListAsync(manager);
        listed.Status.ShouldBe(200);
        listed.Body!["members"]!.AsArray().Select(m => m!["email"]!.GetValue<string>()).ShouldContain(member);

        var renamed = await _kit.PutAsync(member, manager, "Jane Smith-Jones");
        renamed.Status.ShouldBe(200);
        renamed.Str("name").ShouldBe("Jane Smith-Jones");

        (await _kit.RemoveAsync(member, manager)).Status.ShouldBe(204);
        (await _kit.IsMemberAsync(member)).ShouldBeFalse();
        (await _kit.ListAsync(manager)).Body!["members"]!.AsArray().Select(m => m!["email"]!.GetValue<string>()).ShouldNotContain(member);

        var gone = await _kit.RemoveAsync(member, manager);
        gone.Status.ShouldBe(404);
        gone.ContentType.ShouldBe("application/problem+json");

        var audit = await AuditAsync(member);
        audit.Select(e => e.Action).ShouldBe([SltMembershipAuditActions.Added, SltMembershipAuditActions.Updated, SltMembershipAuditActions.Removed]);
        audit.ShouldAllBe(e => e.Actor == head);
        audit[0].Detail.ShouldNotBeNull().ShouldContain("Jane Smith");
    }

    [Fact]
    public async Task Slt_group_member_may_manage_the_list()
    {
        var manager = Principal(SltMembershipKit.NewEmail("head"), groups: [SltMembershipKit.SltGroupId]);
        var member = SltMembershipKit.NewEmail();

        (await _kit.PutAsync(member, manager)).Status.ShouldBe(201);

        (await _kit.IsMemberAsync(member)).ShouldBeTrue();
    }

    [Fact]
    public async Task Someone_on_the_slt_list_without_the_role_or_group_is_refused_with_403_and_audited()
    {
        // Being on the list lets a flow submit for you; it must not let you add others without Entra.
        var listed = await _kit.Drafts.NewSltMemberAsync();
        var target = SltMembershipKit.NewEmail("friend");

        var reply = await _kit.PutAsync(target, DraftTestKit.Principal(listed), "A friend");

        reply.Status.ShouldBe(403);
        reply.ContentType.ShouldBe("application/problem+json");
        (await _kit.IsMemberAsync(target)).ShouldBeFalse();
        var refusal = (await AuditAsync(target)).ShouldHaveSingleItem();
        refusal.Action.ShouldBe(SltMembershipAuditActions.Refused);
        refusal.Actor.ShouldBe(listed);
        refusal.Outcome.ShouldStartWith("refused");
    }

    [Fact]
    public async Task Staff_without_the_role_cannot_remove_a_member_or_read_the_list()
    {
        var member = SltMembershipKit.NewEmail();
        (await _kit.PutAsync(member, SltMembershipKit.SltManager())).Status.ShouldBe(201);
        var teacher = SltMembershipKit.NewEmail("teacher");
        var headers = DraftTestKit.Principal(teacher);

        (await _kit.RemoveAsync(member, headers)).Status.ShouldBe(403);
        (await _kit.ListAsync(headers)).Status.ShouldBe(403);

        (await _kit.IsMemberAsync(member)).ShouldBeTrue();
        (await AuditAsync(member)).ShouldContain(e => e.Action == SltMembershipAuditActions.Refused && e.Actor == teacher);
        (await AuditAsync(SltMembershipAuditActions.ListSubject)).ShouldContain(e => e.Action == SltMembershipAuditActions.Refused && e.Actor == teacher);
    }

    [Fact]
    public async Task A_key_only_caller_cannot_manage_the_list_even_naming_an_slt_member()
    {
        var onList = await _kit.Drafts.NewSltMemberAsync();
        var target = SltMembershipKit.NewEmail();

        // Function key only, no principal; the body names a listed member as a flow would for submissions.
        var reply = await _kit.PutRawAsync(target, headers: null, new JsonObject { ["submittedBy"] = onList }.ToJsonString());

        reply.Status.ShouldBe(401);
        (await _kit.IsMemberAsync(target)).ShouldBeFalse();
        (await AuditAsync(target)).ShouldHaveSingleItem().Actor.ShouldBe("anonymous");
    }

    [Fact]
    public async Task The_flow_holding_Flow_Submit_cannot_manage_the_list()
    {
        var target = SltMembershipKit.NewEmail();

        var reply = await _kit.PutAsync(target, DraftTestKit.Flow(), "Via the flow");

        reply.Status.ShouldBe(403);
        (await _kit.IsMemberAsync(target)).ShouldBeFalse();
        (await AuditAsync(target)).ShouldHaveSingleItem().Detail.ShouldNotBeNull().ShouldContain("flow may not manage");
    }

    [Fact]
    public async Task A_manager_records_a_members_object_id_so_four_eyes_knows_them_under_any_address()
    {
        var member = SltMembershipKit.NewEmail("deputy");
        var oid = Guid.NewGuid().ToString();

        var added = await _kit.PutRawAsync(member, SltMembershipKit.SltManager(), $$"""{"name":"Deputy","objectId":"{{oid.ToUpperInvariant()}}"}""");

        added.Status.ShouldBe(201);
        added.Str("objectId").ShouldBe(oid);
        (await _kit.Drafts.Get<ISltMemberList>().FindByObjectIdAsync(oid, CancellationToken.None))!.Email.ShouldBe(member);
        (await _kit.PutAsync(member, SltMembershipKit.SltManager(), "Deputy Head")).Str("objectId").ShouldBe(oid, "a rename keeps the object id");
        (await _kit.PutRawAsync(member, SltMembershipKit.SltManager(), """{"objectId":"not-a-guid"}""")).Str("field").ShouldBe("objectId");
    }

    [Fact]
    public async Task A_forged_principal_claiming_the_slt_role_is_refused_and_audited()
    {
        var target = SltMembershipKit.NewEmail();
        var forged = SltMembershipKit.SltManager();
        forged["X-MS-CLIENT-PRINCIPAL-ID"] = Guid.NewGuid().ToString(); // disagrees with the principal's object id

        var reply = await _kit.PutAsync(target, forged, "Intruder");

        reply.Status.ShouldBe(401, "a forged principal is nobody");
        (await _kit.IsMemberAsync(target)).ShouldBeFalse();
        var refusal = (await AuditAsync(target)).ShouldHaveSingleItem();
        refusal.Action.ShouldBe(SltMembershipAuditActions.Refused);
        refusal.Detail.ShouldNotBeNull().ShouldContain("forged");
    }

    [Fact]
    public async Task A_principal_header_that_is_not_base64_is_refused()
    {
        var target = SltMembershipKit.NewEmail();
        var headers = new Dictionary<string, string> { ["X-MS-CLIENT-PRINCIPAL"] = "not base64 {\"roles\":\"SLT\"}" };

        (await _kit.PutAsync(target, headers)).Status.ShouldBe(401);

        (await _kit.IsMemberAsync(target)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("jane@school")]
    [InlineData("jane@@school.example")]
    [InlineData("Jane Smith <jane@school.example>")]
    [InlineData("jane..smith@school.example")]
    [InlineData("jane@school..example")]
    [InlineData("@school.example")]
    [InlineData(" ")]
    public async Task A_bad_email_is_a_400_naming_the_email_field_and_nothing_is_stored(string email)
    {
        var manager = SltMembershipKit.SltManager();

        var put = await _kit.PutAsync(email, manager, "Someone");
        var delete = await _kit.RemoveAsync(email, manager);

        foreach (var reply in new[] { put, delete })
        {
            reply.Status.ShouldBe(400);
            reply.ContentType.ShouldBe("application/problem+json");
            reply.Str("field").ShouldBe("email");
        }
        (await _kit.IsMemberAsync(email)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_body_with_an_unknown_field_or_a_wrong_type_is_a_400_naming_it()
    {
        var manager = SltMembershipKit.SltManager();
        var member = SltMembershipKit.NewEmail();

        (await _kit.PutRawAsync(member, manager, "{\"name\": \"Jane\", \"isAdmin\": true}")).Str("field").ShouldBe("isAdmin");
        (await _kit.PutRawAsync(member, manager, "{\"name\": 42}")).Str("field").ShouldBe("name");
        (await _kit.PutRawAsync(member, manager, "{\"name\": ")).Status.ShouldBe(400);
        (await _kit.PutAsync(member, manager, new string('x', SltMembershipService.MaxNameLength + 1))).Str("field").ShouldBe("name");

        (await _kit.IsMemberAsync(member)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_submitter_added_through_the_endpoint_can_submit_through_power_automate_and_once_removed_cannot()
    {
        var manager = SltMembershipKit.SltManager();
        var submitter = SltMembershipKit.NewEmail("deputy");
        (await _kit.PutAsync(submitter, manager, "Deputy Head")).Status.ShouldBe(201);
        // Council policy 6.1: the signed user agreement is on record before they submit.
        await _kit.Drafts.Get<ISltMemberList>().SetAgreementAsync(submitter, DraftTestKit.AgreementSigned, CancellationToken.None);

        // The Power Automate path: the flow's own Entra token (Flow.Submit), submittedBy in the body.
        var accepted = await _kit.Drafts.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), submitter));
        accepted.Status.ShouldBe(202);
        (await _kit.Drafts.DraftAsync(accepted.Str("id"))).ShouldNotBeNull().SubmittedBy.ShouldBe(submitter);

        (await _kit.RemoveAsync(submitter, manager)).Status.ShouldBe(204);

        var refused = await _kit.Drafts.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), submitter));
        refused.Status.ShouldBe(403);
    }

    /// <summary>An Easy Auth principal whose SLT standing comes from a group claim (no role).</summary>
    private static Dictionary<string, string> Principal(string email, string[] groups)
    {
        var headers = DraftTestKit.Principal(email);
        var json = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(headers["X-MS-CLIENT-PRINCIPAL"])))!;
        foreach (var group in groups) json["claims"]!.AsArray().Add(new JsonObject { ["typ"] = "groups", ["val"] = group });
        headers["X-MS-CLIENT-PRINCIPAL"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(json.ToJsonString()));
        return headers;
    }
}
