using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Rotation;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Rotation;

/// <summary>PUT /api/terms (signed-in SLT): load the council's term dates; bad or overlapping dates are refused with a reason.</summary>
public sealed class PutTerms(TermCalendarService terms)
{
    public const long MaxBodyBytes = 64 * 1024;

    [Function(nameof(PutTerms))]
    [SltOnly("terms.refused", "credentials")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "terms")] HttpRequest request,
        CancellationToken ct)
    {
        var (body, refusal) = await RotationHttp.ReadBodyAsync(request, MaxBodyBytes, ct);
        if (refusal is not null) return refusal;

        var result = await terms.PutAsync(body!, request.Caller().Id, ct);
        return result.IsValid
            ? RotationHttp.Ok(new { Terms = result.Value!.Terms.Select(t => new { t.Id, Name = t.Name.ToString().ToLowerInvariant(), t.Start, t.End }) })
            : ProblemResults.BadRequest(result.Errors);
    }
}
