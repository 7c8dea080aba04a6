using Azure;
using Azure.Data.Tables;

namespace SchoolTwitter.Infrastructure.Drafts;

/// <summary>
/// A list replaced whole in a table (the roster, the staff list). Each upload writes a partition of its own, then makes it
/// current by swapping one pointer row (ETag-checked) that also holds its row count; a reader takes the pointer and reads that
/// partition, and a count that does not match is never returned (read again, or fail so the check is retried). Superseded
/// partitions are deleted only after <see cref="RetiredGrace"/>, longer than any function runs, so no reader ever has its
/// list deleted from under it (issue 10, defect 2).
/// </summary>
internal sealed class TableSnapshot(TableClient table, string pointerPartition, TimeProvider time)
{
    /// <summary>How long a superseded (or abandoned) upload is kept: beyond the 10-minute function timeout.</summary>
    public static readonly TimeSpan RetiredGrace = TimeSpan.FromMinutes(15);

    private const string PointerRow = "current";
    private const int BatchSize = 100;
    private const int ReadAttempts = 3;

    private readonly string _versionsPartition = pointerPartition + "-versions";
    private readonly StorageInitialiser _init = new();

    /// <summary>The current list's rows, or none when nothing was ever uploaded.</summary>
    public async Task<List<TableEntity>> ReadAsync(CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            var rows = new List<TableEntity>();
            var pointer = await table.GetEntityIfExistsAsync<TableEntity>(pointerPartition, PointerRow, cancellationToken: ct);
            if (!pointer.HasValue) return rows;

            var expected = pointer.Value!.GetInt32("Count");
            var partition = pointer.Value!.GetString("Partition");
            await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: ct)) rows.Add(row);
            if (expected is null || rows.Count == expected) return rows;
            if (attempt == ReadAttempts)
            {
                throw new InvalidOperationException(
                    $"The {pointerPartition} list could not be read whole ({rows.Count} of {expected} rows); the check will be retried.");
            }
        }
    }

    /// <summary>Writes <paramref name="rows"/> (as made for a fresh partition key) and makes them the current list.</summary>
    public async Task ReplaceAsync(Func<string, IEnumerable<TableEntity>> rows, int count, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var partition = pointerPartition + "-" + Guid.CreateVersion7().ToString("N");
        await table.UpsertEntityAsync(new TableEntity(_versionsPartition, partition) { ["StartedAt"] = time.GetUtcNow() }, TableUpdateMode.Replace, ct);
        foreach (var batch in rows(partition).Chunk(BatchSize))
        {
            await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), ct);
        }

        if (await MakeCurrentAsync(partition, count, ct) is { } superseded)
        {
            await table.UpsertEntityAsync(new TableEntity(_versionsPartition, superseded) { ["RetiredAt"] = time.GetUtcNow() }, TableUpdateMode.Merge, ct);
        }
        await DeleteRetiredAsync(ct);
    }

    /// <summary>Swaps the pointer to <paramref name="partition"/> (the last upload to finish wins); returns the partition it replaced.</summary>
    private async Task<string?> MakeCurrentAsync(string partition, int count, CancellationToken ct)
    {
        var next = new TableEntity(pointerPartition, PointerRow) { ["Partition"] = partition, ["Count"] = count };
        for (var attempt = 0; ; attempt++)
        {
            var pointer = await table.GetEntityIfExistsAsync<TableEntity>(pointerPartition, PointerRow, cancellationToken: ct);
            try
            {
                if (!pointer.HasValue)
                {
                    await table.AddEntityAsync(next, ct);
                    return null;
                }
                await table.UpdateEntityAsync(next, pointer.Value!.ETag, TableUpdateMode.Replace, ct);
                return pointer.Value!.GetString("Partition");
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < 10)
            {
                // Another upload swapped the pointer first: ours finished later, so swap again.
            }
        }
    }

    /// <summary>Deletes uploads superseded (or abandoned half-written) longer than <see cref="RetiredGrace"/> ago.</summary>
    private async Task DeleteRetiredAsync(CancellationToken ct)
    {
        var pointer = await table.GetEntityIfExistsAsync<TableEntity>(pointerPartition, PointerRow, cancellationToken: ct);
        var current = pointer.HasValue ? pointer.Value!.GetString("Partition") : null;
        var before = time.GetUtcNow() - RetiredGrace;
        await foreach (var version in table.QueryAsync<TableEntity>(e => e.PartitionKey == _versionsPartition, cancellationToken: ct))
        {
            if (version.RowKey == current || (version.GetDateTimeOffset("RetiredAt") ?? version.GetDateTimeOffset("StartedAt")) is not { } since || since > before)
            {
                continue;
            }
            await DeletePartitionAsync(version.RowKey, ct);
            await table.DeleteEntityAsync(_versionsPartition, version.RowKey, ETag.All, ct);
        }
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
