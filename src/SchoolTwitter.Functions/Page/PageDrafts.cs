using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Application.Page;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Page;

/// <summary>
/// Drafts on the SLT page: recent drafts in plain words; approve one with warnings (four eyes, through the same
/// <see cref="DraftApprovalService"/> as the HTTP API and the flow); cancel one that has not been posted.
/// </summary>
public sealed class PageDrafts(RecentDrafts recent, DraftApprovalService approvals, DraftCancellationService cancellations, ISltDirectory directory)
{
    private const long MaxBodyBytes = 4 * 1024;

    [Function("SltPageDrafts")]
    [SltOnly("page.refused", "drafts")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "page/drafts")] HttpRequest request, CancellationToken ct)
    {
        var me = request.Caller();
        var drafts = new List<object>();
        foreach (var draft in await recent.ListAsync(ct))
        {
            // Four eyes is the approval service's to enforce; here it only decides whether to offer the button, so the
            // directory (which links aliases through the SLT list) is asked only about drafts awaiting approval.
            var mine = draft.Status == DraftStatus.AwaitingApproval
                ? await directory.IsSamePersonAsync(me, draft.SubmittedBy, draft.SubmittedByObjectId, ct)
                : string.Equals(draft.SubmittedBy, me.Email, StringComparison.OrdinalIgnoreCase)
                  || (draft.SubmittedByObjectId is not null && draft.SubmittedByObjectId == me.ObjectId);
            drafts.Add(View(draft, mine, me.AgreementSignedOn is not null));
        }
        return PageAnswers.Json(request, new { Drafts = drafts });
    }

    [Function("SltPageApproveDraft")]
    [SltOnly(DraftAuditActions.ApprovalRefused, "{id}", RequiresUserAgreement = true)]
    public async Task<IActionResult> Approve(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "page/drafts/{id}/approval")] HttpRequest request, string id, CancellationToken ct)
    {
        if (await RouteValues.RefuseAsync(request, "id", id, ct) is { } refused) { PageAnswers.Secure(request.HttpContext.Response); return refused; }
        var result = await approvals.ApproveAsync(id, request.Caller(), null, ct);
        return result.Outcome switch
        {
            ApprovalOutcome.Approved => PageAnswers.Json(request, new { Message = "Approved. It will be posted at its time, and this list will show the link once it is on X.", Draft = View(result.Draft!, false, true) }),
            ApprovalOutcome.NotFound => PageAnswers.Problem(request, ProblemResults.NotFound("That draft is no longer there.")),
            ApprovalOutcome.SubmitterCannotApprove => PageAnswers.Problem(request, ProblemResults.Forbidden(
                "You sent this draft, so another member of SLT must approve it (four eyes).")),
            ApprovalOutcome.Forbidden => PageAnswers.Problem(request, ProblemResults.Forbidden(result.Reason ?? "Only SLT may approve drafts.")),
            _ => PageAnswers.Problem(request, ProblemResults.Conflict($"This draft is no longer waiting for approval: it is now “{PlainWords.State(result.Draft!.Status)}”.")),
        };
    }

    [Function("SltPageCancelDraft")]
    [SltOnly("draft.cancel-refused", "{id}")]
    public async Task<IActionResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "page/drafts/{id}/cancellation")] HttpRequest request, string id, CancellationToken ct)
    {
        if (await RouteValues.RefuseAsync(request, "id", id, ct) is { } refused) { PageAnswers.Secure(request.HttpContext.Response); return refused; }
        var body = await PageAnswers.ReadObjectAsync(request, MaxBodyBytes, ct);
        var result = await cancellations.CancelAsync(id, request.Caller(), PageAnswers.Text(body, "reason"), ct);
        return result.Outcome switch
        {
            CancellationOutcome.Cancelled => PageAnswers.Json(request, new { Message = "Cancelled. It will not be posted.", Draft = View(result.Draft!, false, false) }),
            CancellationOutcome.NotFound => PageAnswers.Problem(request, ProblemResults.NotFound("That draft is no longer there.")),
            _ => PageAnswers.Problem(request, ProblemResults.Conflict($"Too late to cancel: the draft is now “{PlainWords.State(result.Draft!.Status)}”.")),
        };
    }

    /// <summary>A draft as the page shows it: plain words, the text as it will appear, each finding explained.</summary>
    private static object View(DraftRecord draft, bool mine, bool mayApprove) => new
    {
        draft.Id,
        State = PlainWords.State(draft.Status),
        Tone = PlainWords.Tone(draft.Status),
        draft.Text,
        Pictures = draft.Images.Count,
        SubmittedBy = draft.SubmittedBy,
        SubmittedOn = PageAnswers.When(draft.SubmittedAt),
        PostAt = PageAnswers.When(draft.ScheduledFor),
        ApprovedBy = draft.ApprovedBy,
        ApprovedOn = PageAnswers.When(draft.ApprovedAt),
        TweetUrl = draft.TweetUrl,
        Problem = draft.FailureReason,
        Mine = mine,
        CanApprove = draft.Status == DraftStatus.AwaitingApproval && draft.Verdict?.Outcome == VerdictOutcome.Review && !mine && mayApprove,
        WhyNotApprove = draft.Status != DraftStatus.AwaitingApproval ? null
            : mine ? "You sent this draft, so another member of SLT must approve it."
            : !mayApprove ? "You cannot approve drafts until your signed Social Media User Agreement is recorded."
            : null,
        CanCancel = draft.Status is DraftStatus.Scheduled or DraftStatus.AwaitingApproval,
        Findings = (draft.Verdict?.Findings ?? []).Select(f => new
        {
            Blocks = f.Severity == Severity.Block,
            Seriousness = PlainWords.Severity(f.Severity),
            f.Message,
            Explanation = PlainWords.Rule(f.Rule),
            f.Suggestion,
        }),
    };
}
