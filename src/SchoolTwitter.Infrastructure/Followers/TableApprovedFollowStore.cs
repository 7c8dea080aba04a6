using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Followers;

namespace SchoolTwitter.Infrastructure.Followers;

/// <summary>The approved-follows list in Azure Table "ApprovedFollows": PartitionKey = account id, RowKey = lower-case handle.</summary>
public sealed class TableApprovedFollowStore(FollowerTables tables) : IApprovedFollowStore
{
    public async Task<ApprovedFollow?> GetAsync(string accountId, string handle, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.ApprovedFollows, ct);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(accountId, handle.ToLowerInvariant(), cancellationToken: ct);
        return found.HasValue ? ToFollow(found.Value!) : null;
    }

    public async Task SaveAsync(string accountId, ApprovedFollow follow, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.ApprovedFollows, ct);
        var e = new TableEntity(accountId, follow.Handle.ToLowerInvariant())
        {
            ["Handle"] = follow.Handle,
            ["Category"] = follow.Category,
            ["AddedBy"] = follow.AddedBy,
            ["AddedAt"] = follow.AddedAt,
        };
        TableFollowerStore.SetIfNotNull(e, "Note", follow.Note);
        await table.UpsertEntityAsync(e, TableUpdateMode.Replace, ct);
    }

    public async Task<bool> RemoveAsync(string accountId, string handle, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.ApprovedFollows, ct);
        // The SDK does not throw for a missing entity: the 404 is in the response.
        var response = await table.DeleteEntityAsync(accountId, handle.ToLowerInvariant(), ETag.All, ct);
        return response.Status != 404;
    }

    public async IAsyncEnumerable<ApprovedFollow> ListAsync(string accountId, [EnumeratorCancellation] CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.ApprovedFollows, ct);
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {accountId}"), cancellationToken: ct))
        {
            yield return ToFollow(e);
        }
    }

    private static ApprovedFollow ToFollow(TableEntity e) => new(
        e.GetString("Handle") ?? e.RowKey,
        e.GetString("Category") ?? "",
        e.GetString("Note"),
        e.GetString("AddedBy") ?? "",
        e.GetDateTimeOffset("AddedAt") ?? DateTimeOffset.MinValue);
}
