using Azure;
using Azure.Data.Tables;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Infrastructure.Storage;

namespace SchoolTwitter.Infrastructure.Security;

/// <summary>Table SltMembers: PartitionKey "slt", RowKey = normalised e-mail; ObjectId = the member's Entra object id when known.</summary>
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

    public async Task<SltMember?> FindAsync(string email, CancellationToken ct)
    {
        if (SltEmail.Normalise(email) is not { } key)
        {
            return null;
        }

        await _created.GetAsync();
        var entity = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeys.Escape(key), cancellationToken: ct);
        return entity.HasValue ? ToMember(entity.Value!) : null;
    }

    public async Task<SltMember?> FindByObjectIdAsync(string objectId, CancellationToken ct)
    {
        if (SltObjectId.Normalise(objectId) is not { } id)
        {
            return null;
        }

        // A school's SLT is a handful of people: one partition, filtered by the table service.
        await _created.GetAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and ObjectId eq {id}");
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            return ToMember(e);
        }

        return null;
    }

    public async Task AddAsync(string email, string? name, string addedBy, CancellationToken ct, string? objectId = null)
    {
        var key = SltEmail.Normalise(email) ?? throw new ArgumentException("Not a valid e-mail address.", nameof(email));
        var existing = await FindAsync(key, ct);
        var keptObjectId = SltObjectId.Normalise(objectId) ?? existing?.ObjectId;
        await _created.GetAsync();
        var entity = new TableEntity(Partition, TableKeys.Escape(key))
        {
            ["Email"] = key,
            ["Name"] = name,
            ["AddedBy"] = addedBy,
            ["AddedAt"] = _time.GetUtcNow(),
        };
        if (keptObjectId is not null)
        {
            entity["ObjectId"] = keptObjectId;
        }
        if (existing?.AgreementSignedOn is { } signed)
        {
            // Renaming a member does not undo the agreement they signed.
            entity[AgreementColumn] = signed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
    }

    public async Task SetObjectIdAsync(string email, string objectId, CancellationToken ct)
    {
        var key = SltEmail.Normalise(email) ?? throw new ArgumentException("Not a valid e-mail address.", nameof(email));
        var id = SltObjectId.Normalise(objectId) ?? throw new ArgumentException("Not an Entra object id.", nameof(objectId));
        await _created.GetAsync();
        try
        {
            // Merge with If-Match *: updates a member still on the list, never re-creates one removed meanwhile.
            await _table.UpdateEntityAsync(new TableEntity(Partition, TableKeys.Escape(key)) { ["ObjectId"] = id }, ETag.All, TableUpdateMode.Merge, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Removed between the read and this write: nothing to link.
        }
    }

    public async Task<bool> SetAgreementAsync(string email, DateOnly? signedOn, CancellationToken ct)
    {
        if (SltEmail.Normalise(email) is not { } key) return false;
        await _created.GetAsync();
        var value = signedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            // Merge with If-Match *: only a member still on the list; a null value clears the column.
            await _table.UpdateEntityAsync(new TableEntity(Partition, TableKeys.Escape(key)) { [AgreementColumn] = value ?? string.Empty }, ETag.All, TableUpdateMode.Merge, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
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
            list.Add(ToMember(e));
        }

        return list;
    }

    private const string AgreementColumn = "AgreementSignedOn";

    private static SltMember ToMember(TableEntity e) =>
        new(e.GetString("Email") ?? e.RowKey, e.GetString("Name"), e.GetDateTimeOffset("AddedAt"), e.GetString("AddedBy"), e.GetString("ObjectId"),
            DateOnly.TryParseExact(e.GetString(AgreementColumn), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var signed) ? signed : null);
}
