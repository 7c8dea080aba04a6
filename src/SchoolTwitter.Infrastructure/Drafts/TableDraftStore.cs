using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Core.CodeOfConduct;

namespace SchoolTwitter.Infrastructure.Drafts;

/// <summary>
/// Drafts in table <c>Drafts</c>: one partition per draft (row "draft"), updates conditional on the ETag.
/// Resubmission keys (client id, content hash) are rows of their own, claimed with insert-if-absent. A row holds at most
/// 1 MiB, so what is stored is capped (<see cref="StoredVerdict"/>, <see cref="MaxFailureReasonChars"/>) and the record
/// handed back is the one stored.
/// </summary>
public sealed class TableDraftStore(TableServiceClient service) : IDraftStore
{
    private const string DraftRow = "draft";
    private const string KeyRow = "key";

    /// <summary>A failure reason can quote X's answer; it keeps its first 4,000 characters.</summary>
    public const int MaxFailureReasonChars = 4_000;

    // Relaxed escaping: the JSON is only ever read back by this store, and "“" stays one character instead of six.
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly TableClient _table = service.GetTableClient(TableNames.Drafts);
    private readonly StorageInitialiser _init = new();

    public async Task<DraftRecord> CreateAsync(DraftRecord draft, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var stored = Storable(draft);
        var response = await _table.AddEntityAsync(ToEntity(stored), ct);
        return stored with { Version = response.Headers.ETag?.ToString() };
    }

    public async Task<DraftRecord?> GetAsync(string id, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(id, DraftRow, cancellationToken: ct);
        return found.HasValue ? FromEntity(found.Value!) : null;
    }

    public async Task<DraftRecord?> TryReplaceAsync(DraftRecord next, CancellationToken ct)
    {
        if (next.Version is null) throw new ArgumentException("A replacement must name the version it replaces.", nameof(next));
        await EnsureTableAsync(ct);
        var stored = Storable(next);
        try
        {
            var response = await _table.UpdateEntityAsync(ToEntity(stored), new ETag(next.Version), TableUpdateMode.Replace, ct);
            return stored with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string id, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        try
        {
            await _table.DeleteEntityAsync(id, DraftRow, ETag.All, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }

    public async IAsyncEnumerable<DraftRecord> ListAsync(DraftStatus status, [EnumeratorCancellation] CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var filter = TableClient.CreateQueryFilter($"RowKey eq {DraftRow} and Status eq {status.ToWire()}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            yield return FromEntity(row);
        }
    }

    public async Task<string> ClaimKeyAsync(string key, string draftId, DateTimeOffset now, TimeSpan? window, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var partition = KeyPartition(key);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var claim = new TableEntity(partition, KeyRow) { ["DraftId"] = draftId, ["ClaimedAt"] = now };
            try
            {
                await _table.AddEntityAsync(claim, ct);
                return draftId;
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
            }

            var existing = await _table.GetEntityIfExistsAsync<TableEntity>(partition, KeyRow, cancellationToken: ct);
            if (!existing.HasValue) continue;
            var holder = existing.Value!;
            if (IsCurrent(holder, now, window)) return holder.GetString("DraftId");
            try
            {
                // The holder's window has passed: the key now belongs to the new draft.
                await _table.UpdateEntityAsync(claim, holder.ETag, TableUpdateMode.Replace, ct);
                return draftId;
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404)
            {
            }
        }
        throw new InvalidOperationException("A resubmission key kept changing while it was being claimed.");
    }

    public async Task<string?> FindByKeyAsync(string key, DateTimeOffset now, TimeSpan? window, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var existing = await _table.GetEntityIfExistsAsync<TableEntity>(KeyPartition(key), KeyRow, cancellationToken: ct);
        return existing.HasValue && IsCurrent(existing.Value!, now, window) ? existing.Value!.GetString("DraftId") : null;
    }

    private static bool IsCurrent(TableEntity holder, DateTimeOffset now, TimeSpan? window) =>
        window is null || holder.GetDateTimeOffset("ClaimedAt") is { } at && now - at < window.Value;

    /// <summary>Keys are caller text (any characters): hashed so they are valid, fixed-length partition keys.</summary>
    private static string KeyPartition(string key) => "key-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private Task EnsureTableAsync(CancellationToken ct) => _init.RunOnceAsync(() => _table.CreateIfNotExistsAsync(ct));

    /// <summary>The draft as a row can hold it: the verdict's findings and the failure reason capped, everything else as it is.</summary>
    private static DraftRecord Storable(DraftRecord d) => d with
    {
        Verdict = d.Verdict is null ? null : StoredVerdict.Fit(d.Verdict, Json),
        FailureReason = d.FailureReason is { Length: > MaxFailureReasonChars } reason ? reason[..(MaxFailureReasonChars - 1)] + "…" : d.FailureReason,
    };

    private static TableEntity ToEntity(DraftRecord d)
    {
        var e = new TableEntity(d.Id, DraftRow)
        {
            ["Status"] = d.Status.ToWire(),
            ["SubmittedBy"] = d.SubmittedBy,
            ["ContentHash"] = d.ContentHash,
            ["SubmittedAt"] = d.SubmittedAt,
            ["UpdatedAt"] = d.UpdatedAt,
        };
        Set(e, "ClientId", d.ClientId);
        Set(e, "SubmittedByObjectId", d.SubmittedByObjectId);
        TableEntityText.Write(e, "Text", d.Text);
        TableEntityText.Write(e, "Images", JsonSerializer.Serialize(d.Images, Json));
        Set(e, "InReplyToTweetId", d.InReplyToTweetId);
        Set(e, "ScheduledFor", d.ScheduledFor);
        if (d.Verdict is not null) TableEntityText.Write(e, "Verdict", JsonSerializer.Serialize(d.Verdict, Json));
        Set(e, "CheckedHash", d.CheckedHash);
        Set(e, "ApprovedBy", d.ApprovedBy);
        Set(e, "ApprovedAt", d.ApprovedAt);
        Set(e, "ClaimedAt", d.ClaimedAt);
        Set(e, "TweetId", d.TweetId);
        Set(e, "TweetUrl", d.TweetUrl);
        if (d.FailureReason is not null) TableEntityText.Write(e, "FailureReason", d.FailureReason);
        Set(e, "SltAlertedAt", d.SltAlertedAt);
        Set(e, "PublishQueuedAt", d.PublishQueuedAt);
        Set(e, "ApprovalRequestedAt", d.ApprovalRequestedAt);
        return e;
    }

    private static void Set(TableEntity e, string name, object? value)
    {
        if (value is not null) e[name] = value;
    }

    private static DraftRecord FromEntity(TableEntity e) => new()
    {
        Id = e.PartitionKey,
        ClientId = e.GetString("ClientId"),
        Text = TableEntityText.Read(e, "Text") ?? "",
        SubmittedBy = e.GetString("SubmittedBy"),
        SubmittedByObjectId = e.GetString("SubmittedByObjectId"),
        Images = JsonSerializer.Deserialize<List<DraftImageRecord>>(TableEntityText.Read(e, "Images") ?? "[]", Json) ?? [],
        InReplyToTweetId = e.GetString("InReplyToTweetId"),
        ScheduledFor = e.GetDateTimeOffset("ScheduledFor"),
        ContentHash = e.GetString("ContentHash"),
        Status = DraftStatusNames.FromWire(e.GetString("Status")),
        SubmittedAt = e.GetDateTimeOffset("SubmittedAt") ?? DateTimeOffset.MinValue,
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
        Verdict = TableEntityText.Read(e, "Verdict") is { } verdict ? JsonSerializer.Deserialize<Verdict>(verdict, Json) : null,
        CheckedHash = e.GetString("CheckedHash"),
        ApprovedBy = e.GetString("ApprovedBy"),
        ApprovedAt = e.GetDateTimeOffset("ApprovedAt"),
        ClaimedAt = e.GetDateTimeOffset("ClaimedAt"),
        TweetId = e.GetString("TweetId"),
        TweetUrl = e.GetString("TweetUrl"),
        FailureReason = TableEntityText.Read(e, "FailureReason"),
        SltAlertedAt = e.GetDateTimeOffset("SltAlertedAt"),
        PublishQueuedAt = e.GetDateTimeOffset("PublishQueuedAt"),
        ApprovalRequestedAt = e.GetDateTimeOffset("ApprovalRequestedAt"),
        Version = e.ETag.ToString(),
    };
}

/// <summary>Runs a create-if-not-exists once per process; a failed attempt is retried by the next caller.</summary>
internal sealed class StorageInitialiser
{
    private Task? _done;
    private readonly Lock _gate = new();

    public Task RunOnceAsync(Func<Task> create)
    {
        lock (_gate)
        {
            if (_done is null || _done.IsFaulted || _done.IsCanceled)
            {
                _done = create();
            }
            return _done;
        }
    }
}
