using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Protection;
using SchoolTwitter.Infrastructure.Storage;

namespace SchoolTwitter.Infrastructure.Protection;

/// <summary>
/// Protection cases in table <c>ProtectionCases</c>: one partition per case, row "case" (replaced on its ETag) and one row per post
/// of the take-down plan ("post-{tweet id}"), written in one batch with the case so a stored case always has its whole plan.
/// </summary>
public sealed class TableProtectionCaseStore : IProtectionCaseStore
{
    private const string CaseRow = "case";
    private const string ItemPrefix = "post-";

    /// <summary>Table batches hold at most 100 operations.</summary>
    private const int BatchSize = 100;

    private readonly TableClient _table;
    private readonly AsyncOnce<bool> _created;

    public TableProtectionCaseStore(TableServiceClient service)
    {
        _table = service.GetTableClient(TableNames.ProtectionCases);
        _created = new AsyncOnce<bool>(async () => { await _table.CreateIfNotExistsAsync(); return true; });
    }

    public async Task<ProtectionCase> CreateAsync(ProtectionCase protectionCase, IReadOnlyList<TakeDownItem> plan, CancellationToken ct)
    {
        await _created.GetAsync();
        // The plan first, the case row last: a reader that finds the case finds every post of its plan.
        foreach (var chunk in plan.Select(i => ItemEntity(protectionCase.Id, i)).Chunk(BatchSize))
        {
            await _table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), ct);
        }
        var response = await _table.AddEntityAsync(CaseEntity(protectionCase), ct);
        return protectionCase with { Version = response.Headers.ETag?.ToString() };
    }

    public async Task<ProtectionCase?> GetAsync(string id, CancellationToken ct)
    {
        await _created.GetAsync();
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(id), CaseRow, cancellationToken: ct);
        return found.HasValue ? ReadCase(found.Value!) : null;
    }

    public async Task<IReadOnlyList<ProtectionCase>> ListAsync(CancellationToken ct)
    {
        await _created.GetAsync();
        var found = new List<ProtectionCase>();
        await foreach (var e in _table.QueryAsync<TableEntity>(e => e.RowKey == CaseRow, cancellationToken: ct)) found.Add(ReadCase(e));
        return [.. found.OrderByDescending(c => c.OpenedAt)];
    }

    public async Task<IReadOnlyList<TakeDownItem>> GetPlanAsync(string id, CancellationToken ct)
    {
        await _created.GetAsync();
        var items = new List<TakeDownItem>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(id)} and RowKey ge {ItemPrefix} and RowKey lt {"post."}");
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            items.Add(new TakeDownItem(
                e.GetString("TweetId") ?? e.RowKey[ItemPrefix.Length..],
                e.GetString("Reason") ?? "pictured",
                e.GetDateTimeOffset("PostedAt") ?? DateTimeOffset.MinValue,
                Enum.TryParse<TakeDownState>(e.GetString("State"), out var state) ? state : TakeDownState.Pending,
                e.GetInt32("Attempts") ?? 0,
                e.GetString("Detail"),
                e.GetDateTimeOffset("DoneAt")));
        }
        return [.. items.OrderBy(i => i.PostedAt)];
    }

    public async Task<ProtectionCase?> TryReplaceAsync(ProtectionCase next, CancellationToken ct)
    {
        if (next.Version is null) throw new ArgumentException("A replacement must name the version it replaces.", nameof(next));
        await _created.GetAsync();
        try
        {
            var response = await _table.UpdateEntityAsync(CaseEntity(next), new ETag(next.Version), TableUpdateMode.Replace, ct);
            return next with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return null;
        }
    }

    public async Task PutItemAsync(string id, TakeDownItem item, CancellationToken ct)
    {
        await _created.GetAsync();
        await _table.UpsertEntityAsync(ItemEntity(id, item), TableUpdateMode.Replace, ct);
    }

    private static TableEntity CaseEntity(ProtectionCase c) => new(TableKeys.Escape(c.Id), CaseRow)
    {
        ["CaseId"] = c.Id,
        ["PupilId"] = c.PupilId,
        ["PupilInitials"] = c.PupilInitials,
        ["Trigger"] = c.Trigger.ToString(),
        ["OpenedBy"] = c.OpenedBy,
        ["OpenedAt"] = c.OpenedAt,
        ["Status"] = c.Status.ToString(),
        ["BlockedDraftIds"] = JsonSerializer.Serialize(c.BlockedDraftIds),
        ["ConfirmedBy"] = c.ConfirmedBy,
        ["ConfirmedAt"] = c.ConfirmedAt,
        ["CompletedAt"] = c.CompletedAt,
        ["RunHeldUntil"] = c.RunHeldUntil,
        ["PausedUntil"] = c.PausedUntil,
        ["AlertPendingSince"] = c.AlertPendingSince,
    };

    private static ProtectionCase ReadCase(TableEntity e) => new()
    {
        Id = e.GetString("CaseId") ?? e.PartitionKey,
        PupilId = e.GetString("PupilId") ?? "",
        PupilInitials = e.GetString("PupilInitials") ?? "",
        Trigger = Enum.Parse<ProtectionTrigger>(e.GetString("Trigger") ?? nameof(ProtectionTrigger.MustNotBeSeen)),
        OpenedBy = e.GetString("OpenedBy") ?? "",
        OpenedAt = e.GetDateTimeOffset("OpenedAt") ?? DateTimeOffset.MinValue,
        Status = Enum.Parse<ProtectionCaseStatus>(e.GetString("Status") ?? nameof(ProtectionCaseStatus.AwaitingConfirmation)),
        BlockedDraftIds = e.GetString("BlockedDraftIds") is { Length: > 0 } json ? JsonSerializer.Deserialize<string[]>(json) ?? [] : [],
        ConfirmedBy = e.GetString("ConfirmedBy"),
        ConfirmedAt = e.GetDateTimeOffset("ConfirmedAt"),
        CompletedAt = e.GetDateTimeOffset("CompletedAt"),
        RunHeldUntil = e.GetDateTimeOffset("RunHeldUntil"),
        PausedUntil = e.GetDateTimeOffset("PausedUntil"),
        AlertPendingSince = e.GetDateTimeOffset("AlertPendingSince"),
        Version = e.ETag.ToString(),
    };

    private static TableEntity ItemEntity(string caseId, TakeDownItem i) => new(TableKeys.Escape(caseId), ItemPrefix + TableKeys.Escape(i.TweetId))
    {
        ["TweetId"] = i.TweetId,
        ["Reason"] = i.Reason,
        ["PostedAt"] = i.PostedAt,
        ["State"] = i.State.ToString(),
        ["Attempts"] = i.Attempts,
        ["Detail"] = i.Detail is { Length: > 4000 } d ? d[..4000] : i.Detail,
        ["DoneAt"] = i.DoneAt,
    };
}
