using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Drafts;

/// <summary>PUT /api/staff: replaces the list of staff and governors (signed-in SLT only); a malformed row replaces nothing.</summary>
public sealed class PutStaff(StaffListService staff)
{
    [Function(nameof(PutStaff))]
    [SltOnly(DraftAuditActions.StaffRefused, StaffListService.Subject)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "staff")] HttpRequest request, CancellationToken ct)
    {
        var body = await BoundedBodyReader.ReadAsync(request, PutRoster.MaxBodyBytes, ct);
        if (body.TooLarge) return ProblemResults.PayloadTooLarge(PutRoster.MaxBodyBytes);

        var result = await staff.ReplaceAsync(Encoding.UTF8.GetString(body.Bytes!), request.Caller().Id, ct);
        return result.IsValid ? DraftJson.StaffReplaced(result.Value!.Members.Count) : ProblemResults.BadRequest(result.Errors);
    }
}
