using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Protection;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Protection;

/// <summary>
/// POST /api/protection/{id}/confirmation: ONE SLT confirmation takes down every post of the case. Answers with the report
/// (202 while posts wait for X's rate limit: a queued continuation carries on; GET /api/protection/{id} shows progress).
/// </summary>
public sealed class ConfirmTakeDown(TakeDownService takeDowns)
{
    [Function(nameof(ConfirmTakeDown))]
    [SltOnly(ProtectionAuditActions.Refused, "{id}")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "protection/{id}/confirmation")] HttpRequest request, string id, CancellationToken ct)
    {
        if (await RouteValues.RefuseAsync(request, "id", id, ct) is { } refused) return refused;
        var (outcome, report) = await takeDowns.ConfirmAsync(id, request.Caller().Id, ct);
        if (outcome == ConfirmOutcome.NotFound) return ProblemResults.NotFound($"There is no protection case {id}.");
        return ProtectionJson.Case(report!, report!.Case.Status == ProtectionCaseStatus.Complete ? StatusCodes.Status200OK : StatusCodes.Status202Accepted);
    }
}
