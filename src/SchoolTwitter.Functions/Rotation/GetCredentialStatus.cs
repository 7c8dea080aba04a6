using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Rotation;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Rotation;

/// <summary>GET /api/credentials/status (signed-in SLT): current term, last rotation, days until due, each secret's age and expiry — never a value.</summary>
public sealed class GetCredentialStatus(CredentialStatusService status)
{
    [Function(nameof(GetCredentialStatus))]
    [SltOnly("credentials.status-refused", "credentials")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "credentials/status")] HttpRequest request,
        CancellationToken ct) =>
        RotationHttp.Ok(await status.GetAsync(ct));
}
