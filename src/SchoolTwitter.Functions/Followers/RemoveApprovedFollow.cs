using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Followers;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Followers;

/// <summary>DELETE /api/follows/approved/{handle}: SLT remove an account from the approved list.</summary>
public sealed class RemoveApprovedFollow(FollowPolicyService policy)
{
    [Function(nameof(RemoveApprovedFollow))]
    [SltOnly("follow.unapproved", "{handle}")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "follows/approved/{handle}")] HttpRequest request, string handle, CancellationToken ct)
    {
        if (await RouteValues.RefuseAsync(request, "handle", handle, ct) is { } refused) return refused;
        var result = await policy.RemoveAsync(request.Caller(), handle, ct);
        return result.Outcome switch
        {
            FollowPolicyOutcome.Removed => new NoContentResult(),
            FollowPolicyOutcome.NotFound => ProblemResults.NotFound($"@{handle} is not on the approved list."),
            _ => FollowerHttp.Errors(result.Errors),
        };
    }
}
