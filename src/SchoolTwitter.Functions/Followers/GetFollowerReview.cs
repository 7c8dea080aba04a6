using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Followers;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Followers;

/// <summary>GET /api/followers/review: what awaits an SLT decision, with reasons, counts and links. Signed-in SLT only.</summary>
public sealed class GetFollowerReview(FollowerReviewService reviews)
{
    [Function(nameof(GetFollowerReview))]
    [SltOnly("follower.review-listed", "review")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "followers/review")] HttpRequest request, CancellationToken ct) =>
        FollowerHttp.Ok(await reviews.ListAsync(ct));
}
