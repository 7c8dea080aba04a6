namespace SchoolTwitter.Application.Drafts;

/// <summary>Where drafts live (table <c>Drafts</c> in production). Updates are optimistic: they name the version they replace.</summary>
public interface IDraftStore
{
    /// <summary>Stores a new draft; returns it with its first <see cref="DraftRecord.Version"/>.</summary>
    Task<DraftRecord> CreateAsync(DraftRecord draft, CancellationToken ct);

    Task<DraftRecord?> GetAsync(string id, CancellationToken ct);

    /// <summary>
    /// Replaces the draft only if the stored version is still <paramref name="next"/>.Version; returns the stored draft
    /// with its new version, or null when someone else changed it first (the caller re-reads and decides again).
    /// </summary>
    Task<DraftRecord?> TryReplaceAsync(DraftRecord next, CancellationToken ct);

    /// <summary>Every draft now in <paramref name="status"/> (a scan: for the sweep, not for requests).</summary>
    IAsyncEnumerable<DraftRecord> ListAsync(DraftStatus status, CancellationToken ct);

    /// <summary>Removes a draft that lost a submission race (never one that was acknowledged to a caller).</summary>
    Task DeleteAsync(string id, CancellationToken ct);

    /// <summary>
    /// Claims <paramref name="key"/> (a client id or content hash) for <paramref name="draftId"/>. When another draft holds
    /// the key and its claim is younger than <paramref name="window"/> (null: forever), returns that draft's id; otherwise
    /// the key now points at <paramref name="draftId"/>, which is returned. Safe under concurrent callers.
    /// </summary>
    Task<string> ClaimKeyAsync(string key, string draftId, DateTimeOffset now, TimeSpan? window, CancellationToken ct);

    /// <summary>The draft id currently holding <paramref name="key"/> if its claim is younger than <paramref name="window"/>.</summary>
    Task<string?> FindByKeyAsync(string key, DateTimeOffset now, TimeSpan? window, CancellationToken ct);
}
