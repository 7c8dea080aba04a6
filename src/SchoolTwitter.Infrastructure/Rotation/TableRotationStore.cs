using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Rotation;
using SchoolTwitter.Core.Rotation;

namespace SchoolTwitter.Infrastructure.Rotation;

/// <summary>
/// Terms and rotation cycles in Azure Tables, partitioned by the school's X account id. The rotation state is a single row
/// (<c>state</c>) replaced only with the ETag it was read with; each cycle also has a row of its own (<c>cycle-…</c>) for the record.
/// </summary>
public sealed class TableRotationStore(TableServiceClient tables, IOptions<RotationOptions> options) : IRotationStore
{
    private const string StateRow = "state";
    private const string CyclePrefix = "cycle-";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly TableClient _terms = tables.GetTableClient(TableNames.Terms);
    private readonly TableClient _cycles = tables.GetTableClient(TableNames.RotationCycles);
    private Task? _created;

    private string Partition => options.Value.AccountId is { Length: > 0 } id ? id : "school";

    public async Task<IReadOnlyList<Term>> GetTermsAsync(CancellationToken ct)
    {
        await EnsureTablesAsync(ct);
        var terms = new List<Term>();
        await foreach (var e in _terms.QueryAsync<TableEntity>(x => x.PartitionKey == Partition, cancellationToken: ct))
        {
            terms.Add(new Term(Enum.Parse<TermName>(e.GetString("Name")), ParseDate(e.GetString("Start")), ParseDate(e.GetString("End"))));
        }

        return terms.OrderBy(t => t.Start).ToList();
    }

    public async Task SaveTermsAsync(IReadOnlyList<Term> terms, CancellationToken ct)
    {
        await EnsureTablesAsync(ct);
        // Ids are fixed per academic year and term, so an upsert replaces the same years' dates; one batch keeps it all-or-nothing.
        var actions = terms.Select(t => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(Partition, t.Id)
        {
            ["Name"] = t.Name.ToString(),
            ["AcademicYear"] = t.AcademicYear,
            ["Start"] = t.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["End"] = t.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        })).ToList();
        foreach (var chunk in actions.Chunk(100)) await _terms.SubmitTransactionAsync(chunk, ct);
    }

    public async Task<(RotationState State, string? ETag)> GetStateAsync(CancellationToken ct)
    {
        await EnsureTablesAsync(ct);
        var response = await _cycles.GetEntityIfExistsAsync<TableEntity>(Partition, StateRow, cancellationToken: ct);
        if (!response.HasValue || response.Value is null) return (new RotationState(), null);
        var state = JsonSerializer.Deserialize<RotationState>(response.Value.GetString("Json"), Json) ?? new RotationState();
        return (state, response.Value.ETag.ToString());
    }

    public async Task<string> SaveStateAsync(RotationState state, string? etag, CancellationToken ct)
    {
        await EnsureTablesAsync(ct);
        var entity = new TableEntity(Partition, StateRow)
        {
            ["Json"] = JsonSerializer.Serialize(state, Json),
            // Readable columns for whoever opens the table in Storage Explorer.
            ["OpenCycleId"] = state.OpenCycle?.Id,
            ["ClaimedBy"] = state.Claim?.By,
            ["LastRotatedAt"] = state.LastRotation?.At,
            ["LastRotatedBy"] = state.LastRotation?.By,
        };
        try
        {
            var response = etag is null
                ? await _cycles.AddEntityAsync(entity, ct)
                : await _cycles.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, ct);
            return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table storage returned no ETag.");
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw new RotationConflictException("The rotation state was changed by someone else first.");
        }
    }

    public async Task RecordCycleAsync(RotationCycle cycle, CancellationToken ct)
    {
        await EnsureTablesAsync(ct);
        await _cycles.UpsertEntityAsync(new TableEntity(Partition, CyclePrefix + cycle.Id)
        {
            ["Json"] = JsonSerializer.Serialize(cycle, Json),
            ["Kind"] = cycle.Kind.ToString(),
            ["Status"] = cycle.Status.ToString(),
            ["OpenedOn"] = cycle.OpenedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["CompletedBy"] = cycle.CompletedBy,
        }, TableUpdateMode.Replace, ct);
    }

    public async Task<IReadOnlyList<RotationCycle>> GetCyclesAsync(CancellationToken ct)
    {
        await EnsureTablesAsync(ct);
        var cycles = new List<RotationCycle>();
        var from = CyclePrefix;
        var to = CyclePrefix[..^1] + (char)(CyclePrefix[^1] + 1);
        await foreach (var e in _cycles.QueryAsync<TableEntity>(x => x.PartitionKey == Partition && x.RowKey.CompareTo(from) >= 0 && x.RowKey.CompareTo(to) < 0, cancellationToken: ct))
        {
            if (JsonSerializer.Deserialize<RotationCycle>(e.GetString("Json"), Json) is { } cycle) cycles.Add(cycle);
        }

        return cycles.OrderByDescending(c => c.OpenedOn).ToList();
    }

    private static DateOnly ParseDate(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task EnsureTablesAsync(CancellationToken ct)
    {
        var created = _created ??= CreateAsync();
        try
        {
            await created.WaitAsync(ct);
        }
        catch (RequestFailedException)
        {
            _created = null; // a transient failure is tried again by the next call
            throw;
        }
    }

    private async Task CreateAsync()
    {
        await _terms.CreateIfNotExistsAsync();
        await _cycles.CreateIfNotExistsAsync();
    }
}
