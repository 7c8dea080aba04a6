using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Rotation;
using SchoolTwitter.Application.Security;

namespace SchoolTwitter.Functions.Rotation;

/// <summary>GET /api/credentials/status (signed-in SLT): current term, last rotation, days until due, each secret's age and expiry — never a value.</summary>
public sealed class GetCredentialStatus(SltDirectory slt, CredentialStatusService status, IAuditLog audit, TimeProvider time)
{
    [Function(nameof(GetCredentialStatus))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "credentials/status")] HttpRequest request,
        CancellationToken ct)
    {
        var (_, refusal) = await RotationHttp.RequireSltAsync(request, slt, audit, time, "credentials.status-refused", ct);
        if (refusal is not null) return refusal;

        return RotationHttp.Ok(await status.GetAsync(ct));
    }
}
