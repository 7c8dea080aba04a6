using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Page;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Page;

/// <summary>The audit log on the SLT page: search by draft, person and date; the same search as a CSV file.</summary>
public sealed class PageAudit(AuditSearch search)
{
    [Function("SltPageAudit")]
    [SltOnly("page.refused", "audit")]
    public async Task<IActionResult> Search(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "page/audit")] HttpRequest request, CancellationToken ct)
    {
        var result = await search.SearchAsync(Query(request), ct);
        if (result.Errors.Count > 0) return PageAnswers.Problem(request, ProblemResults.BadRequest(result.Errors));
        return PageAnswers.Json(request, new
        {
            From = result.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            To = result.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            result.Truncated,
            Entries = result.Entries.Select(e => new { When = PageAnswers.When(e.At), Who = e.Actor, What = e.Action, About = e.Subject, e.Outcome, e.Detail }),
        });
    }

    [Function("SltPageAuditExport")]
    [SltOnly("page.refused", "audit")]
    public async Task<IActionResult> Export(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "page/audit/export")] HttpRequest request, CancellationToken ct)
    {
        var result = await search.SearchAsync(Query(request), ct);
        if (result.Errors.Count > 0) return PageAnswers.Problem(request, ProblemResults.BadRequest(result.Errors));
        PageAnswers.Secure(request.HttpContext.Response);
        return new FileContentResult(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(AuditCsv.Write(result.Entries))).ToArray(), "text/csv; charset=utf-8")
        {
            FileDownloadName = $"audit-{result.From:yyyy-MM-dd}-to-{result.To:yyyy-MM-dd}.csv",
        };
    }

    private static AuditSearchQuery Query(HttpRequest request) =>
        new(request.Query["draft"], request.Query["person"], request.Query["from"], request.Query["to"]);
}
