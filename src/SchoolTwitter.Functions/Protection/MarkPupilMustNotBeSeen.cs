using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Protection;
using SchoolTwitter.Functions.Followers;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Protection;

/// <summary>
/// POST /api/pupils/{id}/protection {"reason": "…"}: SLT mark a pupil "must not be seen". Lists the live posts picturing or naming
/// them, holds back drafts that would, alerts SLT, and answers with the case to confirm. The reason is kept in the audit log only.
/// </summary>
public sealed class MarkPupilMustNotBeSeen(ProtectionService protection)
{
    public const int MaxReasonChars = 2_000;

    [Function(nameof(MarkPupilMustNotBeSeen))]
    [SltOnly(ProtectionAuditActions.Refused, "{id}")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "pupils/{id}/protection")] HttpRequest request, string id, CancellationToken ct)
    {
        if (await RouteValues.RefuseAsync(request, "id", id, ct) is { } refused) return refused;
        var (body, problem) = await FollowerHttp.ReadJsonAsync<MarkRequest>(request, ct);
        if (problem is not null) return problem;
        if (string.IsNullOrWhiteSpace(body!.Reason)) return ProblemResults.BadRequest("reason", "Say why the pupil must not be seen (kept in the audit log only).");
        if (body.Reason.Length > MaxReasonChars) return ProblemResults.BadRequest("reason", $"At most {MaxReasonChars:N0} characters.");

        var opened = await protection.MarkMustNotBeSeenAsync(id, request.Caller().Id, body.Reason, ct);
        return opened is null
            ? ProblemResults.NotFound($"No pupil on the roster has the id \"{id}\".")
            : ProtectionJson.Case(new TakeDownReport(opened.Case, opened.Plan), StatusCodes.Status201Created);
    }

    private sealed record MarkRequest(string? Reason);
}
