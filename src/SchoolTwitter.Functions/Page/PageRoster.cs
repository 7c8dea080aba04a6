using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Application.Page;
using SchoolTwitter.Functions.Drafts;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Page;

/// <summary>
/// The roster on the SLT page: counts with and without photo consent (never a name), and the MIS export uploaded through
/// the same <see cref="RosterService"/> as the HTTP API: any bad line is listed and nothing is replaced.
/// </summary>
public sealed class PageRoster(RosterSummary summary, RosterService roster)
{
    [Function("SltPageRoster")]
    [SltOnly("page.refused", "roster")]
    public async Task<IActionResult> Show(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "page/roster")] HttpRequest request, CancellationToken ct) =>
        PageAnswers.Json(request, await summary.GetAsync(ct));

    [Function("SltPageUploadRoster")]
    [SltOnly(DraftAuditActions.RosterRefused, "roster")]
    public async Task<IActionResult> Upload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "page/roster")] HttpRequest request, CancellationToken ct)
    {
        var body = await BoundedBodyReader.ReadAsync(request, PutRoster.MaxBodyBytes, ct);
        if (body.TooLarge) return PageAnswers.Problem(request, ProblemResults.PayloadTooLarge(PutRoster.MaxBodyBytes));

        var result = await roster.ReplaceAsync(Encoding.UTF8.GetString(body.Bytes!), request.Caller().Id, ct);
        if (!result.IsValid)
        {
            return PageAnswers.Json(request, new
            {
                Replaced = false,
                Message = "Nothing was changed: the file has problems on the lines below. Correct them in the MIS export and upload it again.",
                Problems = result.Errors.Select(e => e.Message),
            });
        }
        var counts = RosterSummary.Count(result.Value!);
        return PageAnswers.Json(request, new
        {
            Replaced = true,
            Message = $"The roster now holds {counts.Pupils} pupils: {counts.WithPhotoConsent} with photo consent and {counts.WithoutPhotoConsent} without.",
            Counts = counts,
        });
    }
}
