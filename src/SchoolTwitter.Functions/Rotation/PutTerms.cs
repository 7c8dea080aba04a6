using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Rotation;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Rotation;

/// <summary>PUT /api/terms (signed-in SLT): load the council's term dates; bad or overlapping dates are refused with a reason.</summary>
public sealed class PutTerms(SltDirectory slt, TermCalendarService terms, IAuditLog audit, TimeProvider time)
{
    public const long MaxBodyBytes = 64 * 1024;

    [Function(nameof(PutTerms))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "terms")] HttpRequest request,
        CancellationToken ct)
    {
        var (caller, body, refusal) = await RotationHttp.ReadSltBodyAsync(request, MaxBodyBytes, slt, audit, time, "terms.refused", ct);
        if (refusal is not null) return refusal;

        var result = await terms.PutAsync(body!, caller!.Id, ct);
        return result.IsValid
            ? RotationHttp.Ok(new { Terms = result.Value!.Terms.Select(t => new { t.Id, Name = t.Name.ToString().ToLowerInvariant(), t.Start, t.End }) })
            : ProblemResults.BadRequest(result.Errors);
    }
}
