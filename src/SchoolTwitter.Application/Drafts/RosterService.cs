using Microsoft.Extensions.Logging;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Protection;
using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Core.Roster;

namespace SchoolTwitter.Application.Drafts;

/// <summary>
/// Replaces the pupil roster from the MIS export. A malformed row rejects the whole file: nothing is replaced. A pupil whose photo
/// consent goes from Y to N, or who is no longer listed, opens a protection case first: were the cases opened after the
/// replacement and failed, the next upload would no longer see the change.
/// </summary>
public sealed class RosterService(IPupilRosterStore store, ProtectionService protection, IAuditLog audit, TimeProvider time, ILogger<RosterService> logger)
{
    public async Task<InputResult<PupilRoster>> ReplaceAsync(string csv, string actor, CancellationToken ct)
    {
        var parsed = RosterCsv.Parse(csv);
        var now = time.GetUtcNow();
        if (!parsed.IsValid)
        {
            await audit.AppendAsync(DraftAuditActions.Entry(now, actor, DraftAuditActions.RosterRefused, "roster",
                $"refused: {parsed.Errors.Count} malformed rows", string.Join("; ", parsed.Errors.Take(20).Select(e => $"{e.Field}: {e.Message}"))), ct);
            return parsed;
        }

        var before = await store.GetAsync(ct);
        await protection.OpenAsync(ProtectionService.Between(before, parsed.Value!), before, actor, null, ct);
        await store.ReplaceAsync(parsed.Value!, ct);
        logger.LogInformation("Roster replaced by {Actor}: {PupilCount} pupils", actor, parsed.Value!.Pupils.Count);
        await audit.AppendAsync(DraftAuditActions.Entry(now, actor, DraftAuditActions.RosterReplaced, "roster",
            $"replaced: {parsed.Value!.Pupils.Count} pupils"), ct);
        return parsed;
    }
}
