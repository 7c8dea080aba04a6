using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace SchoolTwitter.Infrastructure.Followers;

/// <summary>The follower tables, each created on first use in this process.</summary>
public sealed class FollowerTables(TableServiceClient service)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new();

    public Task<TableClient> GetAsync(string tableName, CancellationToken ct) =>
        _tables.GetOrAdd(tableName, name => new Lazy<Task<TableClient>>(async () =>
        {
            var client = service.GetTableClient(name);
            await client.CreateIfNotExistsAsync(ct);
            return client;
        })).Value;

    /// <summary>Upserts in entity-group transactions of at most 100 (one partition each, no repeated row key).</summary>
    public static async Task SubmitInBatchesAsync(TableClient table, IEnumerable<ITableEntity> entities, TableTransactionActionType action, CancellationToken ct)
    {
        foreach (var batch in entities.DistinctBy(e => (e.PartitionKey, e.RowKey)).GroupBy(e => e.PartitionKey).SelectMany(g => g.Chunk(100)))
        {
            await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(action, e)), ct);
        }
    }
}
