namespace SchoolTwitter.Application.Audit;

/// <summary>
/// Append-only record of who did what, when, with what outcome. The store itself refuses to change or delete an entry
/// (production: append blobs under a time-based immutability policy), so not even the app can rewrite history.
/// </summary>
public interface IAuditLog
{
    Task AppendAsync(AuditEntry entry, CancellationToken ct);

    /// <summary>Entries about one subject (a draft id, a follower id, a rotation cycle), oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(string subject, CancellationToken ct);

    /// <summary>Entries from <see cref="AuditQuery.From"/> up to <see cref="AuditQuery.To"/>, narrowed as the query says, oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken ct);
}

/// <param name="Actor">Who: an SLT e-mail, or "system".</param>
/// <param name="Action">What, e.g. "draft.submitted", "draft.refused", "follower.blocked".</param>
/// <param name="Subject">What it was about: draft id, follower id, cycle id.</param>
/// <param name="Outcome">e.g. "accepted", "refused: not SLT".</param>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string Subject, string Outcome, string? Detail = null);

/// <summary>What SLT ask of the audit log: a time range (at most <see cref="MaxDays"/> days), optionally one subject (a draft) or one person.</summary>
/// <param name="Actor">An SLT e-mail (compared ignoring case) or "system".</param>
public sealed record AuditQuery(DateTimeOffset From, DateTimeOffset To, string? Subject = null, string? Actor = null)
{
    public const int MaxDays = 366;

    public bool Matches(AuditEntry entry) =>
        entry.At >= From && entry.At < To
        && (Subject is null || string.Equals(entry.Subject, Subject, StringComparison.Ordinal))
        && (Actor is null || string.Equals(entry.Actor, Actor, StringComparison.OrdinalIgnoreCase));

    /// <summary>Why the query cannot run, or null.</summary>
    public string? Problem() =>
        To <= From ? "The end of the range must be after its start."
        : To - From > TimeSpan.FromDays(MaxDays) ? $"Ask for at most {MaxDays} days at a time."
        : null;
}
