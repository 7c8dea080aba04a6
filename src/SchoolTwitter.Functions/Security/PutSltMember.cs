using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Security;

/// <summary>PUT /api/slt/members/{email} {"name","objectId"}: add someone to the SLT list, or update them (SLT role or group only).</summary>
public sealed class PutSltMember(SltMembershipService membership)
{
    [Function(nameof(PutSltMember))]
    [SltManagersOnly(SltMembershipAuditActions.Refused, "{email}")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "slt/members/{email}")] HttpRequest request, string email, CancellationToken ct)
    {
        if (await RouteValues.RefuseAsync(request, "email", email, ct) is { } refused) return refused;
        var body = await BoundedBodyReader.ReadAsync(request, SltMembersHttp.BodyLimitBytes, ct);
        if (body.TooLarge) return ProblemResults.PayloadTooLarge(SltMembersHttp.BodyLimitBytes);
        return SltMembersHttp.Map(await membership.PutAsync(request.Caller(), email, body.Bytes, ct), email);
    }
}
