using Azure;
using Azure.Storage.Blobs;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Drafts;

namespace SchoolTwitter.Infrastructure.Drafts;

/// <summary>Draft images in blob container <c>draft-media</c>, named <c>{draftId}/{index}</c>, kept exactly as submitted.</summary>
public sealed class BlobDraftMediaStore(BlobServiceClient service) : IDraftMediaStore
{
    private readonly BlobContainerClient _container = service.GetBlobContainerClient(BlobContainerNames.DraftMedia);
    private readonly StorageInitialiser _init = new();

    public async Task PutAsync(string draftId, int index, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        await EnsureContainerAsync(ct);
        await _container.GetBlobClient(Name(draftId, index)).UploadAsync(BinaryData.FromBytes(content), overwrite: true, ct);
    }

    public async Task<ReadOnlyMemory<byte>> GetAsync(string draftId, int index, CancellationToken ct)
    {
        await EnsureContainerAsync(ct);
        try
        {
            var download = await _container.GetBlobClient(Name(draftId, index)).DownloadContentAsync(ct);
            return download.Value.Content.ToMemory();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new DraftMediaMissingException(draftId, index);
        }
    }

    public async Task DeleteAllAsync(string draftId, CancellationToken ct)
    {
        await EnsureContainerAsync(ct);
        await foreach (var blob in _container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, draftId + "/", ct))
        {
            await _container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: ct);
        }
    }

    private static string Name(string draftId, int index) => $"{draftId}/{index}";

    private Task EnsureContainerAsync(CancellationToken ct) => _init.RunOnceAsync(() => _container.CreateIfNotExistsAsync(cancellationToken: ct));
}
