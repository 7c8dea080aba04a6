using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Drafts;

/// <summary>GET /api/drafts/{id}: the draft's state, verdict and tweet URL (the status URL a submission returns); signed-in SLT only.</summary>
public sealed class GetDraft(DraftQueryService drafts)
{
    [Function(nameof(GetDraft))]
    [SltOnly("draft.read-refused", "{id}")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "drafts/{id}")] HttpRequest request, string id, CancellationToken ct)
    {
        if (await RouteValues.RefuseAsync(request, "id", id, ct) is { } refused) return refused;
        var draft = await drafts.GetAsync(id, ct);
        return draft is null ? ProblemResults.NotFound($"There is no draft {id}.") : DraftJson.Status(draft);
    }
}
