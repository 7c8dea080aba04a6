using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Followers;
using SchoolTwitter.Core.Followers;

namespace SchoolTwitter.Infrastructure.Followers;

/// <summary>The review list in Azure Table "FollowerReview": PartitionKey = account id, RowKey = review id.</summary>
public sealed class TableFollowerReviewStore(FollowerTables tables) : IFollowerReviewStore
{
    public async Task<FollowerReviewItem?> GetAsync(string accountId, string id, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.FollowerReview, ct);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(accountId, id, cancellationToken: ct);
        return found.HasValue ? ToItem(found.Value!) : null;
    }

    public async Task<bool> AddIfAbsentAsync(string accountId, FollowerReviewItem item, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.FollowerReview, ct);
        try
        {
            await table.AddEntityAsync(ToEntity(accountId, item), ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task SaveAsync(string accountId, FollowerReviewItem item, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.FollowerReview, ct);
        await table.UpsertEntityAsync(ToEntity(accountId, item), TableUpdateMode.Replace, ct);
    }

    public async IAsyncEnumerable<FollowerReviewItem> ListAsync(string accountId, ReviewStatus status, [EnumeratorCancellation] CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.FollowerReview, ct);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {accountId} and Status eq {status.ToString()}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 500, cancellationToken: ct))
        {
            yield return ToItem(entity);
        }
    }

    private static TableEntity ToEntity(string accountId, FollowerReviewItem i)
    {
        var e = new TableEntity(accountId, i.Id)
        {
            ["Kind"] = i.Kind.ToString(),
            ["UserId"] = i.UserId,
            ["ProfileLink"] = i.ProfileLink,
            ["Suggestion"] = i.Suggestion.ToString(),
            ["ReasonsJson"] = JsonSerializer.Serialize(i.Reasons, FollowerScanState.Json),
            ["FlaggedAt"] = i.FlaggedAt,
            ["Status"] = i.Status.ToString(),
            ["FollowersCount"] = i.FollowersCount,
            ["FollowingCount"] = i.FollowingCount,
            ["ReplyHidden"] = i.ReplyHidden,
            ["Muted"] = i.Muted,
        };
        TableFollowerStore.SetIfNotNull(e, "Handle", i.Handle);
        TableFollowerStore.SetIfNotNull(e, "Name", i.Name);
        TableFollowerStore.SetIfNotNull(e, "PostId", i.PostId);
        TableFollowerStore.SetIfNotNull(e, "PostText", i.PostText);
        TableFollowerStore.SetIfNotNull(e, "PostLink", i.PostLink);
        TableFollowerStore.SetIfNotNull(e, "DecidedBy", i.DecidedBy);
        TableFollowerStore.SetIfNotNull(e, "DecisionReason", i.DecisionReason);
        TableFollowerStore.SetIfNotNull(e, "PictureUrl", i.PictureUrl);
        if (i.DecidedAt is { } decided) e["DecidedAt"] = decided;
        if (i.ConfirmedAt is { } confirmed) e["ConfirmedAt"] = confirmed;
        return e;
    }

    private static FollowerReviewItem ToItem(TableEntity e) => new(
        e.RowKey,
        Enum.Parse<ReviewKind>(e.GetString("Kind") ?? nameof(ReviewKind.Follower)),
        e.GetString("UserId") ?? "",
        e.GetString("Handle"),
        e.GetString("Name"),
        e.GetString("ProfileLink") ?? "",
        Enum.Parse<FollowerSuggestion>(e.GetString("Suggestion") ?? nameof(FollowerSuggestion.Review)),
        JsonSerializer.Deserialize<List<FollowerReason>>(e.GetString("ReasonsJson") ?? "[]", FollowerScanState.Json) ?? [],
        e.GetDateTimeOffset("FlaggedAt") ?? DateTimeOffset.MinValue,
        Enum.Parse<ReviewStatus>(e.GetString("Status") ?? nameof(ReviewStatus.Pending)),
        e.GetInt32("FollowersCount") ?? 0,
        e.GetInt32("FollowingCount") ?? 0,
        e.GetString("PostId"),
        e.GetString("PostText"),
        e.GetString("PostLink"),
        e.GetBoolean("ReplyHidden") ?? false,
        e.GetBoolean("Muted") ?? false,
        e.GetString("DecidedBy"),
        e.GetString("DecisionReason"),
        e.GetDateTimeOffset("DecidedAt"),
        e.GetDateTimeOffset("ConfirmedAt"),
        e.GetString("PictureUrl"));
}
