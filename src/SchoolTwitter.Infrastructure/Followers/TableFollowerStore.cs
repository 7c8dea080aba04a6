using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Followers;
using SchoolTwitter.Core.Followers;

namespace SchoolTwitter.Infrastructure.Followers;

/// <summary>Known followers in Azure Table "Followers": PartitionKey = school account id, RowKey = follower id.</summary>
public sealed class TableFollowerStore(FollowerTables tables) : IFollowerStore
{
    public async Task<IReadOnlyDictionary<string, FollowerRecord>> FindAsync(string accountId, IReadOnlyCollection<string> followerIds, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.Followers, ct);
        var lookups = followerIds.Distinct().Select(id => table.GetEntityIfExistsAsync<TableEntity>(accountId, id, cancellationToken: ct));
        var found = await Task.WhenAll(lookups);
        return found.Where(r => r.HasValue).Select(r => ToRecord(r.Value!)).ToDictionary(r => r.FollowerId);
    }

    public async Task SaveAsync(string accountId, IReadOnlyList<FollowerRecord> records, CancellationToken ct)
    {
        if (records.Count == 0) return;
        var table = await tables.GetAsync(TableNames.Followers, ct);
        await FollowerTables.SubmitInBatchesAsync(table, records.Select(r => ToEntity(accountId, r)), TableTransactionActionType.UpsertReplace, ct);
    }

    public async Task MarkSeenAsync(string accountId, string passId, IReadOnlyList<FollowerProfile> page, CancellationToken ct)
    {
        if (page.Count == 0) return;
        var table = await tables.GetAsync(TableNames.Followers, ct);
        var entities = page.Select(p =>
        {
            var e = ProfileEntity(accountId, p);
            e["Following"] = true;
            e["LastSeenPass"] = passId;
            return e;
        });
        await FollowerTables.SubmitInBatchesAsync(table, entities, TableTransactionActionType.UpsertMerge, ct);
    }

    public async IAsyncEnumerable<FollowerRecord> ListAsync(string accountId, [EnumeratorCancellation] CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.Followers, ct);
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {accountId}"), maxPerPage: 1000, cancellationToken: ct))
        {
            yield return ToRecord(entity);
        }
    }

    private static TableEntity ProfileEntity(string accountId, FollowerProfile p)
    {
        var e = new TableEntity(accountId, p.Id)
        {
            ["Handle"] = p.Handle,
            ["Name"] = p.Name,
            ["FollowersCount"] = p.FollowersCount,
            ["FollowingCount"] = p.FollowingCount,
            ["PostCount"] = p.PostCount,
            ["DefaultAvatar"] = p.DefaultAvatar,
        };
        SetIfNotNull(e, "Bio", p.Bio);
        SetIfNotNull(e, "Url", p.Url);
        SetIfNotNull(e, "Location", p.Location);
        if (p.CreatedAt is { } created) e["AccountCreatedAt"] = created;
        return e;
    }

    private static TableEntity ToEntity(string accountId, FollowerRecord r)
    {
        var e = ProfileEntity(accountId, r.Profile);
        e["Following"] = r.Following;
        if (r.FirstSeenAt is { } first) e["FirstSeenAt"] = first;
        SetIfNotNull(e, "AddedInRun", r.AddedInRun);
        SetIfNotNull(e, "LastSeenPass", r.LastSeenPass);
        if (r.UnfollowedAt is { } unfollowed) e["UnfollowedAt"] = unfollowed;
        if (r.Suggestion is { } suggestion) e["Suggestion"] = suggestion.ToString();
        return e;
    }

    private static FollowerRecord ToRecord(TableEntity e) => new(
        new FollowerProfile(
            e.RowKey,
            e.GetString("Handle") ?? "",
            e.GetString("Name") ?? "",
            e.GetString("Bio"),
            e.GetString("Url"),
            e.GetString("Location"),
            e.GetDateTimeOffset("AccountCreatedAt"),
            e.GetInt32("FollowersCount") ?? 0,
            e.GetInt32("FollowingCount") ?? 0,
            e.GetInt32("PostCount") ?? 0,
            e.GetBoolean("DefaultAvatar") ?? false),
        e.GetBoolean("Following") ?? false,
        e.GetDateTimeOffset("FirstSeenAt"),
        e.GetString("AddedInRun"),
        e.GetString("LastSeenPass"),
        e.GetDateTimeOffset("UnfollowedAt"),
        Enum.TryParse<FollowerSuggestion>(e.GetString("Suggestion"), out var s) ? s : null);

    internal static void SetIfNotNull(TableEntity e, string key, string? value)
    {
        if (value is not null) e[key] = value;
    }
}
