namespace SchoolTwitter.Application.Drafts;

/// <summary>Reads a draft's state for <c>GET /api/drafts/{id}</c> and the command line.</summary>
public sealed class DraftQueryService(IDraftStore drafts)
{
    public Task<DraftRecord?> GetAsync(string id, CancellationToken ct) =>
        DraftIds.IsWellFormed(id) ? drafts.GetAsync(id, ct) : Task.FromResult<DraftRecord?>(null);
}

/// <summary>Draft ids: 32 lower-case hex digits (a version-7 GUID, so they sort by submission time).</summary>
public static class DraftIds
{
    public static string New() => Guid.CreateVersion7().ToString("N");

    public static bool IsWellFormed(string? id) =>
        id is { Length: 32 } && id.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
