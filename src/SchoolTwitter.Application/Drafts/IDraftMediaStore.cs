namespace SchoolTwitter.Application.Drafts;

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
