using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.ContentSafety;
using SchoolTwitter.Application.X;
using SchoolTwitter.Core.Followers;

namespace SchoolTwitter.Application.Followers;

public sealed record InboundModerationResult(int Read, int Flagged, int Hidden, int Muted, bool RateLimited);

/// <summary>
/// Every 15 minutes: reads mentions since the checkpoint. A reply to one of the school's posts that the offensive-language check
/// flags, or the second check rates at or above the school's threshold, is hidden and its author muted; every flagged mention or
/// reply goes to the review list with a link to report it in X, and so does one the second check rates lower or could not check.
/// Nothing is ever replied to: <see cref="IXAccount"/> has no way to.
/// </summary>
public sealed class InboundModerationService(
    IXAccount x,
    IFollowerCheckpointStore checkpoints,
    IFollowerReviewStore review,
    IAuditLog audit,
    FollowerAssessor assessor,
    TimeProvider time,
    IOptions<FollowerOptions> options,
    ILogger<InboundModerationService> logger,
    InboundSecondOpinion secondOpinion)
{
    internal const string CheckpointName = "mentions";
    private readonly string _accountId = options.Value.AccountId;

    private sealed record MentionCheckpoint(string? SinceId);

    public async Task<InboundModerationResult> RunAsync(CancellationToken ct)
    {
        var json = await checkpoints.GetAsync(_accountId, CheckpointName, ct);
        var sinceId = json is null ? null : JsonSerializer.Deserialize<MentionCheckpoint>(json, FollowerScanState.Json)?.SinceId;

        // Mentions arrive newest first; X keeps only the newest 800, so a quarter-hour's worth is small. Collected, then handled
        // oldest first with the checkpoint moving after each, so a 429 part-way loses nothing and repeats nothing.
        var mentions = new List<XPost>();
        var rateLimited = false;
        string? cursor = null;
        try
        {
            do
            {
                var page = await x.GetMentionsAsync(_accountId, sinceId, cursor, ct);
                mentions.AddRange(page.Items);
                cursor = page.NextToken;
            }
            while (cursor is not null);
        }
        catch (XRateLimitedException e)
        {
            rateLimited = true;
            logger.LogWarning("Mentions read rate-limited until {ResetAt}; handling the {Count} read so far", e.ResetAt, mentions.Count);
        }

        int flagged = 0, hidden = 0, muted = 0;
        foreach (var post in mentions.DistinctBy(p => p.Id).OrderBy(p => p.Id.Length).ThenBy(p => p.Id, StringComparer.Ordinal))
        {
            if (post.AuthorId == _accountId) continue;
            try
            {
                var outcome = await ModerateAsync(post, ct);
                if (outcome.Flagged) flagged++;
                if (outcome.Hidden) hidden++;
                if (outcome.Muted) muted++;
            }
            catch (XRateLimitedException e)
            {
                logger.LogWarning("Moderation rate-limited until {ResetAt} at post {PostId}; the next run continues from it", e.ResetAt, post.Id);
                rateLimited = true;
                break;
            }
            sinceId = post.Id;
            await checkpoints.SetAsync(_accountId, CheckpointName, JsonSerializer.Serialize(new MentionCheckpoint(sinceId), FollowerScanState.Json), ct);
        }

        return new InboundModerationResult(mentions.Count, flagged, hidden, muted, rateLimited);
    }

    private async Task<(bool Flagged, bool Hidden, bool Muted)> ModerateAsync(XPost post, CancellationToken ct)
    {
        var matches = assessor.FindOffensive(post.Text);
        // The second check reads meaning and pictures the word lists cannot: what it would block is treated as offensive
        // (hide and mute); what it doubts or could not read goes to the review list for a person.
        var second = matches.Count == 0 ? await secondOpinion.CheckAsync(post, ct) : InboundCheck.Nothing;
        if (matches.Count == 0 && !second.NeedsLook) return (false, false, false);

        var now = time.GetUtcNow();
        var isReply = post.InReplyToUserId == _accountId && (post.ReferencedPosts?.Any(r => r.Type == "replied_to") ?? false);
        var offensive = matches.Count > 0 || second.Offensive;
        var kind = isReply ? "reply" : "mention";
        var categories = string.Join(", ", matches.Select(m => m.Category).Distinct());
        var terms = string.Join(", ", matches.Select(m => $"\"{post.Text.Substring(m.Start, m.Length)}\"").Distinct());
        var reasons = matches.Count > 0
            ? new List<FollowerReason> { new($"offensive-{kind}", $"Offensive language ({categories}): {terms}.", FollowerAssessor.Decisive) }
            : [
                .. second.Harms.Select(f => new FollowerReason($"content-safety-{kind}", f.Message,
                    f.Severity == Core.CodeOfConduct.Severity.Block ? FollowerAssessor.Decisive : FollowerAssessor.LookScore)),
                .. second.NotChecked.Select(f => new FollowerReason($"not-checked-{kind}", f.Message, FollowerAssessor.LookScore)),
            ];

        bool hidden = false, muted = false;
        var authorId = post.AuthorId ?? "";
        if (isReply && offensive)
        {
            hidden = await TryAsync(() => x.HideReplyAsync(post.Id, ct), "reply.hidden", post.Id, now, ct);
            if (authorId.Length > 0)
            {
                muted = await TryAsync(() => x.MuteAsync(_accountId, authorId, ct), "follower.muted", authorId, now, ct);
            }
        }

        var item = new FollowerReviewItem(
            FollowerReviewItem.PostReviewId(post.Id),
            isReply ? ReviewKind.Reply : ReviewKind.Mention,
            authorId,
            Handle: null,
            Name: null,
            ProfileLink: $"https://x.com/i/user/{Uri.EscapeDataString(authorId)}",
            offensive ? FollowerSuggestion.Block : FollowerSuggestion.Review,
            reasons,
            now,
            PostId: post.Id,
            PostText: post.Text,
            PostLink: FollowerLinks.Post(post.Id),
            ReplyHidden: hidden,
            Muted: muted);
        await review.AddIfAbsentAsync(_accountId, item, ct);
        logger.LogInformation("Flagged {Kind} {PostId}: hidden {Hidden}, author muted {Muted}", item.Kind, post.Id, hidden, muted);
        return (true, hidden, muted);
    }

    /// <summary>Runs a moderation action and audits it; X refusing it (e.g. hiding a reply in someone else's conversation) is audited, not fatal.</summary>
    private async Task<bool> TryAsync(Func<Task> action, string auditAction, string subject, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            await action();
            await audit.AppendAsync(new AuditEntry(now, "system", auditAction, subject, "done", "offensive reply to the school's post"), ct);
            return true;
        }
        catch (XApiException e) when (e is not XRateLimitedException)
        {
            await audit.AppendAsync(new AuditEntry(now, "system", auditAction, subject, $"failed: X said {e.Status}", e.Title), ct);
            logger.LogWarning("{Action} on {Subject} refused by X with status {Status}", auditAction, subject, e.Status);
            return false;
        }
    }
}
