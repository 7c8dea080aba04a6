using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Security;

/// <summary>GET /api/slt/members: the SLT list the flow's submitters are checked against (SLT role or group only).</summary>
public sealed class ListSltMembers(SltMembershipService membership)
{
    [Function(nameof(ListSltMembers))]
    [SltManagersOnly(SltMembershipAuditActions.Refused, SltMembershipAuditActions.ListSubject)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "slt/members")] HttpRequest request, CancellationToken ct) =>
        SltMembersHttp.Map(await membership.ListAsync(ct), null);
}
