using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Followers;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Followers;

/// <summary>POST /api/follows/approved {"handle","category","note"}: SLT add an account the school may follow.</summary>
public sealed class AddApprovedFollow(FollowPolicyService policy)
{
    [Function(nameof(AddApprovedFollow))]
    [SltOnly("follow.approved", "follow-policy")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "follows/approved")] HttpRequest request, CancellationToken ct)
    {
        var (body, problem) = await FollowerHttp.ReadJsonAsync<ApprovedFollowRequest>(request, ct);
        if (problem is not null) return problem;

        var result = await policy.AddAsync(request.Caller(), body!, ct);
        return result.Outcome switch
        {
            FollowPolicyOutcome.Saved => FollowerHttp.Ok(result.Follow!, StatusCodes.Status201Created),
            _ => FollowerHttp.Errors(result.Errors),
        };
    }
}
