using Microsoft.AspNetCore.Mvc;
using SchoolTwitter.Application.Protection;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Protection;

/// <summary>A protection case as the SLT page shows it (docs/protection.md). Never the pupil's name or the reason.</summary>
internal static class ProtectionJson
{
    public static ContentResult Case(TakeDownReport report, int status = 200) => JsonAnswers.Ok(new
    {
        id = report.Case.Id,
        pupilId = report.Case.PupilId,
        pupilInitials = report.Case.PupilInitials,
        trigger = report.Case.Trigger,
        status = report.Case.Status,
        openedAt = report.Case.OpenedAt,
        confirmedBy = report.Case.ConfirmedBy,
        confirmedAt = report.Case.ConfirmedAt,
        completedAt = report.Case.CompletedAt,
        pausedUntil = report.Case.PausedUntil,
        heldBackDrafts = report.Case.BlockedDraftIds,
        removed = report.Removed,
        alreadyGone = report.AlreadyGone,
        pending = report.Pending,
        notRemoved = report.NotRemoved.Count,
        posts = report.Plan.Select(p => new { tweetId = p.TweetId, link = p.Link, reason = p.Reason, postedAt = p.PostedAt, state = p.State, detail = p.Detail }),
    }, status);
}
