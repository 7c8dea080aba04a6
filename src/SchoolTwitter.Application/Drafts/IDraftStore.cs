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

/// <summary>Image bytes of drafts (blob container <c>draft-media</c>), as submitted; sanitised only when published.</summary>
public interface IDraftMediaStore
{
    Task PutAsync(string draftId, int index, ReadOnlyMemory<byte> content, CancellationToken ct);

    /// <summary>The image's bytes; throws <see cref="DraftMediaMissingException"/> when they are gone.</summary>
    Task<ReadOnlyMemory<byte>> GetAsync(string draftId, int index, CancellationToken ct);

    Task DeleteAllAsync(string draftId, CancellationToken ct);
}

public sealed class DraftMediaMissingException(string draftId, int index)
    : Exception($"Image {index} of draft {draftId} is missing from the media store.");

/// <summary>The school's pupil roster (table <c>Pupils</c>); replaced whole, never merged.</summary>
public interface IPupilRosterStore
{
    Task<Core.Roster.PupilRoster> GetAsync(CancellationToken ct);

    /// <summary>Replaces the roster in one step: readers see the old roster or the new one, never a mixture.</summary>
    Task ReplaceAsync(Core.Roster.PupilRoster roster, CancellationToken ct);
}

/// <summary>Makes an image safe to publish: orientation applied, every metadata block (EXIF incl. GPS, XMP, IPTC, ICC) removed, re-encoded.</summary>
public interface IImageSanitiser
{
    /// <summary>What the bytes decode as (format and size), or null when they are not an image the sanitiser can read.</summary>
    Core.Media.ImageInfo? Identify(ReadOnlyMemory<byte> image);

    SanitisedImage Sanitise(ReadOnlyMemory<byte> image);
}

public sealed record SanitisedImage(ReadOnlyMemory<byte> Content, string MediaType);
