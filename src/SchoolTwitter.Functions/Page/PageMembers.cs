using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Page;

/// <summary>
/// SLT members on the SLT page: who may use the account and the date each signed the Social Media User Agreement (council
/// policy 6.1). SLT managers (the SLT app role or group) add members and record the date, through the same services as the
/// HTTP API's SLT list.
/// </summary>
public sealed class PageMembers(SltMembershipService membership, SltAgreement agreements)
{
    [Function("SltPageMembers")]
    [SltOnly("page.refused", SltMembershipAuditActions.ListSubject)]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "page/members")] HttpRequest request, CancellationToken ct)
    {
        var list = await membership.ListAsync(ct);
        return PageAnswers.Json(request, new
        {
            MayChange = request.Caller().ManagesSltList,
            Members = list.Members.Select(m => new
            {
                m.Email,
                Name = m.Name ?? m.Email,
                Signed = m.AgreementSignedOn is { } d ? PageAnswers.Day(d) : null,
                SignedOn = m.AgreementSignedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Added = PageAnswers.When(m.AddedAt),
                m.AddedBy,
            }),
        });
    }

    [Function("SltPageAddMember")]
    [SltManagersOnly(SltMembershipAuditActions.Refused, "{email}")]
    public async Task<IActionResult> Add(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "page/members/{email}")] HttpRequest request, string email, CancellationToken ct)
    {
        if (await RouteValues.RefuseAsync(request, "email", email, ct) is { } refused) { PageAnswers.Secure(request.HttpContext.Response); return refused; }
        var body = await PageAnswers.ReadObjectAsync(request, 4 * 1024, ct);
        var name = PageAnswers.Text(body, "name");
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { name });
        var result = await membership.PutAsync(request.Caller(), email, json, ct);
        if (result.Outcome == SltMembershipOutcome.Invalid) return PageAnswers.Problem(request, ProblemResults.BadRequest(result.Errors));

        var signedOn = PageAnswers.Text(body, "signedOn");
        if (!string.IsNullOrWhiteSpace(signedOn) && await Record(request, email, signedOn, ct) is { } notRecorded) return notRecorded;
        return PageAnswers.Json(request, new { Message = $"{result.Members[0].Email} is on the SLT list." });
    }

    [Function("SltPageRecordAgreement")]
    [SltManagersOnly(SltMembershipAuditActions.Refused, "{email}")]
    public async Task<IActionResult> Agreement(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "page/members/{email}/agreement")] HttpRequest request, string email, CancellationToken ct)
    {
        if (await RouteValues.RefuseAsync(request, "email", email, ct) is { } refused) { PageAnswers.Secure(request.HttpContext.Response); return refused; }
        var body = await PageAnswers.ReadObjectAsync(request, 4 * 1024, ct);
        if (body is null) return PageAnswers.Problem(request, PageAnswers.NotReadable());
        return await Record(request, email, PageAnswers.Text(body, "signedOn"), ct)
            ?? PageAnswers.Json(request, new { Message = "Recorded." });
    }

    private async Task<IActionResult?> Record(HttpRequest request, string email, string? signedOn, CancellationToken ct)
    {
        var result = await agreements.RecordAsync(request.Caller(), email, signedOn, ct);
        return result.Outcome switch
        {
            SltAgreementOutcome.Recorded => null,
            SltAgreementOutcome.NotOnList => PageAnswers.Problem(request, ProblemResults.NotFound($"{email} is not on the SLT list.")),
            _ => PageAnswers.Problem(request, ProblemResults.BadRequest(result.Errors!)),
        };
    }
}
