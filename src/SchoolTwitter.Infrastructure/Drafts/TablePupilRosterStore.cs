using Azure;
using Azure.Data.Tables;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Core.Roster;

namespace SchoolTwitter.Infrastructure.Drafts;

/// <summary>
/// The roster in table <c>Pupils</c>. Each upload is written to a partition of its own and then made current by
/// swapping one pointer row (ETag-checked), so a reader sees the old roster or the new one, never a mixture;
/// the previous partition is deleted afterwards.
/// </summary>
public sealed class TablePupilRosterStore(TableServiceClient service) : IPupilRosterStore
{
    private const string PointerPartition = "roster";
    private const string PointerRow = "current";
    private const int BatchSize = 100;

    private readonly TableClient _table = service.GetTableClient(TableNames.Pupils);
    private readonly StorageInitialiser _init = new();

    public async Task<PupilRoster> GetAsync(CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var pointer = await _table.GetEntityIfExistsAsync<TableEntity>(PointerPartition, PointerRow, cancellationToken: ct);
        if (!pointer.HasValue) return PupilRoster.Empty;

        var pupils = new List<Pupil>();
        var partition = pointer.Value!.GetString("Partition");
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: ct))
        {
            pupils.Add(new Pupil(row.GetString("PupilId"), row.GetString("FirstName"), row.GetString("LastName"),
                row.GetBoolean("PhotoConsent") ?? false));
        }
        return new PupilRoster(pupils);
    }

    public async Task ReplaceAsync(PupilRoster roster, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var partition = "roster-" + Guid.CreateVersion7().ToString("N");
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

        string? previous = null;
        for (var attempt = 0; ; attempt++)
        {
            var pointer = await _table.GetEntityIfExistsAsync<TableEntity>(PointerPartition, PointerRow, cancellationToken: ct);
            var next = new TableEntity(PointerPartition, PointerRow) { ["Partition"] = partition, ["Count"] = roster.Pupils.Count };
            try
            {
                if (pointer.HasValue)
                {
                    previous = pointer.Value!.GetString("Partition");
                    await _table.UpdateEntityAsync(next, pointer.Value!.ETag, TableUpdateMode.Replace, ct);
                }
                else
                {
                    await _table.AddEntityAsync(next, ct);
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
