using Azure;
using Azure.Data.Tables;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Core.Roster;

namespace SchoolTwitter.Infrastructure.Drafts;

/// <summary>
/// The roster in table <c>Pupils</c>, one immutable partition per upload. An upload writes its partition whole, then makes
/// it current by swapping one pointer row (ETag-checked) that also holds its row count; a reader takes the pointer and
/// reads that partition, and a count that does not match is never returned (read again, or fail: the check is retried).
/// Superseded partitions are deleted only after <see cref="RetiredGrace"/>, longer than any function runs, so no reader
/// ever has its roster deleted from under it.
/// </summary>
public sealed class TablePupilRosterStore(TableServiceClient service, TimeProvider time) : IPupilRosterStore
{
    /// <summary>How long a superseded (or abandoned) upload is kept: beyond the 10-minute function timeout.</summary>
    public static readonly TimeSpan RetiredGrace = TimeSpan.FromMinutes(15);

    private const string PointerPartition = "roster";
    private const string PointerRow = "current";
    private const string VersionsPartition = "roster-versions";
    private const int BatchSize = 100;
    private const int ReadAttempts = 3;

    private readonly TableClient _table = service.GetTableClient(TableNames.Pupils);
    private readonly StorageInitialiser _init = new();

    public async Task<PupilRoster> GetAsync(CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            var pointer = await _table.GetEntityIfExistsAsync<TableEntity>(PointerPartition, PointerRow, cancellationToken: ct);
            if (!pointer.HasValue) return PupilRoster.Empty;

            var expected = pointer.Value!.GetInt32("Count");
            var pupils = new List<Pupil>();
            var partition = pointer.Value!.GetString("Partition");
            await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: ct))
            {
                pupils.Add(new Pupil(row.GetString("PupilId"), row.GetString("FirstName"), row.GetString("LastName"),
                    row.GetBoolean("PhotoConsent") ?? false));
            }
            if (expected is null || pupils.Count == expected) return new PupilRoster(pupils);
            if (attempt == ReadAttempts)
            {
                throw new InvalidOperationException(
                    $"The pupil roster could not be read whole ({pupils.Count} of {expected} rows); the check will be retried.");
            }
        }
    }

    public async Task ReplaceAsync(PupilRoster roster, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var partition = "roster-" + Guid.NewGuid().ToString("N");
        await _table.UpsertEntityAsync(new TableEntity(VersionsPartition, partition) { ["StartedAt"] = time.GetUtcNow() }, TableUpdateMode.Replace, ct);
        var rows = roster.Pupils.Select((p, i) => new TableEntity(partition, i.ToString("D6"))
        {
            ["PupilId"] = p.Id,
            ["FirstName"] = p.FirstName,
            ["LastName"] = p.LastName,
            ["PhotoConsent"] = p.PhotoConsent,
        });
        foreach (var batch in rows.Chunk(BatchSize))
        {
            await _table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), ct);
        }

        if (await MakeCurrentAsync(partition, roster.Pupils.Count, ct) is { } superseded)
        {
            await _table.UpsertEntityAsync(new TableEntity(VersionsPartition, superseded) { ["RetiredAt"] = time.GetUtcNow() }, TableUpdateMode.Merge, ct);
        }
        await DeleteRetiredAsync(ct);
    }

    /// <summary>Swaps the pointer to <paramref name="partition"/> (the last upload to finish wins); returns the partition it replaced.</summary>
    private async Task<string?> MakeCurrentAsync(string partition, int count, CancellationToken ct)
    {
        var next = new TableEntity(PointerPartition, PointerRow) { ["Partition"] = partition, ["Count"] = count };
        for (var attempt = 0; ; attempt++)
        {
            var pointer = await _table.GetEntityIfExistsAsync<TableEntity>(PointerPartition, PointerRow, cancellationToken: ct);
            try
            {
                if (!pointer.HasValue)
                {
                    await _table.AddEntityAsync(next, ct);
                    return null;
                }
                await _table.UpdateEntityAsync(next, pointer.Value!.ETag, TableUpdateMode.Replace, ct);
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
        var pointer = await _table.GetEntityIfExistsAsync<TableEntity>(PointerPartition, PointerRow, cancellationToken: ct);
        var current = pointer.HasValue ? pointer.Value!.GetString("Partition") : null;
        var before = time.GetUtcNow() - RetiredGrace;
        await foreach (var version in _table.QueryAsync<TableEntity>(e => e.PartitionKey == VersionsPartition, cancellationToken: ct))
        {
            if (version.RowKey == current || (version.GetDateTimeOffset("RetiredAt") ?? version.GetDateTimeOffset("StartedAt")) is not { } since || since > before)
            {
                continue;
            }
            await DeletePartitionAsync(version.RowKey, ct);
            await _table.DeleteEntityAsync(VersionsPartition, version.RowKey, ETag.All, ct);
        }
    }

    private async Task DeletePartitionAsync(string partition, CancellationToken ct)
    {
        var keys = new List<TableEntity>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["PartitionKey", "RowKey"], cancellationToken: ct))
        {
            keys.Add(row);
        }
        foreach (var batch in keys.Chunk(BatchSize))
        {
            await _table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All)), ct);
        }
    }

    private Task EnsureTableAsync(CancellationToken ct) => _init.RunOnceAsync(() => _table.CreateIfNotExistsAsync(ct));
}
