using Azure;
using Azure.Data.Tables;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Infrastructure.Storage;

namespace SchoolTwitter.Infrastructure.Audit;

/// <summary>
/// Table AuditLog, append-only: PartitionKey = subject, RowKey = time-ordered key + guid, always AddEntity (an insert that
/// fails on conflict), never Upsert or Update, so an entry can never be rewritten by this code.
/// </summary>
public sealed class TableAuditLog : IAuditLog
{
    // A table string property holds at most 32K UTF-16 characters.
    private const int MaxDetailLength = 30_000;

    private readonly TableClient _table;
    private readonly AsyncOnce<bool> _created;

    public TableAuditLog(StorageClients storage)
    {
        _table = storage.Tables.GetTableClient(TableNames.AuditLog);
        _created = new AsyncOnce<bool>(async () => { await _table.CreateIfNotExistsAsync(); return true; });
    }

    public async Task AppendAsync(AuditEntry entry, CancellationToken ct)
    {
        await _created.GetAsync();
        var entity = new TableEntity(TableKeys.Escape(entry.Subject), TableKeys.Chronological(entry.At))
        {
            ["At"] = entry.At,
            ["Actor"] = entry.Actor,
            ["Action"] = entry.Action,
            ["Subject"] = entry.Subject,
            ["Outcome"] = entry.Outcome,
            ["Detail"] = entry.Detail is { Length: > MaxDetailLength } d ? d[..MaxDetailLength] + "…" : entry.Detail,
        };
        await _table.AddEntityAsync(entity, ct);
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string subject, CancellationToken ct)
    {
        await _created.GetAsync();
        var entries = new List<AuditEntry>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(subject)}");
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            entries.Add(ToEntry(e, subject));
        }

        // RowKeys already sort by time within the partition; keep the order explicit.
        return entries.OrderBy(e => e.At).ToList();
    }

    public async IAsyncEnumerable<AuditEntry> ReadBetweenAsync(DateTimeOffset from, DateTimeOffset to,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await _created.GetAsync();
        // A scan filtered by the table service: a school writes a few thousand entries a year.
        var filter = TableClient.CreateQueryFilter($"At ge {from.UtcDateTime} and At lt {to.UtcDateTime}");
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            yield return ToEntry(e, e.PartitionKey);
        }
    }

    private static AuditEntry ToEntry(TableEntity e, string subject) => new(
        e.GetDateTimeOffset("At") ?? e.Timestamp ?? DateTimeOffset.MinValue,
        e.GetString("Actor") ?? string.Empty,
        e.GetString("Action") ?? string.Empty,
        e.GetString("Subject") ?? subject,
        e.GetString("Outcome") ?? string.Empty,
        e.GetString("Detail"));
}
