using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Followers;
using SchoolTwitter.Application.Page;
using SchoolTwitter.Application.X;
using SchoolTwitter.Core.Followers;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Page;

/// <summary>
/// Followers, replies and mentions on the SLT page: the review list in plain words; keep or block through the same
/// <see cref="FollowerReviewService"/> as the HTTP API; a note of a serious incident reported to an outside authority.
/// </summary>
public sealed class PageReview(ReviewItems items, FollowerReviewService review, ModerationIncidents incidents)
{
    private const long MaxBodyBytes = 8 * 1024;

    [Function("SltPageFollowers")]
    [SltOnly("page.refused", "followers")]
    public async Task<IActionResult> Followers(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "page/followers")] HttpRequest request, CancellationToken ct) =>
        PageAnswers.Json(request, new { Followers = (await items.FollowersAsync(ct)).Select(View) });

    [Function("SltPageModeration")]
    [SltOnly("page.refused", "moderation")]
    public async Task<IActionResult> Moderation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "page/moderation")] HttpRequest request, CancellationToken ct)
    {
        var posts = new List<object>();
        foreach (var item in await items.PostsAsync(ct))
        {
            var noted = await incidents.ListAsync(item.Id, ct);
            posts.Add(new
            {
                Item = View(item),
                Incidents = noted.Select(n => new { On = PageAnswers.When(n.At), n.By, ReportedTo = n.Authority, n.Reference, n.Note }),
            });
        }
        return PageAnswers.Json(request, new { Posts = posts });
    }

    [Function("SltPageDecide")]
    [SltOnly("page.refused", "{id}")]
    public async Task<IActionResult> Decide(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "page/review/{id}/decision")] HttpRequest request, string id, CancellationToken ct)
    {
        if (await RouteValues.RefuseAsync(request, "id", id, ct) is { } refused) { PageAnswers.Secure(request.HttpContext.Response); return refused; }
        var body = await PageAnswers.ReadObjectAsync(request, MaxBodyBytes, ct);
        if (body is null) return PageAnswers.Problem(request, PageAnswers.NotReadable());
        FollowerDecisionResult result;
        try
        {
            result = await review.DecideAsync(request.Caller(), id, new FollowerDecisionRequest(PageAnswers.Text(body, "decision"), PageAnswers.Text(body, "reason")), ct);
        }
        catch (XApiException)
        {
            return PageAnswers.Problem(request, ProblemResults.Conflict("X did not let the account be muted just now, so nothing was recorded; try again in a few minutes."));
        }
        return result.Outcome switch
        {
            FollowerDecisionOutcome.Invalid => PageAnswers.Problem(request, ProblemResults.BadRequest(result.Errors!)),
            FollowerDecisionOutcome.NotFound => PageAnswers.Problem(request, ProblemResults.NotFound("That account is no longer on the review list.")),
            _ => PageAnswers.Json(request, new
            {
                Message = result.Outcome == FollowerDecisionOutcome.Kept
                    ? "Recorded: kept."
                    : "Muted on X. Now block and report it in the X app, as below. The next monthly check confirms the block.",
                Item = View(result.Item!),
            }),
        };
    }

    [Function("SltPageIncident")]
    [SltOnly("page.refused", "{id}")]
    public async Task<IActionResult> Incident(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "page/review/{id}/incident")] HttpRequest request, string id, CancellationToken ct)
    {
        if (await RouteValues.RefuseAsync(request, "id", id, ct) is { } refused) { PageAnswers.Secure(request.HttpContext.Response); return refused; }
        var body = await PageAnswers.ReadObjectAsync(request, MaxBodyBytes, ct);
        if (body is null) return PageAnswers.Problem(request, PageAnswers.NotReadable());
        var result = await incidents.RecordAsync(request.Caller(), id, PageAnswers.Text(body, "authority"), PageAnswers.Text(body, "reference"), PageAnswers.Text(body, "note"), ct);
        if (result.NotFound) return PageAnswers.Problem(request, ProblemResults.NotFound("That reply or mention is no longer on the list."));
        return result.Recorded
            ? PageAnswers.Json(request, new { Message = "Recorded in the audit log with your name and the time." })
            : PageAnswers.Problem(request, ProblemResults.BadRequest(result.Errors));
    }

    private static object View(FollowerReviewItem item) => new
    {
        item.Id,
        Kind = item.Kind switch { ReviewKind.Reply => "A reply to one of the school's posts", ReviewKind.Mention => "A post mentioning the school", _ => "A new follower" },
        Handle = item.Handle is { } h ? "@" + h : null,
        item.Name,
        item.ProfileLink,
        Picture = PageAnswers.Picture(item.PictureUrl),
        Suggestion = item.Suggestion switch
        {
            FollowerSuggestion.Block => "The check suggests blocking",
            FollowerSuggestion.Review => "The check suggests a look",
            _ => "The check found nothing serious",
        },
        Reasons = item.Reasons.Select(r => r.Message),
        FlaggedOn = PageAnswers.When(item.FlaggedAt),
        item.FollowersCount,
        item.FollowingCount,
        item.PostText,
        item.PostLink,
        Hidden = item.ReplyHidden,
        item.Muted,
        Pending = item.Status == ReviewStatus.Pending,
        Decision = item.Status switch
        {
            ReviewStatus.Kept => "Kept",
            ReviewStatus.Blocked => "Blocked: muted on X; waiting for the monthly check to confirm it no longer follows",
            ReviewStatus.BlockConfirmed => "Blocked, and the monthly check confirmed it no longer follows",
            _ => null,
        },
        Confirmed = item.Status == ReviewStatus.BlockConfirmed,
        ConfirmedOn = PageAnswers.When(item.ConfirmedAt),
        item.DecidedBy,
        DecidedOn = PageAnswers.When(item.DecidedAt),
        Why = item.DecisionReason,
        Steps = Steps(item),
    };

    /// <summary>What a person does in the X app: for a blocked follower, block and report; for a flagged post, report it.</summary>
    private static IReadOnlyList<string> Steps(FollowerReviewItem item)
    {
        if (item.PostId is { } post) return FollowerLinks.ReportPostSteps(post);
        return item.Status is ReviewStatus.Blocked or ReviewStatus.BlockConfirmed ? FollowerLinks.BlockAndReportSteps(item.Handle ?? item.UserId) : [];
    }
}
