using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Protection;
using SchoolTwitter.Infrastructure.Storage;

namespace SchoolTwitter.Infrastructure.Protection;

/// <summary>Post records in table <c>PostRecords</c>: one row per tweet (PartitionKey "post", RowKey the tweet id); lists as JSON.</summary>
public sealed class TablePostRecordStore : IPostRecordStore
{
    private const string Partition = "post";

    private readonly TableClient _table;
    private readonly AsyncOnce<bool> _created;

    public TablePostRecordStore(TableServiceClient service)
    {
        _table = service.GetTableClient(TableNames.PostRecords);
        _created = new AsyncOnce<bool>(async () => { await _table.CreateIfNotExistsAsync(); return true; });
    }

    public async Task PutAsync(PostRecord record, CancellationToken ct)
    {
        await _created.GetAsync();
        await _table.UpsertEntityAsync(new TableEntity(Partition, TableKeys.Escape(record.TweetId))
        {
            ["TweetId"] = record.TweetId,
            ["DraftId"] = record.DraftId,
            ["PostedAt"] = record.PostedAt,
            ["PupilsPictured"] = JsonSerializer.Serialize(record.PupilsPictured),
            ["PupilsNamed"] = JsonSerializer.Serialize(record.PupilsNamed),
            ["NamesSeen"] = JsonSerializer.Serialize(record.NamesSeen),
            ["RemovedAt"] = record.RemovedAt,
        }, TableUpdateMode.Replace, ct);
    }

    public async Task<PostRecord?> GetAsync(string tweetId, CancellationToken ct)
    {
        await _created.GetAsync();
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeys.Escape(tweetId), cancellationToken: ct);
        return found.HasValue ? Read(found.Value!) : null;
    }

    public async IAsyncEnumerable<PostRecord> ListLiveAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await _created.GetAsync();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: ct))
        {
            var record = Read(row);
            if (record.RemovedAt is null) yield return record;
        }
    }

    public async Task MarkRemovedAsync(string tweetId, DateTimeOffset at, CancellationToken ct)
    {
        await _created.GetAsync();
        try
        {
            await _table.UpdateEntityAsync(new TableEntity(Partition, TableKeys.Escape(tweetId)) { ["RemovedAt"] = at }, ETag.All, TableUpdateMode.Merge, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // A post without a record (an archive's, or one made in the X app): nothing to mark.
        }
    }

    private static PostRecord Read(TableEntity e) => new(
        e.GetString("TweetId") ?? e.RowKey,
        e.GetString("DraftId"),
        e.GetDateTimeOffset("PostedAt") ?? DateTimeOffset.MinValue,
        List(e, "PupilsPictured"),
        List(e, "PupilsNamed"),
        List(e, "NamesSeen"),
        e.GetDateTimeOffset("RemovedAt"));

    private static string[] List(TableEntity e, string name) =>
        e.GetString(name) is { Length: > 0 } json ? JsonSerializer.Deserialize<string[]>(json) ?? [] : [];
}
