using Azure.Data.Tables;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Followers;

namespace SchoolTwitter.Infrastructure.Followers;

/// <summary>Scan and mention checkpoints in Azure Table "FollowerCheckpoints" (PartitionKey = account id, RowKey = name, Json).</summary>
public sealed class TableFollowerCheckpointStore(FollowerTables tables) : IFollowerCheckpointStore
{
    public async Task<string?> GetAsync(string accountId, string name, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.FollowerCheckpoints, ct);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(accountId, name, cancellationToken: ct);
        return found.HasValue ? found.Value!.GetString("Json") : null;
    }

    public async Task SetAsync(string accountId, string name, string json, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.FollowerCheckpoints, ct);
        await table.UpsertEntityAsync(new TableEntity(accountId, name) { ["Json"] = json }, TableUpdateMode.Replace, ct);
    }
}
