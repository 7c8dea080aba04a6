namespace SchoolTwitter.Application.Audit;

/// <summary>Append-only record of who did what, when, with what outcome. Entries are never updated in place.</summary>
public interface IAuditLog
{
    Task AppendAsync(AuditEntry entry, CancellationToken ct);

    /// <summary>Entries about one subject (a draft id, a follower id, a rotation cycle), oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(string subject, CancellationToken ct);

    /// <summary>Every entry with <paramref name="from"/> &lt;= At &lt; <paramref name="to"/>, whatever its subject (the SLT page's audit search), streamed.</summary>
    IAsyncEnumerable<AuditEntry> ReadBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct);
}

/// <param name="Actor">Who: an SLT e-mail, or "system".</param>
/// <param name="Action">What, e.g. "draft.submitted", "draft.refused", "follower.blocked".</param>
/// <param name="Subject">What it was about: draft id, follower id, cycle id.</param>
/// <param name="Outcome">e.g. "accepted", "refused: not SLT".</param>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string Subject, string Outcome, string? Detail = null);
