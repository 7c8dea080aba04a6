using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Rotation;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Rotation;

/// <summary>POST /api/credentials/rotation (signed-in SLT): verify the new X credentials and install them in Key Vault.</summary>
public sealed class SubmitRotatedCredentials(CredentialRotationService rotation)
{
    /// <summary>Four credentials of at most 200 characters each, as JSON, fit easily.</summary>
    public const long MaxBodyBytes = 4 * 1024;

    [Function(nameof(SubmitRotatedCredentials))]
    [SltOnly("credentials.rotation-refused", "credentials")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "credentials/rotation")] HttpRequest request,
        CancellationToken ct)
    {
        var (body, refusal) = await RotationHttp.ReadBodyAsync(request, MaxBodyBytes, ct);
        if (refusal is not null) return refusal;

        var result = await rotation.SubmitAsync(body!, request.Caller().Id, ct);
        return result.Outcome switch
        {
            RotationOutcome.Rotated => RotationHttp.Ok(new
            {
                result.Message,
                result.CycleId,
                result.ExpiresOn,
                Versions = result.Versions!.Select(v => new { v.Name, v.Version }),
            }),
            RotationOutcome.Invalid => ProblemResults.BadRequest(result.Errors),
            RotationOutcome.Refused => RotationHttp.Unprocessable(result.Message),
            RotationOutcome.Conflict => ProblemResults.Conflict(result.Message),
            _ => RotationHttp.Unavailable(result.Message),
        };
    }
}
