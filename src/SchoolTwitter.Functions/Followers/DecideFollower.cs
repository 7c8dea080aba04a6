using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Followers;
using SchoolTwitter.Application.X;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Followers;

/// <summary>POST /api/followers/{id}/decision {"decision":"block"|"keep","reason":…}: SLT only; block mutes at once and returns the X-app steps.</summary>
public sealed class DecideFollower(FollowerReviewService reviews, TimeProvider time)
{
    [Function(nameof(DecideFollower))]
    [SltOnly("follower.decision", "{id}")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "followers/{id}/decision")] HttpRequest request, string id, CancellationToken ct)
    {
        if (await RouteValues.RefuseAsync(request, "id", id, ct) is { } refused) return refused;
        var (body, problem) = await FollowerHttp.ReadJsonAsync<FollowerDecisionRequest>(request, ct);
        if (problem is not null) return problem;

        FollowerDecisionResult result;
        try
        {
            result = await reviews.DecideAsync(request.Caller(), id, body!, ct);
        }
        catch (XRateLimitedException e)
        {
            return FollowerHttp.RateLimited(request, e, time);
        }

        return result.Outcome switch
        {
            FollowerDecisionOutcome.Kept or FollowerDecisionOutcome.Blocked => FollowerHttp.Ok(new
            {
                outcome = result.Outcome,
                item = result.Item,
                profileLink = result.ProfileLink,
                steps = result.Steps ?? [],
            }),
            FollowerDecisionOutcome.Invalid => FollowerHttp.Errors(result.Errors),
            _ => ProblemResults.NotFound($"No review item has the id \"{id}\"."),
        };
    }
}
