using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Protection;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Protection;

/// <summary>GET /api/protection: every protection case, newest first, for the SLT page (SLT only).</summary>
public sealed class ListProtectionCases(TakeDownService takeDowns)
{
    [Function(nameof(ListProtectionCases))]
    [SltOnly(ProtectionAuditActions.Refused, "protection")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "protection")] HttpRequest request, CancellationToken ct)
    {
        var cases = await takeDowns.ListAsync(ct);
        return JsonAnswers.Ok(cases.Select(c => new
        {
            id = c.Id,
            pupilId = c.PupilId,
            pupilInitials = c.PupilInitials,
            trigger = c.Trigger,
            status = c.Status,
            openedAt = c.OpenedAt,
            heldBackDrafts = c.BlockedDraftIds.Count,
        }));
    }
}
