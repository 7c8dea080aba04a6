using Azure.Data.Tables;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Core.Roster;

namespace SchoolTwitter.Infrastructure.Drafts;

/// <summary>The roster in table <c>Pupils</c>, replaced whole (see <see cref="TableSnapshot"/>): readers never see a mixture.</summary>
public sealed class TablePupilRosterStore(TableServiceClient service, TimeProvider time) : IPupilRosterStore
{
    /// <summary>How long a superseded upload is kept for readers still on it.</summary>
    public static TimeSpan RetiredGrace => TableSnapshot.RetiredGrace;

    private readonly TableSnapshot _snapshot = new(service.GetTableClient(TableNames.Pupils), "roster", time);

    public async Task<PupilRoster> GetAsync(CancellationToken ct)
    {
        var rows = await _snapshot.ReadAsync(ct);
        return rows.Count == 0 ? PupilRoster.Empty : new PupilRoster(rows.Select(row =>
            new Pupil(row.GetString("PupilId"), row.GetString("FirstName"), row.GetString("LastName"), row.GetBoolean("PhotoConsent") ?? false)));
    }

    public Task ReplaceAsync(PupilRoster roster, CancellationToken ct) =>
        _snapshot.ReplaceAsync(partition => roster.Pupils.Select((p, i) => new TableEntity(partition, i.ToString("D6"))
        {
            ["PupilId"] = p.Id,
            ["FirstName"] = p.FirstName,
            ["LastName"] = p.LastName,
            ["PhotoConsent"] = p.PhotoConsent,
        }), roster.Pupils.Count, ct);
}
