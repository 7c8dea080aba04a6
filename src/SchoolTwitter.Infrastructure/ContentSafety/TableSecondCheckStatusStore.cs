using Azure;
using Azure.Data.Tables;
using SchoolTwitter.Application;
using SchoolTwitter.Application.ContentSafety;
using SchoolTwitter.Infrastructure.Storage;

namespace SchoolTwitter.Infrastructure.ContentSafety;

/// <summary>
/// The second check's status in Azure Table "SecondCheckStatus": PartitionKey = the endpoint's host, RowKey "status",
/// with DownSince, Reason and Alerted as plain columns for whoever opens the table. Replaced only with the ETag it was read with.
/// </summary>
public sealed class TableSecondCheckStatusStore : ISecondCheckStatusStore
{
    private const string Row = "status";

    private readonly AsyncOnce<TableClient> _table;

    public TableSecondCheckStatusStore(TableServiceClient tables) => _table = new(async () =>
    {
        var table = tables.GetTableClient(TableNames.SecondCheckStatus);
        await table.CreateIfNotExistsAsync();
        return table;
    });

    public async Task<(SecondCheckStatus Status, string? ETag)> GetAsync(string service, CancellationToken ct)
    {
        var table = await _table.GetAsync();
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(service), Row, cancellationToken: ct);
        if (!found.HasValue || found.Value is null) return (new SecondCheckStatus(), null);
        var e = found.Value;
        return (new SecondCheckStatus(e.GetDateTimeOffset("DownSince"), e.GetString("Reason"), e.GetBoolean("Alerted") ?? false), e.ETag.ToString());
    }

    public async Task<bool> TrySaveAsync(string service, SecondCheckStatus status, string? etag, CancellationToken ct)
    {
        var table = await _table.GetAsync();
        var entity = new TableEntity(TableKeys.Escape(service), Row)
        {
            ["DownSince"] = status.DownSince,
            ["Reason"] = status.Reason,
            ["Alerted"] = status.Alerted,
        };
        try
        {
            if (etag is null) await table.AddEntityAsync(entity, ct);
            else await table.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }
}
