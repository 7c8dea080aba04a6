using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.History;
using SchoolTwitter.Application.Protection;
using SchoolTwitter.Functions.History;
using SchoolTwitter.Functions.Http;
using SchoolTwitter.Functions.Protection;

namespace SchoolTwitter.Functions.Page;

/// <summary>
/// The day a child must no longer be seen, and the account's past, on the SLT page: the same functions as the HTTP API
/// (docs/protection.md), reached with the page's sign-in and its cross-site guard instead of a function key.
/// </summary>
public sealed class PageProtection(ProtectionService protection, TakeDownService takeDowns, HistoryAuditService history, TimeProvider time)
{
    [Function("SltPageProtectionCases")]
    [SltOnly(ProtectionAuditActions.Refused, "protection")]
    public async Task<IActionResult> Cases(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "page/protection")] HttpRequest request, CancellationToken ct) =>
        Secured(request, await new ListProtectionCases(takeDowns).Run(request, ct));

    [Function("SltPageProtectionCase")]
    [SltOnly(ProtectionAuditActions.Refused, "{id}")]
    public async Task<IActionResult> Case(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "page/protection/{id}")] HttpRequest request, string id, CancellationToken ct) =>
        Secured(request, await new GetProtectionCase(takeDowns).Run(request, id, ct));

    [Function("SltPageMarkPupil")]
    [SltOnly(ProtectionAuditActions.Refused, "{id}")]
    public async Task<IActionResult> Mark(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "page/pupils/{id}/protection")] HttpRequest request, string id, CancellationToken ct) =>
        Secured(request, await new MarkPupilMustNotBeSeen(protection).Run(request, id, ct));

    [Function("SltPageConfirmTakeDown")]
    [SltOnly(ProtectionAuditActions.Refused, "{id}")]
    public async Task<IActionResult> Confirm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "page/protection/{id}/confirmation")] HttpRequest request, string id, CancellationToken ct) =>
        Secured(request, await new ConfirmTakeDown(takeDowns).Run(request, id, ct));

    [Function("SltPageHistoryAudit")]
    [SltOnly("history-audit.refused", "history-audit")]
    public async Task<IActionResult> History(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "page/history-audit")] HttpRequest request, CancellationToken ct) =>
        Secured(request, await new GetHistoryAudit(history, time).Run(request, ct));

    private static IActionResult Secured(HttpRequest request, IActionResult answer)
    {
        PageAnswers.Secure(request.HttpContext.Response);
        return answer;
    }
}
