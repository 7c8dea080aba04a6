using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Drafts;

/// <summary>POST /api/drafts: a draft from the Form (the school's flow, naming the SLT submitter) or a signed-in SLT member.</summary>
public sealed class SubmitDraft(DraftSubmissionService submissions)
{
    /// <summary>Four photos of X's largest (5 MB each), base64-encoded (4/3: 26.7 MB), plus the text and names: under 28 MB.</summary>
    public const long MaxBodyBytes = 28L * 1024 * 1024;

    [Function(nameof(SubmitDraft))]
    [FlowOrSlt(DraftAuditActions.Refused, "draft", RequiresUserAgreement = true)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "drafts")] HttpRequest request, CancellationToken ct)
    {
        var body = await BoundedBodyReader.ReadAsync(request, MaxBodyBytes, ct);
        if (body.TooLarge) return ProblemResults.PayloadTooLarge(MaxBodyBytes);

        var result = await submissions.SubmitAsync(body.Bytes!, request.Caller(), ct);
        return result.Outcome switch
        {
            SubmissionOutcome.Invalid => ProblemResults.BadRequest(result.Errors),
            SubmissionOutcome.Forbidden => ProblemResults.Forbidden(result.Errors[0].Message),
            _ => Accepted(request, result.Draft!, result.Outcome == SubmissionOutcome.Duplicate),
        };
    }

    private static IActionResult Accepted(HttpRequest request, DraftRecord draft, bool duplicate)
    {
        var statusUrl = DraftJson.StatusUrl(request, draft.Id);
        request.HttpContext.Response.Headers.Location = statusUrl;
        return DraftJson.Accepted(draft, statusUrl, duplicate);
    }
}
