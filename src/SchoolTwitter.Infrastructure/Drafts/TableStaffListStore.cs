using Azure.Data.Tables;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Core.Roster;

namespace SchoolTwitter.Infrastructure.Drafts;

/// <summary>The staff and governors list beside the roster in table <c>Pupils</c> (its own pointer row), replaced whole.</summary>
public sealed class TableStaffListStore(TableServiceClient service, TimeProvider time) : IStaffListStore
{
    private readonly TableSnapshot _snapshot = new(service.GetTableClient(TableNames.Pupils), "staff", time);

    public async Task<StaffList> GetAsync(CancellationToken ct)
    {
        var rows = await _snapshot.ReadAsync(ct);
        return rows.Count == 0 ? StaffList.Empty : new StaffList(rows.Select(row =>
            new StaffMember(row.GetString("Title") ?? "", row.GetString("FirstName") ?? "", row.GetString("LastName"), row.GetString("Role") ?? "")));
    }

    public Task ReplaceAsync(StaffList staff, CancellationToken ct) =>
        _snapshot.ReplaceAsync(partition => staff.Members.Select((m, i) => new TableEntity(partition, i.ToString("D6"))
        {
            ["Title"] = m.Title,
            ["FirstName"] = m.FirstName,
            ["LastName"] = m.LastName,
            ["Role"] = m.Role,
        }), staff.Members.Count, ct);
}
