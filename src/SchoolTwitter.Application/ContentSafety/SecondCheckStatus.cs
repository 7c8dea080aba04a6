namespace SchoolTwitter.Application.ContentSafety;

/// <summary>Whether the second check's service is down, since when and why, and whether SLT have been told of it.</summary>
public sealed record SecondCheckStatus(DateTimeOffset? DownSince = null, string? Reason = null, bool Alerted = false)
{
    public bool IsDown => DownSince is not null;
}

/// <summary>
/// One status row per Azure AI endpoint, replaced only with the ETag it was read with, so that of many drafts failing at
/// once exactly one claims the outage and tells SLT.
/// </summary>
public interface ISecondCheckStatusStore
{
    Task<(SecondCheckStatus Status, string? ETag)> GetAsync(string service, CancellationToken ct);

    /// <summary>Saves over the version read (<paramref name="etag"/> null: none existed); false when someone else changed it first.</summary>
    Task<bool> TrySaveAsync(string service, SecondCheckStatus status, string? etag, CancellationToken ct);
}

/// <summary>The status in this process only: the default where there is no storage (the CLI, a test). Infrastructure replaces it with a table.</summary>
public sealed class InProcessSecondCheckStatusStore : ISecondCheckStatusStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (SecondCheckStatus Status, int Version)> _rows = [];

    public Task<(SecondCheckStatus Status, string? ETag)> GetAsync(string service, CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult<(SecondCheckStatus, string?)>(_rows.TryGetValue(service, out var row)
                ? (row.Status, row.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
                : (new SecondCheckStatus(), null));
        }
    }

    public Task<bool> TrySaveAsync(string service, SecondCheckStatus status, string? etag, CancellationToken ct)
    {
        lock (_gate)
        {
            var current = _rows.TryGetValue(service, out var row) ? row.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            if (current != etag) return Task.FromResult(false);
            _rows[service] = (status, row.Version + 1);
            return Task.FromResult(true);
        }
    }
}
