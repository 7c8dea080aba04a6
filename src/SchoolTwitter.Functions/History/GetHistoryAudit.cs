using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.History;
using SchoolTwitter.Application.X;
using SchoolTwitter.Functions.Followers;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.History;

/// <summary>
/// GET /api/history-audit: the history audit of the live account for the SLT page. Without <c>confirm=true</c> it answers what
/// the read will cost and reads nothing; with it, the report (<c>format=html</c>, the default, or <c>format=csv</c>).
/// </summary>
public sealed class GetHistoryAudit(HistoryAuditService history, TimeProvider time)
{
    [Function(nameof(GetHistoryAudit))]
    [SltOnly("history-audit.refused", "history-audit")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "history-audit")] HttpRequest request, CancellationToken ct)
    {
        var format = request.Query["format"].ToString() is { Length: > 0 } f ? f : "html";
        if (format is not ("html" or "csv")) return ProblemResults.BadRequest("format", "Give format=html or format=csv.");
        var confirm = request.Query["confirm"].ToString();
        if (confirm is not ("" or "true" or "false")) return ProblemResults.BadRequest("confirm", "Give confirm=true to read the posts.");

        try
        {
            var cost = await history.EstimateAsync(ct);
            if (confirm != "true")
            {
                return JsonAnswers.Ok(new
                {
                    postsOnAccount = cost.PostsOnAccount,
                    postsToRead = cost.PostsToRead,
                    requests = cost.Requests,
                    cost = cost.Describe(),
                    next = $"Call again with confirm=true&format={format} to read them and get the report.",
                });
            }

            using var text = new StringWriter();
            IHistoryReport report = format == "csv" ? new HistoryCsvReport(text) : new HistoryHtmlReport(text);
            await history.AuditAccountAsync(report, ct);
            return new ContentResult
            {
                Content = text.ToString(),
                ContentType = format == "csv" ? "text/csv; charset=utf-8" : "text/html; charset=utf-8",
                StatusCode = StatusCodes.Status200OK,
            };
        }
        catch (XRateLimitedException e)
        {
            return FollowerHttp.RateLimited(request, e, time);
        }
    }
}
