using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Drafts;

/// <summary>POST /api/drafts/{id}/approval: a second SLT member accepts a draft's warnings (four eyes).</summary>
public sealed class ApproveDraft(DraftApprovalService approvals)
{
    private const long MaxBodyBytes = 4 * 1024;

    [Function(nameof(ApproveDraft))]
    [FlowOrSlt(DraftAuditActions.ApprovalRefused, "{id}", RequiresUserAgreement = true)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "drafts/{id}/approval")] HttpRequest request, string id, CancellationToken ct)
    {
        if (await RouteValues.RefuseAsync(request, "id", id, ct) is { } refused) return refused;
        var body = await BoundedBodyReader.ReadAsync(request, MaxBodyBytes, ct);
        if (body.TooLarge) return ProblemResults.PayloadTooLarge(MaxBodyBytes);
        if (!TryReadApprover(body.Bytes!, out var approvedBy, out var error)) return ProblemResults.BadRequest("approvedBy", error!);

        var result = await approvals.ApproveAsync(id, request.Caller(), approvedBy, ct);
        return result.Outcome switch
        {
            ApprovalOutcome.Approved => DraftJson.Status(result.Draft!),
            ApprovalOutcome.NotFound => ProblemResults.NotFound($"There is no draft {id}."),
            ApprovalOutcome.Forbidden => ProblemResults.Forbidden(result.Reason ?? "Not SLT."),
            ApprovalOutcome.SubmitterCannotApprove => ProblemResults.Forbidden(
                "Four eyes: a draft must be approved by an SLT member other than the one who submitted it."),
            _ => ProblemResults.Conflict($"Draft {id} is {result.Draft!.Status.ToWire()}, not awaiting approval."),
        };
    }

    /// <summary>The optional body <c>{"approvedBy": "…"}</c> (the flow names the approver; a signed-in SLT member's is ignored).</summary>
    private static bool TryReadApprover(byte[] body, out string? approvedBy, out string? error)
    {
        approvedBy = null;
        error = null;
        if (body.Length == 0 || body.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return true;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "The body must be a JSON object such as {\"approvedBy\": \"deputy@school.example\"}.";
                return false;
            }
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (property.Name != "approvedBy" || property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                {
                    error = property.Name == "approvedBy" ? "approvedBy must be an e-mail address." : $"Unknown field \"{property.Name}\".";
                    return false;
                }
                approvedBy = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
            }
            return true;
        }
        catch (JsonException)
        {
            error = "The body is not valid JSON.";
            return false;
        }
    }
}
