using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Protection;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Protection;

/// <summary>GET /api/protection/{id}: a protection case, its posts and where their take-down stands (SLT only).</summary>
public sealed class GetProtectionCase(TakeDownService takeDowns)
{
    [Function(nameof(GetProtectionCase))]
    [SltOnly(ProtectionAuditActions.Refused, "{id}")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "protection/{id}")] HttpRequest request, string id, CancellationToken ct)
    {
        if (await RouteValues.RefuseAsync(request, "id", id, ct) is { } refused) return refused;
        var report = await takeDowns.GetAsync(id, ct);
        return report is null ? ProblemResults.NotFound($"There is no protection case {id}.") : ProtectionJson.Case(report);
    }
}
