using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Application.Page;
using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Functions.Drafts;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Page;

/// <summary>
/// The roster on the SLT page: counts with and without photo consent and of the staff list (never a name), and the MIS
/// export and the staff list uploaded through the same <see cref="RosterService"/> and <see cref="StaffListService"/> as the
/// HTTP API: any bad line is listed and nothing is replaced.
/// </summary>
public sealed class PageRoster(RosterSummary summary, RosterService roster, StaffListService staff)
{
    [Function("SltPageRoster")]
    [SltOnly("page.refused", "roster")]
    public async Task<IActionResult> Show(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "page/roster")] HttpRequest request, CancellationToken ct)
    {
        var counts = await summary.GetAsync(ct);
        return PageAnswers.Json(request, new { counts.Pupils, counts.WithPhotoConsent, counts.WithoutPhotoConsent, Adults = await summary.AdultsAsync(ct) });
    }

    [Function("SltPageUploadRoster")]
    [SltOnly(DraftAuditActions.RosterRefused, "roster")]
    public Task<IActionResult> Upload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "page/roster")] HttpRequest request, CancellationToken ct) =>
        ReplaceAsync(request, roster.ReplaceAsync,
            "Nothing was changed: the file has problems on the lines below. Correct them in the MIS export and upload it again.",
            replaced =>
            {
                var counts = RosterSummary.Count(replaced);
                return new
                {
                    Replaced = true,
                    Message = $"The roster now holds {counts.Pupils} pupils: {counts.WithPhotoConsent} with photo consent and {counts.WithoutPhotoConsent} without.",
                    Counts = counts,
                };
            }, ct);

    [Function("SltPageUploadStaff")]
    [SltOnly(DraftAuditActions.StaffRefused, StaffListService.Subject)]
    public Task<IActionResult> UploadStaff(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "page/staff")] HttpRequest request, CancellationToken ct) =>
        ReplaceAsync(request, staff.ReplaceAsync,
            "Nothing was changed: the staff list has problems on the lines below. Correct them and upload it again.",
            replaced =>
            {
                var adults = replaced.Members.Count;
                return new
                {
                    Replaced = true,
                    Message = $"The staff list now holds {adults} {(adults == 1 ? "adult" : "adults")}: their names in a draft are read as adults', not pupils'.",
                    Adults = adults,
                };
            }, ct);

    /// <summary>A whole CSV list replaced by its service: the bounded body, then the answer, or every bad line when nothing changed.</summary>
    private static async Task<IActionResult> ReplaceAsync<T>(HttpRequest request, Func<string, string, CancellationToken, Task<InputResult<T>>> replace,
        string refused, Func<T, object> answer, CancellationToken ct) where T : class
    {
        var body = await BoundedBodyReader.ReadAsync(request, PutRoster.MaxBodyBytes, ct);
        if (body.TooLarge) return PageAnswers.Problem(request, ProblemResults.PayloadTooLarge(PutRoster.MaxBodyBytes));

        var result = await replace(Encoding.UTF8.GetString(body.Bytes!), request.Caller().Id, ct);
        return result.IsValid
            ? PageAnswers.Json(request, answer(result.Value!))
            : PageAnswers.Json(request, new { Replaced = false, Message = refused, Problems = result.Errors.Select(e => e.Message) });
    }
}
