using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Application.X;
using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Core.Followers;

namespace SchoolTwitter.Application.Followers;

public sealed record FollowerDecisionRequest(string? Decision, string? Reason);

public enum FollowerDecisionOutcome
{
    Kept,
    Blocked,
    NotFound,
    Invalid,
}

/// <param name="Steps">For a block: what a person does next in the X app (the API can mute, not block or report).</param>
public sealed record FollowerDecisionResult(
    FollowerDecisionOutcome Outcome,
    FollowerReviewItem? Item = null,
    string? ProfileLink = null,
    IReadOnlyList<string>? Steps = null,
    IReadOnlyList<InputError>? Errors = null);

public sealed record FollowerReviewList(IReadOnlyList<FollowerReviewItem> Items, int Pending, int AwaitingBlockConfirmation);

/// <summary>
/// SLT's review of flagged followers, mentions and replies. Block mutes the account through the API at once and returns the profile
/// link with the steps to block and report it in the X app; keep is recorded. Both audited with who and why.
/// The caller is an SLT member, as the HTTP access check established.
/// </summary>
public sealed partial class FollowerReviewService(
    IFollowerReviewStore review,
    IXAccount x,
    IAuditLog audit,
    TimeProvider time,
    IOptions<FollowerOptions> options,
    ILogger<FollowerReviewService> logger)
{
    public const int ReasonMaxLength = 1000;

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial System.Text.RegularExpressions.Regex ReviewIdPattern();
    private readonly string _accountId = options.Value.AccountId;

    /// <summary>Items awaiting a decision, most serious first.</summary>
    public async Task<FollowerReviewList> ListAsync(CancellationToken ct)
    {
        var pending = new List<FollowerReviewItem>();
        await foreach (var item in review.ListAsync(_accountId, ReviewStatus.Pending, ct)) pending.Add(item);
        var awaiting = 0;
        await foreach (var item in review.ListAsync(_accountId, ReviewStatus.Blocked, ct))
        {
            if (item.Kind == ReviewKind.Follower) awaiting++;
        }
        var ordered = pending.OrderByDescending(i => i.Suggestion).ThenBy(i => i.FlaggedAt).ToList();
        return new FollowerReviewList(ordered, ordered.Count, awaiting);
    }

    public async Task<FollowerDecisionResult> DecideAsync(Caller caller, string? id, FollowerDecisionRequest request, CancellationToken ct)
    {
        var decision = request.Decision?.Trim().ToLowerInvariant();
        var errors = new List<InputError>();
        if (id is null || !ReviewIdPattern().IsMatch(id))
        {
            errors.Add(new("id", "id must be the review item's id from GET /api/followers/review."));
        }
        if (decision is not ("block" or "keep"))
        {
            errors.Add(new("decision", "decision must be \"block\" or \"keep\"."));
        }
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            errors.Add(new("reason", "reason is required: say why, for the audit log."));
        }
        else if (request.Reason.Length > ReasonMaxLength)
        {
            errors.Add(new("reason", $"reason must be at most {ReasonMaxLength} characters."));
        }
        if (errors.Count > 0) return new(FollowerDecisionOutcome.Invalid, Errors: errors);

        var item = await review.GetAsync(_accountId, id!, ct);
        if (item is null) return new(FollowerDecisionOutcome.NotFound);

        var now = time.GetUtcNow();
        var reason = request.Reason!.Trim();
        if (decision == "keep")
        {
            var kept = item with { Status = ReviewStatus.Kept, DecidedBy = caller.Id, DecisionReason = reason, DecidedAt = now };
            await review.SaveAsync(_accountId, kept, ct);
            await audit.AppendAsync(new AuditEntry(now, caller.Id, "follower.kept", item.Id, "kept", reason), ct);
            return new(FollowerDecisionOutcome.Kept, kept, item.ProfileLink);
        }

        // Mute first: if X refuses, nothing is recorded as blocked and SLT can try again.
        await x.MuteAsync(_accountId, item.UserId, ct);
        await audit.AppendAsync(new AuditEntry(now, caller.Id, "follower.muted", item.UserId, "muted", $"review {item.Id}"), ct);
        var blocked = item with
        {
            Status = item.Status == ReviewStatus.BlockConfirmed ? ReviewStatus.BlockConfirmed : ReviewStatus.Blocked,
            Muted = true,
            DecidedBy = caller.Id,
            DecisionReason = reason,
            DecidedAt = now,
        };
        await review.SaveAsync(_accountId, blocked, ct);
        await audit.AppendAsync(new AuditEntry(now, caller.Id, "follower.blocked", item.Id, "muted; block and report in the X app", reason), ct);
        logger.LogInformation("Review item {ReviewId} decided block; account {UserId} muted", item.Id, item.UserId);

        var steps = item.PostId is { } postId
            ? [.. FollowerLinks.ReportPostSteps(postId), .. FollowerLinks.BlockAndReportSteps(item.Handle ?? item.UserId)]
            : FollowerLinks.BlockAndReportSteps(item.Handle ?? item.UserId);
        return new(FollowerDecisionOutcome.Blocked, blocked, item.ProfileLink, steps);
    }
}
