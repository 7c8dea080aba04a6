using System.Text;
using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Core.Roster;

/// <summary>
/// Reads the MIS export <c>Id,FirstName,LastName,PhotoConsent</c>; malformed rows are reported by line number and nothing is returned.
/// </summary>
/// <remarks>
/// RFC 4180 CSV as spreadsheets and MIS exports write it: optional UTF-8 BOM, CRLF or LF, quoted fields holding commas, doubled
/// quotes and line breaks. The header is required; its column names are matched ignoring case, spaces and underscores
/// ("First Name", "photo_consent"), in any order; extra columns (year group, class) are ignored. PhotoConsent is Y or N
/// (Yes/No also accepted); anything else is an error rather than a guess, because a wrong "yes" puts a pupil's photo online.
/// Any error means no roster: a half-read roster would let a pupil without consent through.
/// Error messages never quote a pupil's name (they reach logs and HTTP responses); they name the line and the column.
/// </remarks>
public static class RosterCsv
{
    /// <summary>Errors reported before giving up listing more (the roster is rejected either way).</summary>
    public const int MaxReportedErrors = 25;

    private static readonly string[] Columns = ["Id", "FirstName", "LastName", "PhotoConsent"];

    public static InputResult<PupilRoster> Parse(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var errors = new List<InputError>();
        var records = CsvRecords.Read(csv, errors);
        if (errors.Count > 0) return InputResult<PupilRoster>.Fail(errors);

        if (records.Count == 0 || records[0].Fields.All(string.IsNullOrWhiteSpace))
        {
            return InputResult<PupilRoster>.Fail(new InputError("line 1",
                "The roster is empty: expected a header line Id,FirstName,LastName,PhotoConsent followed by one line per pupil."));
        }

        var header = records[0];
        var columnIndex = CsvRecords.MapHeader(header, Columns, [], errors, "Id,FirstName,LastName,PhotoConsent");
        if (columnIndex is null) return InputResult<PupilRoster>.Fail(errors);

        var pupils = new List<Pupil>();
        var firstLineOfId = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in records.Skip(1))
        {
            if (errors.Count >= MaxReportedErrors) break;
            if (record.Fields.Count == 1 && string.IsNullOrWhiteSpace(record.Fields[0])) continue; // blank line

            var field = $"line {record.Line}";
            if (record.Fields.Count != header.Fields.Count)
            {
                errors.Add(new InputError(field,
                    $"Line {record.Line} has {record.Fields.Count} fields but the header has {header.Fields.Count}; a name containing a comma must be in double quotes."));
                continue;
            }

            var id = record.Fields[columnIndex[0]].Trim();
            var firstName = record.Fields[columnIndex[1]].Trim();
            var lastName = record.Fields[columnIndex[2]].Trim();
            var consentText = record.Fields[columnIndex[3]].Trim();
            var rowErrors = errors.Count;

            if (id.Length == 0) errors.Add(new InputError(field, $"Line {record.Line} has an empty Id."));
            if (firstName.Length == 0) errors.Add(new InputError(field, $"Line {record.Line} has an empty FirstName."));
            if (lastName.Length == 0) errors.Add(new InputError(field, $"Line {record.Line} has an empty LastName."));
            var consent = ParseConsent(consentText);
            if (consent is null)
            {
                errors.Add(new InputError(field, consentText.Length == 0
                    ? $"Line {record.Line} has an empty PhotoConsent; give Y or N."
                    : $"Line {record.Line} has PhotoConsent “{consentText}”; give Y or N."));
            }
            if (id.Length > 0 && !firstLineOfId.TryAdd(id, record.Line))
            {
                errors.Add(new InputError(field, $"Line {record.Line} repeats Id “{id}” already used on line {firstLineOfId[id]}."));
            }
            if (errors.Count == rowErrors)
            {
                pupils.Add(new Pupil(id, firstName, lastName, consent!.Value));
            }
        }

        if (errors.Count > 0) return InputResult<PupilRoster>.Fail(errors);
        if (pupils.Count == 0)
        {
            return InputResult<PupilRoster>.Fail(new InputError("line 2", "The roster has a header but no pupils."));
        }
        return InputResult<PupilRoster>.Ok(new PupilRoster(pupils));
    }

    /// <summary>Writes pupils in the MIS shape (header, CRLF, fields quoted only where needed) — the inverse of <see cref="Parse"/>.</summary>
    public static string Write(IEnumerable<Pupil> pupils)
    {
        ArgumentNullException.ThrowIfNull(pupils);
        var sb = new StringBuilder("Id,FirstName,LastName,PhotoConsent\r\n");
        foreach (var p in pupils)
        {
            sb.Append(CsvRecords.Quote(p.Id)).Append(',')
              .Append(CsvRecords.Quote(p.FirstName)).Append(',')
              .Append(CsvRecords.Quote(p.LastName)).Append(',')
              .Append(p.PhotoConsent ? 'Y' : 'N').Append("\r\n");
        }
        return sb.ToString();
    }

    private static bool? ParseConsent(string value)
    {
        if (value.Equals("Y", StringComparison.OrdinalIgnoreCase) || value.Equals("Yes", StringComparison.OrdinalIgnoreCase)) return true;
        if (value.Equals("N", StringComparison.OrdinalIgnoreCase) || value.Equals("No", StringComparison.OrdinalIgnoreCase)) return false;
        return null;
    }
}
