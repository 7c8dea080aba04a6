using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Security;

/// <summary>DELETE /api/slt/members/{email}: take someone off the SLT list; the flow can no longer act for them (SLT role or group only).</summary>
public sealed class RemoveSltMember(SltMembershipService membership)
{
    [Function(nameof(RemoveSltMember))]
    [SltManagersOnly(SltMembershipAuditActions.Refused, "{email}")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "slt/members/{email}")] HttpRequest request, string email, CancellationToken ct) =>
        await RouteValues.RefuseAsync(request, "email", email, ct)
        ?? SltMembersHttp.Map(await membership.RemoveAsync(request.Caller(), email, ct), email);
}
