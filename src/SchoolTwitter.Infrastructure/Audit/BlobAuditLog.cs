using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Infrastructure.Storage;

namespace SchoolTwitter.Infrastructure.Audit;

/// <summary>
/// The audit log in blob container <c>audit-log</c>: one append blob of JSON lines per UTC day (<c>2026/09/02.jsonl</c>,
/// then <c>2026/09/02-1.jsonl</c>… should a day fill a blob's 50,000 blocks). Entries are only appended, one block each, so
/// concurrent writers never split a line; the container's time-based immutability policy (protected append writes allowed,
/// infra/modules/storage.bicep) makes the storage service refuse any overwrite or delete, the app's own identity included.
/// Table <c>AuditIndex</c> only notes which days hold entries about a subject, so one draft's history reads those days.
/// </summary>
public sealed class BlobAuditLog : IAuditLog
{
    // One line stays far below an append block's 4 MiB.
    private const int MaxDetailLength = 30_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly BlobContainerClient _container;
    private readonly TableClient _index;
    private readonly AsyncOnce<bool> _created;
    private readonly ConcurrentDictionary<string, int> _segments = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Subject, string Day), byte> _indexed = new();

    public BlobAuditLog(BlobServiceClient blobs, TableServiceClient tables)
    {
        _container = blobs.GetBlobContainerClient(BlobContainerNames.AuditLog);
        _index = tables.GetTableClient(TableNames.AuditIndex);
        _created = new AsyncOnce<bool>(async () =>
        {
            await _container.CreateIfNotExistsAsync();
            await _index.CreateIfNotExistsAsync();
            return true;
        });
    }

    public async Task AppendAsync(AuditEntry entry, CancellationToken ct)
    {
        await _created.GetAsync();
        var day = Day(entry.At);
        // The index first: a crash after it leaves a day with nothing about the subject, never an entry nobody can find.
        if (_indexed.TryAdd((entry.Subject, day), 0))
        {
            try
            {
                await _index.UpsertEntityAsync(new TableEntity(TableKeys.Escape(entry.Subject), day), TableUpdateMode.Merge, ct);
            }
            catch
            {
                _indexed.TryRemove((entry.Subject, day), out _);
                throw;
            }
        }

        var line = BinaryData.FromString(JsonSerializer.Serialize(Capped(entry), Json) + "\n");
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var segment = _segments.GetOrAdd(day, 0);
            var blob = _container.GetAppendBlobClient(BlobName(day, segment));
            try
            {
                await blob.AppendBlockAsync(line.ToStream(), cancellationToken: ct);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // The day's first entry: create its blob (creating a new blob is allowed under the policy).
                await blob.CreateIfNotExistsAsync(cancellationToken: ct);
            }
            catch (RequestFailedException ex) when (ex.ErrorCode == "BlockCountExceedsLimit")
            {
                _segments.TryUpdate(day, segment + 1, segment);
            }
        }
        throw new InvalidOperationException($"The audit entry for {entry.Subject} could not be appended to the log of {day}.");
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string subject, CancellationToken ct)
    {
        await _created.GetAsync();
        var entries = new List<AuditEntry>();
        foreach (var day in await DaysAboutAsync(subject, ct))
        {
            entries.AddRange((await ReadDayAsync(day, ct)).Where(e => string.Equals(e.Subject, subject, StringComparison.Ordinal)));
        }
        return [.. entries.OrderBy(e => e.At)];
    }

    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken ct)
    {
        if (query.Problem() is { } problem) throw new ArgumentException(problem, nameof(query));
        await _created.GetAsync();
        IEnumerable<string> days = DaysBetween(query.From, query.To);
        if (query.Subject is not null) days = days.Intersect(await DaysAboutAsync(query.Subject, ct), StringComparer.Ordinal);

        var entries = new List<AuditEntry>();
        foreach (var day in days)
        {
            entries.AddRange((await ReadDayAsync(day, ct)).Where(query.Matches));
        }
        return [.. entries.OrderBy(e => e.At)];
    }

    private async Task<List<string>> DaysAboutAsync(string subject, CancellationToken ct)
    {
        var days = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(subject)}");
        await foreach (var row in _index.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct))
        {
            days.Add(row.RowKey);
        }
        return days;
    }

    /// <summary>Every entry of one day, in the order appended.</summary>
    private async Task<List<AuditEntry>> ReadDayAsync(string day, CancellationToken ct)
    {
        var entries = new List<AuditEntry>();
        var prefix = BlobName(day, 0)[..^".jsonl".Length];
        var names = new List<string>();
        await foreach (var item in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, ct)) names.Add(item.Name);
        foreach (var name in names.OrderBy(Segment))
        {
            var content = (await _container.GetBlobClient(name).DownloadContentAsync(ct)).Value.Content.ToString();
            foreach (var line in content.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                entries.Add(JsonSerializer.Deserialize<AuditEntry>(line, Json)
                    ?? throw new FormatException($"Audit blob {name} holds a line that is not an entry."));
            }
        }
        return entries;
    }

    private static AuditEntry Capped(AuditEntry entry) =>
        entry.Detail is { Length: > MaxDetailLength } d ? entry with { Detail = d[..MaxDetailLength] + "…" } : entry;

    /// <summary>The UTC day, as an index row key (no slashes: table keys forbid them).</summary>
    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static IEnumerable<string> DaysBetween(DateTimeOffset from, DateTimeOffset to)
    {
        for (var day = from.UtcDateTime.Date; day < to.UtcDateTime; day = day.AddDays(1))
        {
            yield return Day(day);
        }
    }

    private static string BlobName(string day, int segment) =>
        $"{day[..4]}/{day[4..6]}/{day[6..]}{(segment == 0 ? "" : "-" + segment.ToString(CultureInfo.InvariantCulture))}.jsonl";

    private static int Segment(string name)
    {
        var stem = Path.GetFileNameWithoutExtension(name);
        var dash = stem.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? 0 : int.Parse(stem[(dash + 1)..], CultureInfo.InvariantCulture);
    }
}
