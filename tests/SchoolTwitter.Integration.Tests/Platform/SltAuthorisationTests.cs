using System.Text;
using System.Text.Json;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.TestHost;

namespace SchoolTwitter.Integration.Tests.Platform;

/// <summary>Builds X-MS-CLIENT-PRINCIPAL values as Easy Auth does.</summary>
public static class Principals
{
    public const string ObjectId = "11111111-2222-3333-4444-555555555555";

    public static string Encode(string authType = "aad", params (string Type, string Value)[] claims)
    {
        var json = JsonSerializer.Serialize(new
        {
            auth_typ = authType,
            name_typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
            role_typ = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
            claims = claims.Select(c => new { typ = c.Type, val = c.Value }),
        });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }

    public static string Person(string email, string? role = null, string? group = null)
    {
        var claims = new List<(string, string)>
        {
            (ClientPrincipal.ObjectIdClaim, ObjectId),
            (ClientPrincipal.NameClaimUri, email),
            ("preferred_username", email),
        };
        if (role is not null) { claims.Add(("roles", role)); }
        if (group is not null) { claims.Add(("groups", group)); }
        return Encode("aad", claims.ToArray());
    }
}

public sealed class ClientPrincipalParserTests
{
    [Fact]
    public void No_headers_means_no_principal_and_nothing_forged()
    {
        var reading = ClientPrincipalParser.Read(null, null, null, null);
        reading.Principal.ShouldBeNull();
        reading.IsForged.ShouldBeFalse();
    }

    [Fact]
    public void A_consistent_principal_is_read_with_its_email_roles_and_groups()
    {
        var reading = ClientPrincipalParser.Read(Principals.Person("Head@School.example", role: "SLT", group: "g1"), Principals.ObjectId, "Head@School.example", "aad");

        reading.IsForged.ShouldBeFalse();
        var p = reading.Principal.ShouldNotBeNull();
        p.Email.ShouldBe("Head@School.example");
        p.ObjectId.ShouldBe(Principals.ObjectId);
        p.Roles.ShouldBe(["SLT"]);
        p.Groups.ShouldBe(["g1"]);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("bm90IGpzb24=")] // "not json"
    [InlineData("eyJjbGFpbXMiOltdfQ==")] // {"claims":[]} without auth_typ
    [InlineData("eyJhdXRoX3R5cCI6ImFhZCJ9")] // {"auth_typ":"aad"} without claims
    [InlineData("eyJhdXRoX3R5cCI6ImFhZCIsImNsYWltcyI6W3sidHlwIjoxfV19")] // claim typ not a string
    [InlineData("eyJhdXRoX3R5cCI6ImFhZCIsImNsYWltcyI6W119")] // {"auth_typ":"aad","claims":[]}: names nobody
    public void A_malformed_principal_is_forged(string header)
    {
        ClientPrincipalParser.Read(header, null, null, null).IsForged.ShouldBeTrue();
    }

    [Fact]
    public void A_principal_id_header_disagreeing_with_the_claims_is_forged()
    {
        var reading = ClientPrincipalParser.Read(Principals.Person("head@school.example"), "99999999-0000-0000-0000-000000000000", null, null);
        reading.IsForged.ShouldBeTrue();
        reading.ForgeryReason!.ShouldContain("X-MS-CLIENT-PRINCIPAL-ID");
    }

    [Fact]
    public void A_principal_name_header_disagreeing_with_the_claims_is_forged()
    {
        ClientPrincipalParser.Read(Principals.Person("head@school.example"), Principals.ObjectId, "someone.else@school.example", null)
            .ForgeryReason!.ShouldContain("X-MS-CLIENT-PRINCIPAL-NAME");
    }

    [Fact]
    public void An_identity_provider_header_disagreeing_with_auth_typ_is_forged()
    {
        ClientPrincipalParser.Read(Principals.Person("head@school.example"), Principals.ObjectId, null, "github").IsForged.ShouldBeTrue();
    }

    [Fact]
    public void Principal_id_or_name_headers_without_the_principal_are_forged()
    {
        ClientPrincipalParser.Read(null, Principals.ObjectId, null, null).IsForged.ShouldBeTrue();
        ClientPrincipalParser.Read("", null, "head@school.example", null).IsForged.ShouldBeTrue();
    }

    [Fact]
    public void An_oversized_principal_is_forged()
    {
        ClientPrincipalParser.Read(new string('A', ClientPrincipalParser.MaxHeaderLength + 4), null, null, null).IsForged.ShouldBeTrue();
    }
}

[Collection(AzuriteCollection.Name)]
public sealed class SltDirectoryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private SchoolTwitterTestHost _host = null!;
    private readonly string _member = $"slt-{Guid.NewGuid():N}@school.example";

    public async Task InitializeAsync()
    {
        _host = await SchoolTwitterTestHost.StartAsync(azurite, o => o.Settings["Slt__GroupIds"] = "aaaa-slt-group, bbbb-other");
        await Members.AddAsync(_member.ToUpperInvariant(), "Deputy Head", "test", CancellationToken.None);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private ISltMemberList Members => _host.Get<ISltMemberList>();

    private ISltDirectory Directory => _host.Get<ISltDirectory>();

    private Task<Caller> Resolve(PrincipalReading reading) => Directory.ResolveAsync(reading, CancellationToken.None);

    private static PrincipalReading Read(string principal) => ClientPrincipalParser.Read(principal, null, null, null);

    private static PrincipalReading App(string clientId, params string[] roles) =>
        Read(EasyAuthHeaders.Application(clientId, roles: roles)[ClientPrincipalParser.PrincipalHeader]);

    private static string NewOid() => Guid.NewGuid().ToString();

    /// <summary>A person's principal (one address, one object id), as Easy Auth passes it.</summary>
    private static PrincipalReading Person(string email, params string[] roles) => Read(EasyAuthHeaders.Person(email, roles)[ClientPrincipalParser.PrincipalHeader]);

    [Fact]
    public async Task A_principal_with_the_SLT_app_role_is_SLT_and_may_manage_the_list()
    {
        var caller = await Resolve(Person($"x{Guid.NewGuid():N}@school.example", "SLT"));
        caller.IsSlt.ShouldBeTrue();
        caller.IsSignedInSlt.ShouldBeTrue();
        caller.ManagesSltList.ShouldBeTrue();
        caller.Kind.ShouldBe(CallerKind.Principal);
        caller.Reason.ShouldBe("SLT app role");
    }

    [Fact]
    public async Task A_principal_in_an_SLT_group_is_SLT()
    {
        (await Resolve(Read(EasyAuthHeaders.Person($"x{Guid.NewGuid():N}@school.example", NewOid(), ["bbbb-other"])[ClientPrincipalParser.PrincipalHeader]))).IsSlt.ShouldBeTrue();
    }

    [Fact]
    public async Task A_principal_whose_email_is_on_the_SLT_list_is_SLT_but_may_not_manage_the_list()
    {
        var caller = await Resolve(Person(_member));
        caller.IsSlt.ShouldBeTrue();
        caller.ManagesSltList.ShouldBeFalse();
        caller.Email.ShouldBe(_member);
    }

    [Fact]
    public async Task Signing_in_links_a_listed_address_to_the_persons_object_id()
    {
        var email = $"linked-{Guid.NewGuid():N}@school.example";
        var oid = NewOid();
        await Members.AddAsync(email, null, "test", CancellationToken.None);

        (await Resolve(Read(EasyAuthHeaders.Person(email, oid, [])[ClientPrincipalParser.PrincipalHeader]))).IsSlt.ShouldBeTrue();

        (await Members.FindAsync(email, CancellationToken.None))!.ObjectId.ShouldBe(oid);
        (await Members.FindByObjectIdAsync(oid.ToUpperInvariant(), CancellationToken.None))!.Email.ShouldBe(email);
    }

    [Fact]
    public async Task A_listed_address_now_held_by_another_person_is_not_SLT()
    {
        var email = $"reused-{Guid.NewGuid():N}@school.example";
        await Members.AddAsync(email, null, "test", CancellationToken.None, objectId: NewOid());

        var caller = await Resolve(Read(EasyAuthHeaders.Person(email, NewOid(), [])[ClientPrincipalParser.PrincipalHeader]));

        caller.IsSlt.ShouldBeFalse("the list recorded a different person for this address (a leaver's mailbox reused)");
    }

    [Fact]
    public async Task A_principal_named_only_by_an_object_id_on_the_list_is_SLT()
    {
        var oid = NewOid();
        await Members.AddAsync($"oid-{Guid.NewGuid():N}@school.example", null, "test", CancellationToken.None, objectId: oid);

        var caller = await Resolve(Read(EasyAuthHeaders.ObjectIdOnly(oid)[ClientPrincipalParser.PrincipalHeader]));

        caller.IsSlt.ShouldBeTrue();
        caller.Email.ShouldBeNull();
        caller.Id.ShouldBe(oid);
    }

    [Fact]
    public async Task A_signed_in_teacher_without_role_group_or_listing_is_not_SLT()
    {
        var caller = await Resolve(Person($"teacher{Guid.NewGuid():N}@school.example", "Staff"));
        caller.IsSlt.ShouldBeFalse();
        caller.Kind.ShouldBe(CallerKind.Principal);
        caller.Email.ShouldStartWith("teacher");
    }

    [Fact]
    public async Task The_flow_app_holding_Flow_Submit_may_relay_but_is_not_SLT_itself()
    {
        var flow = await Resolve(App(EasyAuthHeaders.FlowClientId, SltOptions.FlowAppRole));
        flow.Kind.ShouldBe(CallerKind.Flow);
        flow.MayRelay.ShouldBeTrue();
        flow.IsSlt.ShouldBeFalse();
    }

    [Fact]
    public async Task The_flow_app_without_Flow_Submit_may_not_relay()
    {
        var flow = await Resolve(App(EasyAuthHeaders.FlowClientId));
        flow.Kind.ShouldBe(CallerKind.Flow);
        flow.MayRelay.ShouldBeFalse();
        flow.Reason.ShouldContain("Flow.Submit");
    }

    [Fact]
    public async Task Another_application_is_never_SLT_even_holding_the_SLT_and_flow_roles()
    {
        var app = await Resolve(App(NewOid(), "SLT", SltOptions.FlowAppRole));
        app.Kind.ShouldBe(CallerKind.Application);
        app.IsSlt.ShouldBeFalse();
        app.MayRelay.ShouldBeFalse();
    }

    [Fact]
    public async Task No_flow_is_trusted_when_no_flow_client_id_is_configured()
    {
        await using var host = await SchoolTwitterTestHost.StartAsync(azurite, o => o.Settings["Slt__FlowClientId"] = null);
        var app = await host.Get<ISltDirectory>().ResolveAsync(App(EasyAuthHeaders.FlowClientId, SltOptions.FlowAppRole), CancellationToken.None);
        app.Kind.ShouldBe(CallerKind.Application);
        app.Reason.ShouldContain("Slt__FlowClientId");
    }

    [Fact]
    public async Task The_flow_naming_a_listed_member_relays_that_member_with_their_object_id()
    {
        var oid = NewOid();
        var email = $"relayed-{Guid.NewGuid():N}@school.example";
        await Members.AddAsync(email, "Deputy", "test", CancellationToken.None, objectId: oid);
        await Members.SetAgreementAsync(email, new DateOnly(2026, 9, 1), CancellationToken.None);
        var flow = await Resolve(App(EasyAuthHeaders.FlowClientId, SltOptions.FlowAppRole));

        var member = await Directory.RelayAsync(flow, "  " + email.ToUpperInvariant() + " ", CancellationToken.None);

        member.IsSlt.ShouldBeTrue();
        member.AgreementSignedOn.ShouldBe(new DateOnly(2026, 9, 1));
        member.Kind.ShouldBe(CallerKind.ThroughFlow);
        member.Email.ShouldBe(email);
        member.ObjectId.ShouldBe(oid);
        member.Via.ShouldBe("through the flow");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-an-email")]
    [InlineData("stranger@elsewhere.example")]
    public async Task The_flow_naming_anyone_else_relays_nobody_SLT(string? claimed)
    {
        var flow = await Resolve(App(EasyAuthHeaders.FlowClientId, SltOptions.FlowAppRole));
        (await Directory.RelayAsync(flow, claimed, CancellationToken.None)).IsSlt.ShouldBeFalse();
    }

    [Fact]
    public async Task Only_the_flow_holding_Flow_Submit_can_name_someone()
    {
        var withoutRole = await Resolve(App(EasyAuthHeaders.FlowClientId));
        var person = await Resolve(Person($"x{Guid.NewGuid():N}@school.example", "SLT"));

        (await Directory.RelayAsync(withoutRole, _member, CancellationToken.None)).IsSlt.ShouldBeFalse();
        (await Directory.RelayAsync(person, _member, CancellationToken.None)).IsSlt.ShouldBeFalse();
        (await Directory.RelayAsync(Caller.Anonymous("no principal"), _member, CancellationToken.None)).IsSlt.ShouldBeFalse();
    }

    [Fact]
    public async Task A_forged_principal_or_easy_auth_off_is_anonymous_whatever_the_headers_claim()
    {
        var forged = await Resolve(ClientPrincipalParser.Read(Principals.Person(_member, role: "SLT"), "wrong-id", null, null));
        forged.Kind.ShouldBe(CallerKind.Anonymous);
        forged.IsSlt.ShouldBeFalse();
        forged.Reason.ShouldStartWith("forged principal");

        var off = await Resolve(PrincipalReading.AuthenticationOff);
        off.Kind.ShouldBe(CallerKind.Anonymous);
        off.Reason.ShouldContain("App Service Authentication");

        (await Resolve(PrincipalReading.None)).Kind.ShouldBe(CallerKind.Anonymous);
    }

    [Fact]
    public async Task Removed_members_are_no_longer_SLT()
    {
        var email = $"leaver-{Guid.NewGuid():N}@school.example";
        await Members.AddAsync(email, null, "test", CancellationToken.None);
        (await Members.ListAsync(CancellationToken.None)).ShouldContain(m => m.Email == email);

        await Members.RemoveAsync(email, CancellationToken.None);

        (await Resolve(Person(email))).IsSlt.ShouldBeFalse();
    }

    [Fact]
    public async Task Four_eyes_links_addresses_and_object_ids_through_the_SLT_list()
    {
        var oid = NewOid();
        var listed = $"jane.smith-{Guid.NewGuid():N}@school.example";
        await Members.AddAsync(listed, "Jane Smith", "test", CancellationToken.None, objectId: oid);
        var upn = $"jsmith-{Guid.NewGuid():N}@school.onmicrosoft.example";

        async Task<bool> Same(Caller c, string submitter, string? submitterOid) => await Directory.IsSamePersonAsync(c, submitter, submitterOid, CancellationToken.None);
        var byUpn = new Caller(CallerKind.Principal, upn, oid, "Jane", true);
        var oidOnly = new Caller(CallerKind.Principal, null, oid, null, true);
        var throughFlow = new Caller(CallerKind.ThroughFlow, listed, oid, "Jane", true);
        var listedWithoutOid = new Caller(CallerKind.ThroughFlow, listed, null, "Jane", true);
        var someoneElse = new Caller(CallerKind.Principal, $"head-{Guid.NewGuid():N}@school.example", NewOid(), "Head", true);

        (await Same(byUpn, listed, null)).ShouldBeTrue("the UPN's object id is the listed address's");
        (await Same(oidOnly, listed, oid)).ShouldBeTrue("same object id");
        (await Same(oidOnly, oid, oid)).ShouldBeTrue("an oid-only submitter is stored by object id");
        (await Same(listedWithoutOid, upn, oid)).ShouldBeTrue("the listed address links to the submitter's object id");
        (await Same(throughFlow, listed.ToUpperInvariant(), null)).ShouldBeTrue("addresses compare without case");
        (await Same(someoneElse, listed, oid)).ShouldBeFalse();
        (await Same(someoneElse, upn, null)).ShouldBeFalse();
    }
}

public sealed class ClientPrincipalHeaderConsistencyTests
{
    [Fact]
    public void Name_header_may_match_the_upn_or_email_claim()
    {
        var principal = Principals.Encode("aad",
            (ClientPrincipal.ObjectIdClaim, Principals.ObjectId),
            (ClientPrincipal.UpnClaimUri, "head@school.example"),
            ("name", "Mrs Head"));
        ClientPrincipalParser.Read(principal, Principals.ObjectId, "head@school.example", "aad").IsForged.ShouldBeFalse();
    }

    [Fact]
    public void Id_header_may_match_the_name_identifier_for_other_providers()
    {
        var principal = Principals.Encode("github",
            (ClientPrincipal.NameIdentifierClaimUri, "12345"),
            (ClientPrincipal.NameClaimUri, "octocat"));
        ClientPrincipalParser.Read(principal, "12345", "octocat", "github").IsForged.ShouldBeFalse();
    }
}
