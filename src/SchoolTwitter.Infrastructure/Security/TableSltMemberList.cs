using Azure;
using Azure.Data.Tables;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Infrastructure.Storage;

namespace SchoolTwitter.Infrastructure.Security;

/// <summary>Table SltMembers: PartitionKey "slt", RowKey = normalised e-mail.</summary>
public sealed class TableSltMemberList : ISltMemberList
{
    public const string Partition = "slt";

    private readonly TableClient _table;
    private readonly AsyncOnce<bool> _created;
    private readonly TimeProvider _time;

    public TableSltMemberList(TableServiceClient tables, TimeProvider time)
    {
        _time = time;
        _table = tables.GetTableClient(TableNames.SltMembers);
        _created = new AsyncOnce<bool>(async () => { await _table.CreateIfNotExistsAsync(); return true; });
    }

    public async Task<bool> IsMemberAsync(string email, CancellationToken ct)
    {
        if (SltEmail.Normalise(email) is not { } key)
        {
            return false;
        }

        await _created.GetAsync();
        var entity = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeys.Escape(key), ["Email"], ct);
        return entity.HasValue;
    }

    public async Task AddAsync(string email, string? name, string addedBy, CancellationToken ct)
    {
        var key = SltEmail.Normalise(email) ?? throw new ArgumentException("Not a valid e-mail address.", nameof(email));
        await _created.GetAsync();
        await _table.UpsertEntityAsync(new TableEntity(Partition, TableKeys.Escape(key))
        {
            ["Email"] = key,
            ["Name"] = name,
            ["AddedBy"] = addedBy,
            ["AddedAt"] = _time.GetUtcNow(),
        }, TableUpdateMode.Replace, ct);
    }

    public async Task RemoveAsync(string email, CancellationToken ct)
    {
        if (SltEmail.Normalise(email) is not { } key)
        {
            return;
        }

        await _created.GetAsync();
        await _table.DeleteEntityAsync(Partition, TableKeys.Escape(key), ETag.All, ct);
    }

    public async Task<IReadOnlyList<SltMember>> ListAsync(CancellationToken ct)
    {
        await _created.GetAsync();
        var list = new List<SltMember>();
        await foreach (var e in _table.QueryAsync<TableEntity>(x => x.PartitionKey == Partition, cancellationToken: ct))
        {
            list.Add(new SltMember(e.GetString("Email") ?? e.RowKey, e.GetString("Name"), e.GetDateTimeOffset("AddedAt"), e.GetString("AddedBy")));
        }

        return list;
    }
}
