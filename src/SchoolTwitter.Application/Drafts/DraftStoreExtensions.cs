namespace SchoolTwitter.Application.Drafts;

public static class DraftStoreExtensions
{
    /// <summary>
    /// Moves <paramref name="current"/> to <paramref name="to"/> (checked against <see cref="DraftLifecycle"/>) if nobody
    /// changed it since it was read. Returns the stored draft, or null on a lost race.
    /// </summary>
    public static Task<DraftRecord?> TryTransitionAsync(
        this IDraftStore store,
        DraftRecord current,
        DraftStatus to,
        DateTimeOffset now,
        Func<DraftRecord, DraftRecord>? change,
        CancellationToken ct)
    {
        DraftLifecycle.EnsureAllowed(current.Status, to);
        var next = current with { Status = to, UpdatedAt = now };
        if (change is not null) next = change(next) with { Status = to, Version = current.Version };
        return store.TryReplaceAsync(next, ct);
    }
}
