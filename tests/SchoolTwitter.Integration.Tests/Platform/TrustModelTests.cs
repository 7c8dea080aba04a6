using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Functions.Drafts;
using SchoolTwitter.Functions.Http;
using SchoolTwitter.Integration.Tests.Drafts;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.TestHost;

namespace SchoolTwitter.Integration.Tests.Platform;

/// <summary>
/// Who may act as SLT, proved through the HTTP functions (access middleware, then the function) with the header sets App
/// Service Authentication really sends: Easy Auth on and off, the flow's app token with and without Flow.Submit, forged
/// headers, and the same person approving under another address, a UPN or an object id alone.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TrustModelTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private DraftTestKit _kit = null!;
    private string _head = null!;
    private string _deputy = null!;

    public async Task InitializeAsync()
    {
        _kit = await DraftTestKit.StartAsync(azurite);
        _head = await _kit.NewSltMemberAsync("head");
        _deputy = await _kit.NewSltMemberAsync("deputy");
    }

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    private static string NewOid() => Guid.NewGuid().ToString();

    private static string Text() => DraftTestKit.UniqueText();

    /// <summary>A draft that only warns, so it waits for a second SLT member.</summary>
    private async Task<string> AwaitingApprovalAsync(IDictionary<string, string> submitterHeaders, string? submittedBy = null)
    {
        var reply = await _kit.SubmitAsync(DraftTestKit.DraftJson($"Sports day is {DraftTestKit.WarnWord} on Friday; {DraftTestKit.UniqueText("we raised")}", submittedBy), submitterHeaders);
        reply.Status.ShouldBe(202, reply.Body?.ToJsonString());
        var id = reply.Str("id");
        await _kit.RunCheckQueueAsync(id);
        (await _kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.AwaitingApproval);
        return id;
    }

    // ------------------------------------------------------------------ Easy Auth off: nothing in the headers is believed

    public static TheoryData<Type, string, string[]> HttpFunctionTypes()
    {
        var data = new TheoryData<Type, string, string[]>();
        foreach (var (type, method) in HttpFunctionMethods())
        {
            var route = method.GetParameters().Where(p => p.ParameterType == typeof(string)).Select(p => p.Name!).ToArray();
            data.Add(type, method.Name, route);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(HttpFunctionTypes))]
    public async Task With_easy_auth_off_every_http_function_refuses_a_consistent_slt_principal(Type function, string method, string[] route)
    {
        await using var off = await DraftTestKit.StartAsync(azurite, configure: o => o.Settings[EasyAuthPrincipal.EnabledSetting] = null);
        var head = await off.NewSltMemberAsync("head");
        var headers = EasyAuthHeaders.Person(head, "SLT");
        var body = Encoding.UTF8.GetBytes(DraftTestKit.DraftJson(Text(), head).ToJsonString());

        var reply = Reply.From(await HttpFunctions.InvokeAsync(function.GetMethod(method)!, off.Host.Services,
            DraftTestKit.Request("POST", "/api/x", body, headers: headers), [.. route.Select(r => (r, "d-" + Guid.NewGuid().ToString("N")))]));

        reply.Status.ShouldBe(401);
        reply.ContentType.ShouldBe(ProblemResults.ContentType);
        reply.Str("detail").ShouldContain("App Service Authentication");
    }

    [Fact]
    public async Task With_easy_auth_off_a_submission_is_refused_with_the_reason_in_the_answer_the_log_and_the_audit()
    {
        await using var off = await DraftTestKit.StartAsync(azurite, configure: o => o.Settings[EasyAuthPrincipal.EnabledSetting] = null);
        var head = await off.NewSltMemberAsync("head");
        var since = DateTimeOffset.UtcNow;

        var signedIn = await off.SubmitAsync(DraftTestKit.DraftJson(Text(), head), EasyAuthHeaders.Person(head, "SLT"));
        var keyOnly = await off.SubmitAsync(DraftTestKit.DraftJson(Text(), head), new Dictionary<string, string>());
        var flow = await off.SubmitAsync(DraftTestKit.DraftJson(Text(), head), EasyAuthHeaders.Flow());

        foreach (var reply in new[] { signedIn, keyOnly, flow })
        {
            reply.Status.ShouldBe(401);
            reply.Str("detail").ShouldContain("App Service Authentication (Easy Auth) is not turned on");
        }
        (await off.StoredSinceAsync(since)).ShouldBe(0);
        off.Host.Logs.Entries.ShouldContain(e => e.Level == LogLevel.Error && e.Message.Contains("WEBSITE_AUTH_ENABLED is not True"));
        off.Host.Logs.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.Contains("SubmitDraft refused") && e.Message.Contains("App Service Authentication"))
            .ShouldBe(3);
        (await off.AuditAsync("draft")).ShouldContain(e => e.Action == DraftAuditActions.Refused && e.Detail != null && e.Detail.Contains("App Service Authentication"));
    }

    // ------------------------------------------------------------------ the flow: its own token, Flow.Submit, a listed member

    [Fact]
    public async Task A_key_only_caller_naming_an_slt_member_is_refused_401_and_nothing_is_stored()
    {
        var since = DateTimeOffset.UtcNow;
        var request = DraftTestKit.Request("POST", "/api/drafts", Encoding.UTF8.GetBytes(DraftTestKit.DraftJson(Text(), _head).ToJsonString()));

        var reply = Reply.From(await _kit.CallAsync<SubmitDraft>(request));

        reply.Status.ShouldBe(401);
        reply.Str("detail").ShouldContain("no signed-in principal");
        request.HttpContext.Response.Headers.WWWAuthenticate.ToString().ShouldBe("Bearer");
        (await _kit.StoredSinceAsync(since)).ShouldBe(0);
    }

    [Fact]
    public async Task A_refusal_for_an_over_long_route_id_is_answered_and_audited_under_the_function_not_a_500()
    {
        var id = new string('a', 2048);

        var reply = await _kit.ApproveAsync(id, _deputy, new Dictionary<string, string>());

        reply.Status.ShouldBe(401);
        (await _kit.AuditAsync(nameof(ApproveDraft))).ShouldContain(e => e.Action == DraftAuditActions.ApprovalRefused && e.Actor == "anonymous");
    }

    [Fact]
    public async Task The_flow_holding_Flow_Submit_submits_for_a_listed_member_and_the_audit_says_through_the_flow()
    {
        var reply = await _kit.SubmitAsync(DraftTestKit.DraftJson(Text(), _deputy.ToUpperInvariant()), EasyAuthHeaders.Flow());

        reply.Status.ShouldBe(202);
        var id = reply.Str("id");
        (await _kit.DraftAsync(id))!.SubmittedBy.ShouldBe(_deputy);
        (await _kit.AuditAsync(id)).ShouldContain(e => e.Action == DraftAuditActions.Submitted && e.Actor == _deputy
            && e.Detail != null && e.Detail.Contains($"submitted by {_deputy} through the flow"));
    }

    [Fact]
    public async Task The_flow_app_without_Flow_Submit_is_refused_naming_the_role()
    {
        var since = DateTimeOffset.UtcNow;

        var reply = await _kit.SubmitAsync(DraftTestKit.DraftJson(Text(), _deputy), EasyAuthHeaders.Application(roles: "SLT"));

        reply.Status.ShouldBe(403);
        reply.Str("detail").ShouldContain("Flow.Submit");
        (await _kit.StoredSinceAsync(since)).ShouldBe(0);
    }

    [Fact]
    public async Task Another_application_holding_Flow_Submit_is_not_the_flow()
    {
        var reply = await _kit.SubmitAsync(DraftTestKit.DraftJson(Text(), _deputy),
            EasyAuthHeaders.Application(NewOid(), NewOid(), SltOptions.FlowAppRole));

        reply.Status.ShouldBe(403);
        reply.Str("detail").ShouldContain("application other than the school's flow");
    }

    [Fact]
    public async Task The_flow_naming_someone_off_the_slt_list_is_refused_and_audited_with_the_name()
    {
        var outsider = $"parent-{Guid.NewGuid():N}@example.com";

        var reply = await _kit.SubmitAsync(DraftTestKit.DraftJson(Text(), outsider), EasyAuthHeaders.Flow());

        reply.Status.ShouldBe(403);
        reply.Str("detail").ShouldContain("not on the SLT list");
        (await _kit.AuditAsync("draft")).ShouldContain(e => e.Action == DraftAuditActions.Refused && e.Actor == outsider);
    }

    [Fact]
    public async Task A_signed_in_slt_member_submits_as_themselves_whatever_submittedBy_says_and_their_object_id_is_stored()
    {
        var reply = await _kit.SubmitAsync(DraftTestKit.DraftJson(Text(), _deputy), EasyAuthHeaders.Person(_head, "SLT"));

        reply.Status.ShouldBe(202);
        var stored = (await _kit.DraftAsync(reply.Str("id")))!;
        stored.SubmittedBy.ShouldBe(_head);
        stored.SubmittedByObjectId.ShouldBe(EasyAuthHeaders.ObjectIdOf(_head));
    }

    // ------------------------------------------------------------------ forged headers

    [Fact]
    public async Task Forged_headers_claiming_the_slt_role_are_refused_401_and_the_refusal_is_audited_once()
    {
        var id = await AwaitingApprovalAsync(EasyAuthHeaders.Flow(), _head);
        var forged = EasyAuthHeaders.Person(_deputy, "SLT");
        forged[ClientPrincipalParser.PrincipalIdHeader] = NewOid(); // Easy Auth would have set the principal's own id

        var reply = await _kit.ApproveAsync(id, approvedBy: null, forged);

        reply.Status.ShouldBe(401);
        (await _kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.AwaitingApproval);
        (await _kit.AuditAsync(id)).Where(e => e.Action == DraftAuditActions.ApprovalRefused).ShouldHaveSingleItem()
            .Outcome.ShouldContain("forged principal");
    }

    [Fact]
    public async Task Forged_headers_dressed_as_the_flow_are_refused()
    {
        var claims = new[]
        {
            (ClientPrincipal.ObjectIdClaim, EasyAuthHeaders.FlowObjectId),
            ("appid", EasyAuthHeaders.FlowClientId),
            ("roles", SltOptions.FlowAppRole),
        };
        var forged = new Dictionary<string, string>
        {
            [ClientPrincipalParser.PrincipalHeader] = EasyAuthHeaders.Encode(claims),
            [ClientPrincipalParser.PrincipalIdpHeader] = "github", // disagrees with auth_typ
        };

        var reply = await _kit.SubmitAsync(DraftTestKit.DraftJson(Text(), _head), forged);

        reply.Status.ShouldBe(401);
    }

    // ------------------------------------------------------------------ routes that are SLT-only

    [Fact]
    public async Task Reading_a_draft_needs_a_signed_in_slt_member()
    {
        var id = (await _kit.SubmitAsync(DraftTestKit.DraftJson(Text(), _head))).Str("id");

        (await _kit.GetAsync(id, new Dictionary<string, string>())).Status.ShouldBe(401);
        (await _kit.GetAsync(id, EasyAuthHeaders.Flow())).Status.ShouldBe(403);
        (await _kit.GetAsync(id, EasyAuthHeaders.Person($"teacher-{Guid.NewGuid():N}@school.example", "Staff"))).Status.ShouldBe(403);
        (await _kit.GetAsync(id, EasyAuthHeaders.Person(_deputy))).Str("id").ShouldBe(id);
        (await _kit.AuditAsync(id)).ShouldContain(e => e.Action == "draft.read-refused" && e.Actor == "anonymous");
    }

    [Fact]
    public async Task The_roster_is_slt_only_the_flow_or_a_query_submitter_cannot_replace_it()
    {
        const string csv = "Id,FirstName,LastName,PhotoConsent\nP900,Ada,Lovelace,Y\n";
        var query = $"?submittedBy={Uri.EscapeDataString(_head)}";

        var byFlow = Reply.From(await _kit.CallAsync<PutRoster>(DraftTestKit.Request("PUT", "/api/roster", Encoding.UTF8.GetBytes(csv), "text/csv", EasyAuthHeaders.Flow(), query)));
        var byQuery = Reply.From(await _kit.CallAsync<PutRoster>(DraftTestKit.Request("PUT", "/api/roster", Encoding.UTF8.GetBytes(csv), "text/csv", new Dictionary<string, string>(), query)));

        byFlow.Status.ShouldBe(403);
        byQuery.Status.ShouldBe(401);
        (await _kit.AuditAsync("roster")).ShouldContain(e => e.Action == DraftAuditActions.RosterRefused && e.Actor == $"flow:{EasyAuthHeaders.FlowObjectId}");
    }

    // ------------------------------------------------------------------ four eyes compares people

    [Fact]
    public async Task Four_eyes_refuses_the_flow_submitter_approving_signed_in_under_another_upn()
    {
        var oid = NewOid();
        var member = $"jane.smith-{Guid.NewGuid():N}@school.example";
        await _kit.Get<ISltMemberList>().AddAsync(member, "Jane Smith", "test", CancellationToken.None, objectId: oid);
        await _kit.Get<ISltMemberList>().SetAgreementAsync(member, DraftTestKit.AgreementSigned, CancellationToken.None);
        var id = await AwaitingApprovalAsync(EasyAuthHeaders.Flow(), member);
        (await _kit.DraftAsync(id))!.SubmittedByObjectId.ShouldBe(oid, "the flow-relayed address maps to the listed member's object id");

        var reply = await _kit.ApproveAsync(id, approvedBy: null, EasyAuthHeaders.Person($"jsmith-{Guid.NewGuid():N}@school.onmicrosoft.example", oid, [], "SLT"));

        reply.Status.ShouldBe(403);
        reply.Str("detail").ShouldContain("Four eyes");
        (await _kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.AwaitingApproval);
    }

    [Fact]
    public async Task Four_eyes_refuses_the_signed_in_submitter_approving_through_the_flow_under_an_alias()
    {
        var oid = NewOid();
        var alias = $"j.smith-{Guid.NewGuid():N}@school.example";
        await _kit.Get<ISltMemberList>().AddAsync(alias, "Jane Smith", "test", CancellationToken.None, objectId: oid);
        await _kit.Get<ISltMemberList>().SetAgreementAsync(alias, DraftTestKit.AgreementSigned, CancellationToken.None);
        var id = await AwaitingApprovalAsync(await _kit.SignedSltAsync($"jane-{Guid.NewGuid():N}@school.example", oid));

        var reply = await _kit.ApproveAsync(id, alias);

        reply.Status.ShouldBe(403);
        (await _kit.AuditAsync(id)).ShouldContain(e => e.Action == DraftAuditActions.ApprovalRefused && e.Outcome.Contains("cannot approve their own"));
    }

    [Fact]
    public async Task Four_eyes_refuses_the_submitter_approving_with_an_object_id_only_principal()
    {
        var oid = NewOid();
        var id = await AwaitingApprovalAsync(await _kit.SignedSltAsync($"head-{Guid.NewGuid():N}@school.example", oid));

        var reply = await _kit.ApproveAsync(id, approvedBy: null, EasyAuthHeaders.ObjectIdOnly(oid.ToUpperInvariant(), "SLT"));

        reply.Status.ShouldBe(403);
        (await _kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.AwaitingApproval);
    }

    [Fact]
    public async Task Another_slt_member_approves_through_the_flow_and_the_audit_says_so()
    {
        var id = await AwaitingApprovalAsync(EasyAuthHeaders.Flow(), _head);

        var reply = await _kit.ApproveAsync(id, _deputy);

        reply.Status.ShouldBe(200);
        (await _kit.DraftAsync(id))!.ApprovedBy.ShouldBe(_deputy);
        (await _kit.AuditAsync(id)).ShouldContain(e => e.Action == DraftAuditActions.Approved && e.Detail != null && e.Detail.Contains($"approved by {_deputy} through the flow"));
    }

    [Fact]
    public async Task A_signed_in_slt_member_cannot_approve_on_someone_elses_behalf()
    {
        var id = await AwaitingApprovalAsync(EasyAuthHeaders.Flow(), _head);

        // The body's approvedBy is the flow's to set: a signed-in caller approves as themselves, here the submitter.
        var reply = await _kit.ApproveAsync(id, _deputy, EasyAuthHeaders.Person(_head, "SLT"));

        reply.Status.ShouldBe(403);
        (await _kit.DraftAsync(id))!.ApprovedBy.ShouldBeNull();
    }

    // ------------------------------------------------------------------ one place decides: the middleware and the attributes

    [Fact]
    public void Every_http_function_declares_exactly_one_access_rule()
    {
        var functions = HttpFunctionMethods().ToList();

        functions.Select(f => f.Method.GetCustomAttribute<FunctionAttribute>()!.Name).ToHashSet()
            .SetEquals(FunctionsMetadata.Read().Where(f => f.TriggerType == "httpTrigger").Select(f => f.Name)).ShouldBeTrue("every HTTP trigger is enumerated");
        foreach (var (type, method) in functions)
        {
            method.GetCustomAttributes<HttpAccessAttribute>().Count().ShouldBe(1, $"{type.Name} must declare who may call it ([SltOnly], [FlowOrSlt] or [SltManagersOnly])");
            HttpAccessMiddleware.RuleFor($"{type.FullName}.{method.Name}").ShouldNotBeNull();
        }
    }

    [Fact]
    public async Task A_function_without_an_access_rule_is_refused_even_for_an_slt_member()
    {
        var reply = Reply.From(await HttpFunctions.InvokeAsync<UnruledFunction>(_kit.Host.Services,
            DraftTestKit.Request("GET", "/api/unruled", [], headers: EasyAuthHeaders.Person(_head, "SLT"))));

        reply.Status.ShouldBe(403);
        reply.Str("detail").ShouldContain("declares no access rule");
        UnruledFunction.Ran.ShouldBeFalse();
    }

    [Fact]
    public async Task A_function_called_without_the_access_check_does_nothing()
    {
        var since = DateTimeOffset.UtcNow;
        var request = DraftTestKit.Request("POST", "/api/drafts", Encoding.UTF8.GetBytes(DraftTestKit.DraftJson(Text(), _head).ToJsonString()),
            headers: EasyAuthHeaders.Person(_head, "SLT"));

        await Should.ThrowAsync<InvalidOperationException>(() => _kit.Function<SubmitDraft>().Run(request, CancellationToken.None));

        (await _kit.StoredSinceAsync(since)).ShouldBe(0);
    }

    private static IEnumerable<(Type Type, MethodInfo Method)> HttpFunctionMethods() =>
        typeof(HttpAccessMiddleware).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods().Select(m => (Type: t, Method: m)))
            .Where(f => f.Method.GetCustomAttribute<FunctionAttribute>() is not null
                        && f.Method.GetParameters().Any(p => p.GetCustomAttribute<HttpTriggerAttribute>() is not null));

    /// <summary>An HTTP function that forgot its access attribute.</summary>
    public sealed class UnruledFunction
    {
        public static bool Ran { get; private set; }

        [Function("Unruled")]
        public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = "unruled")] HttpRequest request)
        {
            Ran = true;
            return Task.FromResult<IActionResult>(new OkResult());
        }
    }
}
