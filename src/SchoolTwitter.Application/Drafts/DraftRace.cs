namespace SchoolTwitter.Application.Drafts;

/// <summary>
/// The pipeline's one optimistic-concurrency loop. Every draft update names the version it replaces (ETag); when another
/// worker changed the draft first the step reports <see cref="Lost{T}"/>, and the draft is read again and decided again,
/// a bounded number of times.
/// </summary>
public static class DraftRace
{
    public const int MaxAttempts = 10;

    public static DraftStep<T> Settled<T>(T value) => new(true, value);

    public static DraftStep<T> Lost<T>() => default;

    /// <summary>
    /// Runs <paramref name="step"/> on <paramref name="first"/> (or, when null, the stored draft) until it settles; after a
    /// lost race on the draft as stored now (null when it no longer exists).
    /// </summary>
    public static async Task<T> RunAsync<T>(
        IDraftStore drafts, string draftId, DraftRecord? first, Func<DraftRecord?, Task<DraftStep<T>>> step, string doing, CancellationToken ct)
    {
        var current = first ?? await drafts.GetAsync(draftId, ct);
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await step(current);
            if (outcome.IsSettled) return outcome.Value!;
            if (attempt == MaxAttempts) break;
            current = await drafts.GetAsync(draftId, ct);
        }
        throw new InvalidOperationException($"Draft {draftId} kept changing while {doing}.");
    }
}

/// <summary>What one step of <see cref="DraftRace.RunAsync{T}"/> decided: settled with a value, or lost the race.</summary>
public readonly record struct DraftStep<T>(bool IsSettled, T? Value);
