using Azure;
using Azure.Data.Tables;

namespace SchoolTwitter.Infrastructure.Drafts;

/// <summary>
/// A list replaced whole in a table (the roster, the staff list): each upload is written to a partition of its own and then made
/// current by swapping one pointer row (ETag-checked), so a reader sees the old list or the new one, never a mixture; the previous
/// partition is deleted afterwards.
/// </summary>
internal sealed class TableSnapshot(TableClient table, string pointerPartition)
{
    private const string PointerRow = "current";
    private const int BatchSize = 100;

    private readonly StorageInitialiser _init = new();

    /// <summary>The current list's rows, or none when nothing was ever uploaded.</summary>
    public async Task<List<TableEntity>> ReadAsync(CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var rows = new List<TableEntity>();
        var pointer = await table.GetEntityIfExistsAsync<TableEntity>(pointerPartition, PointerRow, cancellationToken: ct);
        if (!pointer.HasValue) return rows;
        var partition = pointer.Value!.GetString("Partition");
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: ct)) rows.Add(row);
        return rows;
    }

    /// <summary>Writes <paramref name="rows"/> (as made for a fresh partition key) and makes them the current list.</summary>
    public async Task ReplaceAsync(Func<string, IEnumerable<TableEntity>> rows, int count, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var partition = pointerPartition + "-" + Guid.CreateVersion7().ToString("N");
        foreach (var batch in rows(partition).Chunk(BatchSize))
        {
            await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), ct);
        }

        string? previous = null;
        for (var attempt = 0; ; attempt++)
        {
            var pointer = await table.GetEntityIfExistsAsync<TableEntity>(pointerPartition, PointerRow, cancellationToken: ct);
            var next = new TableEntity(pointerPartition, PointerRow) { ["Partition"] = partition, ["Count"] = count };
            try
            {
                if (pointer.HasValue)
                {
                    previous = pointer.Value!.GetString("Partition");
                    await table.UpdateEntityAsync(next, pointer.Value!.ETag, TableUpdateMode.Replace, ct);
                }
                else
                {
                    await table.AddEntityAsync(next, ct);
                }
                break;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < 10)
            {
                // Another upload swapped the pointer first: ours is newer, so swap again.
            }
        }

        if (previous is not null) await DeletePartitionAsync(previous, ct);
    }

    private async Task DeletePartitionAsync(string partition, CancellationToken ct)
    {
        var keys = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["PartitionKey", "RowKey"], cancellationToken: ct))
        {
            keys.Add(row);
        }
        foreach (var batch in keys.Chunk(BatchSize))
        {
            await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All)), ct);
        }
    }

    private Task EnsureTableAsync(CancellationToken ct) => _init.RunOnceAsync(() => table.CreateIfNotExistsAsync(ct));
}
