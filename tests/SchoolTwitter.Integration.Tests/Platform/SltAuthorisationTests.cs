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
        await _host.Get<ISltMemberList>().AddAsync(_member.ToUpperInvariant(), "Deputy Head", "test", CancellationToken.None);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<SltDecision> Decide(PrincipalReading reading, string? claimed = null) =>
        _host.Get<SltDirectory>().DecideAsync(reading, claimed, CancellationToken.None);

    private static PrincipalReading Read(string principal) => ClientPrincipalParser.Read(principal, null, null, null);

    [Fact]
    public async Task A_principal_with_the_SLT_app_role_is_SLT()
    {
        var decision = await Decide(Read(Principals.Person($"x{Guid.NewGuid():N}@school.example", role: "SLT")));
        decision.IsSlt.ShouldBeTrue();
        decision.Caller!.Kind.ShouldBe(CallerKind.Principal);
        decision.Reason.ShouldBe("SLT app role");
    }

    [Fact]
    public async Task A_principal_in_an_SLT_group_is_SLT()
    {
        (await Decide(Read(Principals.Person($"x{Guid.NewGuid():N}@school.example", group: "bbbb-other")))).IsSlt.ShouldBeTrue();
    }

    [Fact]
    public async Task A_principal_whose_email_is_on_the_SLT_list_is_SLT()
    {
        var decision = await Decide(Read(Principals.Person(_member)));
        decision.IsSlt.ShouldBeTrue();
        decision.Caller!.Email.ShouldBe(_member);
    }

    [Fact]
    public async Task A_signed_in_teacher_without_role_group_or_listing_is_not_SLT_even_naming_an_SLT_submitter()
    {
        var decision = await Decide(Read(Principals.Person($"teacher{Guid.NewGuid():N}@school.example", role: "Staff")), claimed: _member);
        decision.IsSlt.ShouldBeFalse();
        decision.Caller!.Email.ShouldStartWith("teacher");
    }

    [Fact]
    public async Task The_power_automate_connection_submitting_for_a_listed_member_is_SLT()
    {
        var decision = await Decide(PrincipalReading.None, "  " + _member.ToUpperInvariant() + " ");
        decision.IsSlt.ShouldBeTrue();
        decision.Caller!.Kind.ShouldBe(CallerKind.ClaimedSubmitter);
        decision.Caller.Email.ShouldBe(_member);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-an-email")]
    [InlineData("stranger@elsewhere.example")]
    public async Task The_connection_submitting_for_anyone_else_is_not_SLT(string? claimed)
    {
        (await Decide(PrincipalReading.None, claimed)).IsSlt.ShouldBeFalse();
    }

    [Fact]
    public async Task A_forged_principal_is_never_SLT_even_with_an_SLT_submitter()
    {
        var decision = await Decide(ClientPrincipalParser.Read(Principals.Person(_member, role: "SLT"), "wrong-id", null, null), _member);
        decision.IsSlt.ShouldBeFalse();
        decision.IsForged.ShouldBeTrue();
        decision.Caller.ShouldBeNull();
    }

    [Fact]
    public async Task Removed_members_are_no_longer_SLT()
    {
        var list = _host.Get<ISltMemberList>();
        var email = $"leaver-{Guid.NewGuid():N}@school.example";
        await list.AddAsync(email, null, "test", CancellationToken.None);
        (await list.ListAsync(CancellationToken.None)).ShouldContain(m => m.Email == email);

        await list.RemoveAsync(email, CancellationToken.None);

        (await Decide(PrincipalReading.None, email)).IsSlt.ShouldBeFalse();
    }

    [Fact]
    public void Four_eyes_compares_people_by_email_or_object_id()
    {
        var a = new Caller(CallerKind.Principal, "a@school.example", "oid-1", "A", true);
        a.IsSamePersonAs(a with { Kind = CallerKind.ClaimedSubmitter, ObjectId = null }).ShouldBeTrue();
        a.IsSamePersonAs(new Caller(CallerKind.Principal, "b@school.example", "oid-1", "B", true)).ShouldBeTrue();
        a.IsSamePersonAs(new Caller(CallerKind.Principal, "b@school.example", "oid-2", "B", true)).ShouldBeFalse();
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
