using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Followers;
using SchoolTwitter.Application.Page;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Page;

/// <summary>The follow policy on the SLT page: approved accounts by category, accounts followed but not approved, and approving one (the same <see cref="FollowPolicyService"/> as the HTTP API).</summary>
public sealed class PageFollowPolicy(FollowPolicyOverview overview, FollowPolicyService policy)
{
    [Function("SltPageFollowPolicy")]
    [SltOnly("page.refused", "follow-policy")]
    public async Task<IActionResult> Show(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "page/follow-policy")] HttpRequest request, CancellationToken ct)
    {
        var view = await overview.GetAsync(request.Query["following"] == "yes", ct);
        return PageAnswers.Json(request, new
        {
            Categories = FollowPolicyService.Categories,
            Approved = view.Approved.GroupBy(a => a.Category).Select(g => new
            {
                Category = g.Key,
                Accounts = g.Select(a => new { Handle = "@" + a.Handle, Link = Core.Followers.FollowerLinks.Profile(a.Handle), a.Note, a.AddedBy, AddedOn = PageAnswers.When(a.AddedAt) }),
            }),
            Asked = view.Unapproved is not null || view.XProblem is not null,
            Unapproved = view.Unapproved?.Select(u => new { Handle = "@" + u.Handle, u.Name, Link = Core.Followers.FollowerLinks.Profile(u.Handle) }),
            view.XProblem,
        });
    }

    [Function("SltPageApproveFollow")]
    [SltOnly("follow.approved", "follow-policy")]
    public async Task<IActionResult> Approve(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "page/follow-policy")] HttpRequest request, CancellationToken ct)
    {
        var body = await PageAnswers.ReadObjectAsync(request, 4 * 1024, ct);
        if (body is null) return PageAnswers.Problem(request, PageAnswers.NotReadable());
        var result = await policy.AddAsync(request.Caller(),
            new ApprovedFollowRequest(PageAnswers.Text(body, "handle"), PageAnswers.Text(body, "category"), PageAnswers.Text(body, "note")), ct);
        return result.Outcome == FollowPolicyOutcome.Saved
            ? PageAnswers.Json(request, new { Message = $"@{result.Follow!.Handle} is approved as {result.Follow.Category}." })
            : PageAnswers.Problem(request, ProblemResults.BadRequest(result.Errors!));
    }
}
