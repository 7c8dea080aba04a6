using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Followers;
using SchoolTwitter.Application.Security;

namespace SchoolTwitter.Functions.Followers;

/// <summary>POST /api/follows/approved {"handle","category","note"}: SLT add an account the school may follow.</summary>
public sealed class AddApprovedFollow(FollowPolicyService policy, SltDirectory slt)
{
    [Function(nameof(AddApprovedFollow))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "follows/approved")] HttpRequest request, CancellationToken ct)
    {
        var caller = await FollowerHttp.CallerAsync(request, slt, ct);
        var (body, problem) = await FollowerHttp.ReadJsonAsync<ApprovedFollowRequest>(request, ct);
        if (problem is not null) return problem;

        var result = await policy.AddAsync(caller, body!, ct);
        return result.Outcome switch
        {
            FollowPolicyOutcome.Saved => FollowerHttp.Ok(result.Follow!, StatusCodes.Status201Created),
            FollowPolicyOutcome.Invalid => FollowerHttp.Errors(result.Errors),
            _ => FollowerHttp.Forbidden(),
        };
    }
}
