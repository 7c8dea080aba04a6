using Microsoft.Extensions.Logging;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.ContentSafety;
using SchoolTwitter.Core.CodeOfConduct;

namespace SchoolTwitter.Application.Drafts;

/// <summary>
/// Handles a drafts-to-check message: runs the code of conduct with the stored roster and staff list (<see cref="DraftVerdicts"/>) and moves the draft on.
/// Pass: scheduled, with a drafts-to-publish message hidden until the requested time. Review: awaits a second SLT
/// member. Blocked: ends. Idempotent under redelivery: a draft already past checking only has its publish message re-sent.
/// </summary>
public sealed class DraftCheckService(
    IDraftStore drafts,
    IDraftMediaStore media,
    DraftVerdicts verdicts,
    IAuditLog audit,
    DraftOutcomeNotifier notify,
    DraftApprovalRequest approvalRequest,
    DraftScheduler scheduler,
    TimeProvider time,
    ILogger<DraftCheckService> logger,
    SecondOpinion secondOpinion,
    IImageSanitiser sanitiser)
{
    public async Task CheckAsync(string message, CancellationToken ct)
    {
        var draftId = DraftMessage.TryParse(message)?.DraftId
            ?? throw new FormatException("The drafts-to-check message carries no draft id.");

        // A lost race means another delivery of the same message moved the draft: read again and decide again.
        await DraftRace.RunAsync(drafts, draftId, null, async draft =>
        {
            if (draft is null)
            {
                logger.LogWarning("Draft {DraftId} to check does not exist; message dropped", draftId);
                return DraftRace.Settled(true);
            }

            switch (draft.Status)
            {
                case DraftStatus.Received:
                    var checking = await drafts.TryTransitionAsync(draft, DraftStatus.Checking, time.GetUtcNow(), null, ct);
                    return checking is not null && await DecideAsync(checking, ct) ? DraftRace.Settled(true) : DraftRace.Lost<bool>();
                case DraftStatus.Checking:
                    return await DecideAsync(draft, ct) ? DraftRace.Settled(true) : DraftRace.Lost<bool>();
                case DraftStatus.Scheduled:
                    // The check finished but the publish message may not have been sent before a crash: send it (publishing is exactly once).
                    await scheduler.SchedulePublishAsync(draft, ct);
                    return DraftRace.Settled(true);
                default:
                    logger.LogInformation("Draft {DraftId} is already {Status}; check message ignored", draftId, draft.Status.ToWire());
                    return DraftRace.Settled(true);
            }
        }, "it was being checked", ct);
    }

    /// <summary>
    /// The second check on the pictures as they will be posted, stripped of hidden data (GPS position, camera, captions), so
    /// nothing leaves for Azure AI that would not leave for X. A picture that cannot be cleaned is not sent: the draft waits for a person.
    /// </summary>
    private async Task<Verdict> SecondOpinionAsync(Verdict rules, Core.Drafts.Draft content, CancellationToken ct)
    {
        if (!secondOpinion.IsEnabled || rules.Outcome == VerdictOutcome.Blocked || content.Images.Count == 0)
        {
            return await secondOpinion.AddToAsync(rules, content, ct);
        }

        var cleaned = new List<Core.Drafts.DraftImage>(content.Images.Count);
        for (var i = 0; i < content.Images.Count; i++)
        {
            try
            {
                cleaned.Add(content.Images[i] with { Content = sanitiser.Sanitise(content.Images[i].Content).Content });
            }
            catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
            {
                logger.LogWarning("Picture {Index} of draft {DraftId} could not be cleaned for the second check ({Failure})", i + 1, content.Id, ex.GetType().Name);
                return Verdict.From(rules.Id, rules.WeightedLength,
                    [.. rules.Findings, Core.ContentSafety.SafetyFindings.CouldNotRun($"picture {i + 1} could not be cleaned of hidden data, so it was not sent")]);
            }
        }
        return await secondOpinion.AddToAsync(rules, content with { Images = cleaned }, ct);
    }

    /// <returns>False when another worker changed the draft first.</returns>
    private async Task<bool> DecideAsync(DraftRecord draft, CancellationToken ct)
    {
        var images = new List<ReadOnlyMemory<byte>>(draft.Images.Count);
        for (var i = 0; i < draft.Images.Count; i++)
        {
            images.Add(await media.GetAsync(draft.Id, i, ct));
        }
        var content = draft.ToDraft(images);
        var hash = DraftContentHash.Compute(content);
        if (hash != draft.ContentHash)
        {
            throw new InvalidOperationException($"Draft {draft.Id}'s stored media no longer match what was submitted.");
        }

        var verdict = await verdicts.JudgeAsync(content, ct);
        verdict = await SecondOpinionAsync(verdict, content, ct);
        var next = verdict.Outcome switch
        {
            VerdictOutcome.Pass => DraftStatus.Scheduled,
            VerdictOutcome.Review => DraftStatus.AwaitingApproval,
            _ => DraftStatus.Blocked,
        };
        var now = time.GetUtcNow();
        var decided = await drafts.TryTransitionAsync(draft, next, now, d => d with { Verdict = verdict, CheckedHash = hash }, ct);
        if (decided is null) return false;

        logger.LogInformation("Draft {DraftId} checked: {Verdict} with {FindingCount} findings", draft.Id, verdict.Outcome, verdict.Findings.Count);
        await audit.AppendAsync(DraftAuditActions.Entry(now, DraftAuditActions.System, DraftAuditActions.Checked, draft.Id,
            verdict.Outcome.ToString().ToLowerInvariant(),
            DraftAuditActions.Findings(verdict)), ct);

        switch (next)
        {
            case DraftStatus.Scheduled:
                await scheduler.SchedulePublishAsync(decided, ct);
                break;
            case DraftStatus.AwaitingApproval:
                await approvalRequest.SendAsync(decided, ct);
                break;
            default:
                await notify.BlockedAsync(decided, ct);
                break;
        }
        return true;
    }
}
