using Microsoft.Extensions.Logging;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Core.Roster;

namespace SchoolTwitter.Application.Drafts;

/// <summary>
/// Replaces the school's list of staff and governors (<c>Title,FirstName,LastName,Role</c>), whose names in a draft are read
/// as adults' rather than pupils'. A malformed row rejects the whole file: nothing is replaced, and the check keeps the old
/// list. The audit records counts and line numbers, never a name.
/// </summary>
public sealed class StaffListService(IStaffListStore store, IAuditLog audit, TimeProvider time, ILogger<StaffListService> logger)
{
    /// <summary>The audit subject of every upload.</summary>
    public const string Subject = "staff";

    public async Task<InputResult<StaffList>> ReplaceAsync(string csv, string actor, CancellationToken ct)
    {
        var parsed = StaffCsv.Parse(csv);
        var now = time.GetUtcNow();
        if (!parsed.IsValid)
        {
            await audit.AppendAsync(DraftAuditActions.Entry(now, actor, DraftAuditActions.StaffRefused, Subject,
                $"refused: {parsed.Errors.Count} malformed rows", string.Join("; ", parsed.Errors.Take(20).Select(e => $"{e.Field}: {e.Message}"))), ct);
            return parsed;
        }

        await store.ReplaceAsync(parsed.Value!, ct);
        logger.LogInformation("Staff list replaced by {Actor}: {AdultCount} adults", actor, parsed.Value!.Members.Count);
        await audit.AppendAsync(DraftAuditActions.Entry(now, actor, DraftAuditActions.StaffReplaced, Subject,
            $"replaced: {parsed.Value!.Members.Count} adults"), ct);
        return parsed;
    }
}
