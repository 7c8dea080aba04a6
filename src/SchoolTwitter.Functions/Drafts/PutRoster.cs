using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Drafts;

/// <summary>PUT /api/roster: replaces the pupil roster with the MIS export (signed-in SLT only); a malformed row replaces nothing.</summary>
public sealed class PutRoster(RosterService roster)
{
    /// <summary>A primary school's roster is a few hundred rows; 2 MB leaves ample room.</summary>
    public const long MaxBodyBytes = 2L * 1024 * 1024;

    [Function(nameof(PutRoster))]
    [SltOnly(DraftAuditActions.RosterRefused, "roster")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "roster")] HttpRequest request, CancellationToken ct)
    {
        var body = await BoundedBodyReader.ReadAsync(request, MaxBodyBytes, ct);
        if (body.TooLarge) return ProblemResults.PayloadTooLarge(MaxBodyBytes);

        var result = await roster.ReplaceAsync(Encoding.UTF8.GetString(body.Bytes!), request.Caller().Id, ct);
        return result.IsValid ? DraftJson.RosterReplaced(result.Value!.Pupils.Count) : ProblemResults.BadRequest(result.Errors);
    }
}
