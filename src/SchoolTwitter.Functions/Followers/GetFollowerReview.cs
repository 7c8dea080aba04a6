using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Followers;
using SchoolTwitter.Application.Security;

namespace SchoolTwitter.Functions.Followers;

/// <summary>GET /api/followers/review: what awaits an SLT decision, with reasons, counts and links. Function key plus the Easy Auth principal; SLT is checked in code.</summary>
public sealed class GetFollowerReview(FollowerReviewService reviews, SltDirectory slt)
{
    [Function(nameof(GetFollowerReview))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "followers/review")] HttpRequest request, CancellationToken ct)
    {
        var caller = await FollowerHttp.CallerAsync(request, slt, ct);
        var list = await reviews.ListAsync(caller, ct);
        return list is null ? FollowerHttp.Forbidden() : FollowerHttp.Ok(list);
    }
}
