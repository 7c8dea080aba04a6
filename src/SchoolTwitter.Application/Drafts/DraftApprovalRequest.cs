using Microsoft.Extensions.Logging;
using SchoolTwitter.Application.Telemetry;

namespace SchoolTwitter.Application.Drafts;

/// <summary>
/// Asks SLT to approve a draft with warnings. Until the SLT channel has heard, the draft notes nothing, an alert event is
/// logged, and the sweep asks again: a draft never waits for an approval nobody was asked for.
/// </summary>
public sealed class DraftApprovalRequest(IDraftStore drafts, DraftOutcomeNotifier notify, TimeProvider time, ILogger<DraftApprovalRequest> logger)
{
    /// <returns>Whether the SLT channel was told.</returns>
    public async Task<bool> SendAsync(DraftRecord draft, CancellationToken ct)
    {
        if (!await notify.AwaitingApprovalAsync(draft, ct))
        {
            logger.LogDraftNotificationFailed(draft.Id, "awaits an SLT approval");
            return false;
        }
        // A lost race means an approval (or another sweep) moved the draft on: nothing left to note.
        await drafts.TryReplaceAsync(draft with { ApprovalRequestedAt = time.GetUtcNow() }, ct);
        return true;
    }
}
