namespace SchoolTwitter.Application.Protection;

/// <summary>
/// Who a published post pictured and named, kept for as long as the post exists, so the posts of a pupil who must no longer
/// be seen can be found without scrolling a timeline.
/// </summary>
/// <param name="PupilsPictured">The pupil ids the submitter declared on the post's pictures.</param>
/// <param name="PupilsNamed">The roster pupils the checker read as named in the text or alt text when it was published.</param>
/// <param name="NamesSeen">The words that named them, as written (a pupil who later leaves the roster is still found by name).</param>
/// <param name="RemovedAt">When the post was taken down (or found already gone); null while it is live.</param>
public sealed record PostRecord(
    string TweetId,
    string? DraftId,
    DateTimeOffset PostedAt,
    IReadOnlyList<string> PupilsPictured,
    IReadOnlyList<string> PupilsNamed,
    IReadOnlyList<string> NamesSeen,
    DateTimeOffset? RemovedAt = null)
{
    public bool Pictures(string pupilId) => PupilsPictured.Contains(pupilId, StringComparer.OrdinalIgnoreCase);

    /// <summary>Named by id, or by a name the pupil answers to (first name, surname or both).</summary>
    public bool Names(string pupilId, IEnumerable<string> pupilNames) =>
        PupilsNamed.Contains(pupilId, StringComparer.OrdinalIgnoreCase)
        || NamesSeen.Any(seen => pupilNames.Any(name => string.Equals(Squash(seen), Squash(name), StringComparison.OrdinalIgnoreCase)));

    /// <summary>Single spaces, and no possessive ("Amelia's" names Amelia).</summary>
    private static string Squash(string name)
    {
        var squashed = string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return squashed.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || squashed.EndsWith("’s", StringComparison.OrdinalIgnoreCase)
            ? squashed[..^2]
            : squashed;
    }
}

/// <summary>The post records (table <c>PostRecords</c>).</summary>
public interface IPostRecordStore
{
    /// <summary>Writes the record (a repeat for the same tweet replaces it: recording is idempotent).</summary>
    Task PutAsync(PostRecord record, CancellationToken ct);

    Task<PostRecord?> GetAsync(string tweetId, CancellationToken ct);

    /// <summary>Every record of a post not yet removed (a scan: a school posts a few hundred times a year).</summary>
    IAsyncEnumerable<PostRecord> ListLiveAsync(CancellationToken ct);

    Task MarkRemovedAsync(string tweetId, DateTimeOffset at, CancellationToken ct);
}
