using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Telemetry;
using SchoolTwitter.Application.X;
using SchoolTwitter.Core.CodeOfConduct;

namespace SchoolTwitter.Application.Drafts;

/// <summary>
/// Handles a drafts-to-publish message: posts an approved draft to X exactly once under at-least-once delivery.
/// The draft is claimed in the store (ETag) before X is called, and X's create-post, which has no idempotency key,
/// is never retried: an unknown outcome goes to <see cref="DraftReconciliation"/>, where the account's recent posts
/// decide whether it went out, and a person decides otherwise.
/// </summary>
public sealed class DraftPublishService(
    IDraftStore drafts,
    IDraftMediaStore media,
    IImageSanitiser sanitiser,
    IXAccount x,
    IAuditLog audit,
    DraftOutcomeNotifier notify,
    DraftScheduler scheduler,
    DraftReconciliation reconciliation,
    PublishedDraftRecorder recorder,
    DraftVerdicts verdicts,
    IOptions<DraftPipelineOptions> options,
    TimeProvider time,
    ILogger<DraftPublishService> logger)
{
    /// <summary>A message that arrives this close to the scheduled time publishes rather than hopping again.</summary>
    private static readonly TimeSpan DueTolerance = TimeSpan.FromSeconds(30);

    public async Task PublishAsync(string message, CancellationToken ct)
    {
        var draftId = DraftMessage.TryParse(message)?.DraftId
            ?? throw new FormatException("The drafts-to-publish message carries no draft id.");

        await DraftRace.RunAsync(drafts, draftId, null, async draft =>
        {
            if (draft is null)
            {
                logger.LogWarning("Draft {DraftId} to publish does not exist; message dropped", draftId);
                return DraftRace.Settled(true);
            }

            var now = time.GetUtcNow();
            switch (draft.Status)
            {
                case DraftStatus.Published:
                    logger.LogInformation("Draft {DraftId} is already published as {TweetId}; redelivery ignored", draftId, draft.TweetId);
                    return DraftRace.Settled(true);

                case DraftStatus.NeedsReconciliation:
                    await reconciliation.ReconcileAsync(draft, ct);
                    return DraftRace.Settled(true);

                case DraftStatus.Publishing:
                    var leaseEnds = (draft.ClaimedAt ?? draft.UpdatedAt) + options.Value.PublishLease;
                    if (leaseEnds > now)
                    {
                        throw new DraftRetryLaterException(draftId, leaseEnds - now, "another publisher holds the claim");
                    }
                    // The publisher that claimed it stopped (crash, timeout) and may or may not have posted.
                    await reconciliation.BeginAsync(draft, "The publisher stopped before recording the outcome.", "publisher stopped", ct);
                    return DraftRace.Settled(true);

                case DraftStatus.Scheduled:
                    if (draft.ScheduledFor is { } due && due - now > DueTolerance)
                    {
                        // Not yet: a hop for dates beyond the queue's 7-day visibility limit, or an early redelivery.
                        await scheduler.SchedulePublishAsync(draft, ct);
                        return DraftRace.Settled(true);
                    }
                    return await TryPublishAsync(draft, ct) ? DraftRace.Settled(true) : DraftRace.Lost<bool>();

                default:
                    logger.LogInformation("Draft {DraftId} is {Status}, not approved for publishing; message ignored", draftId, draft.Status.ToWire());
                    return DraftRace.Settled(true);
            }
        }, "it was being published", ct);
    }

    /// <returns>False when another worker changed the draft before it could be claimed.</returns>
    private async Task<bool> TryPublishAsync(DraftRecord draft, CancellationToken ct)
    {
        var images = new List<ReadOnlyMemory<byte>>(draft.Images.Count);
        for (var i = 0; i < draft.Images.Count; i++)
        {
            images.Add(await media.GetAsync(draft.Id, i, ct));
        }

        var content = draft.ToDraft(images);
        var refusal = WhyNotPublishable(draft, DraftContentHash.Compute(content));
        if (refusal is not null)
        {
            return await FailAsync(draft, refusal, ct);
        }

        // Weeks may have passed since the check: a parent may have withdrawn consent, a pupil joined. Judge it again today.
        var today = await verdicts.JudgeAsync(content, ct);
        if (today.Outcome == VerdictOutcome.Blocked)
        {
            return await BlockAtPublishAsync(draft, today, ct);
        }

        // Cleaned before the claim: a picture that cannot be decoded (or kills the process decoding it) must fail the draft,
        // not leave a claimed draft that looks as if it may have posted.
        var cleaned = new List<SanitisedImage>(images.Count);
        for (var i = 0; i < images.Count; i++)
        {
            try
            {
                cleaned.Add(sanitiser.Sanitise(images[i]));
            }
            catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
            {
                logger.LogWarning("Picture {Index} of draft {DraftId} could not be cleaned for publishing ({Failure})", i + 1, draft.Id, ex.GetType().Name);
                return await FailAsync(draft, $"Picture {i + 1} could not be cleaned of hidden data for posting: {ex.Message}", ct);
            }
        }

        var claimed = await drafts.TryTransitionAsync(draft, DraftStatus.Publishing, time.GetUtcNow(),
            d => d with { ClaimedAt = time.GetUtcNow() }, ct);
        if (claimed is null) return false;

        var mediaIds = new List<string>(images.Count);
        try
        {
            for (var i = 0; i < images.Count; i++)
            {
                var clean = cleaned[i];
                var mediaId = await x.UploadImageAsync(clean.Content, clean.MediaType, ct);
                if (!string.IsNullOrWhiteSpace(claimed.Images[i].AltText))
                {
                    await x.SetAltTextAsync(mediaId, claimed.Images[i].AltText!, ct);
                }
                mediaIds.Add(mediaId);
            }
        }
        catch (Exception ex)
        {
            // Nothing has been posted yet, so giving the claim back and letting the queue retry is safe.
            await ReleaseClaimAsync(claimed);
            if (ex is XRateLimitedException limited) throw DraftRetryLaterException.After(claimed.Id, limited, time, logger);
            throw;
        }

        XPost post;
        try
        {
            post = await x.CreatePostAsync(new XNewPost(claimed.Text, mediaIds, ReplySettings()), ct);
        }
        catch (XRateLimitedException limited)
        {
            // 429: X refused the request, so nothing was posted.
            await ReleaseClaimAsync(claimed);
            throw DraftRetryLaterException.After(claimed.Id, limited, time, logger);
        }
        catch (XUnauthorizedException)
        {
            // X refused the credentials (rotated mid-flight?): nothing was posted; the queue retries with fresh ones.
            await ReleaseClaimAsync(claimed);
            throw;
        }
        catch (Exception ex) when (IsAmbiguous(ex))
        {
            logger.LogWarning(ex, "Creating the post for draft {DraftId} had an unknown outcome; reconciling", claimed.Id);
            await reconciliation.BeginAsync(claimed, Describe(ex), "outcome unknown", CancellationToken.None);
            return true;
        }
        catch (XApiException refused)
        {
            // A definite refusal (400, 403 other than duplicate): nothing was posted; a person re-submits.
            await FailAsync(claimed, $"X refused the post ({refused.Status}): {refused.Detail ?? refused.Message}", CancellationToken.None);
            return true;
        }

        // From here the tweet exists: record it whatever the caller's token says.
        await recorder.RecordAsync(claimed, post.Id, "posted", CancellationToken.None);
        return true;
    }

    private string? WhyNotPublishable(DraftRecord draft, string currentHash)
    {
        if (draft.Verdict is null || draft.CheckedHash is null)
        {
            return "The draft was never checked against the code of conduct.";
        }
        if (draft.Verdict.Outcome == VerdictOutcome.Blocked)
        {
            return "The draft breaks the code of conduct.";
        }
        if (draft.Verdict.Outcome == VerdictOutcome.Review && draft.ApprovedBy is null)
        {
            return "The draft has warnings that no second SLT member approved.";
        }
        if (!string.Equals(currentHash, draft.CheckedHash, StringComparison.Ordinal) || !string.Equals(currentHash, draft.ContentHash, StringComparison.Ordinal))
        {
            return "The draft's content changed after it was checked.";
        }
        if (draft.InReplyToTweetId is not null)
        {
            return "The school's account never replies.";
        }
        return null;
    }

    private async Task<bool> BlockAtPublishAsync(DraftRecord draft, Verdict today, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var blocked = await drafts.TryTransitionAsync(draft, DraftStatus.Blocked, now, d => d with
        {
            Verdict = today,
            FailureReason = "Checked again at its publish time, the draft breaks the code of conduct with that day's roster and photo consent.",
        }, ct);
        if (blocked is null) return false;
        logger.LogWarning("Draft {DraftId} was blocked at its publish time: {Findings}", draft.Id, string.Join("; ", today.Findings.Select(f => f.Rule)));
        await audit.AppendAsync(DraftAuditActions.Entry(now, DraftAuditActions.System, DraftAuditActions.BlockedAtPublish, draft.Id, "blocked",
            DraftAuditActions.Findings(today)), ct);
        if (!await notify.BlockedAtPublishAsync(blocked, ct))
        {
            logger.LogDraftNotificationFailed(draft.Id, "was stopped at its publish time");
        }
        return true;
    }

    private async Task<bool> FailAsync(DraftRecord draft, string reason, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var failed = await drafts.TryTransitionAsync(draft, DraftStatus.Failed, now, d => d with { FailureReason = reason }, ct);
        if (failed is null) return false;
        logger.LogDraftPublishFailed(draft.Id, reason);
        await audit.AppendAsync(DraftAuditActions.Entry(now, DraftAuditActions.System, DraftAuditActions.Failed, draft.Id, "failed", reason), ct);
        await notify.FailedAsync(failed, ct);
        return true;
    }

    private async Task ReleaseClaimAsync(DraftRecord claimed)
    {
        var released = await drafts.TryTransitionAsync(claimed, DraftStatus.Scheduled, time.GetUtcNow(), d => d with { ClaimedAt = null },
            CancellationToken.None);
        if (released is null)
        {
            logger.LogWarning("Draft {DraftId}'s publish claim could not be released; it will be reconciled when the lease ends", claimed.Id);
        }
    }

    private static bool IsAmbiguous(Exception ex) => ex switch
    {
        XAmbiguousOutcomeException => true,
        XDuplicateContentException => true,
        XApiException api => api.Status >= 500,
        HttpRequestException => true,
        TimeoutException => true,
        OperationCanceledException => true,
        IOException => true,
        _ => false,
    };

    private static string Describe(Exception ex) => ex switch
    {
        XDuplicateContentException => "X said the post duplicates an earlier one (an earlier attempt may have posted it).",
        XApiException api => $"X answered {api.Status} while creating the post.",
        OperationCanceledException or TimeoutException => "Creating the post timed out.",
        _ => "The connection to X failed while creating the post.",
    };

    private string? ReplySettings()
    {
        var setting = options.Value.ReplySettings?.Trim();
        // "everyone" means X's default: omit the field.
        return string.IsNullOrEmpty(setting) || setting.Equals("everyone", StringComparison.OrdinalIgnoreCase) ? null : setting;
    }
}
