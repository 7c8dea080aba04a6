using System.Text;
using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Core.Roster;

/// <summary>
/// Reads the staff and governors list <c>Title,FirstName,LastName,Role</c> (Title and Role optional columns, FirstName may be
/// empty for "Mrs Walsh"); malformed rows are reported by line number and nothing is returned.
/// </summary>
/// <remarks>
/// The same CSV as the roster (<see cref="RosterCsv"/>): header required, columns in any order, extra columns ignored. Any error
/// means no list: a half-read list is not worth guessing from. Error messages name the line and column, never a person.
/// </remarks>
public static class StaffCsv
{
    public const int MaxReportedErrors = 25;

    private static readonly string[] Required = ["FirstName", "LastName"];
    private static readonly string[] Optional = ["Title", "Role"];

    public static InputResult<StaffList> Parse(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var errors = new List<InputError>();
        var records = CsvRecords.Read(csv, errors);
        if (errors.Count > 0) return InputResult<StaffList>.Fail(errors);
        if (records.Count == 0 || records[0].Fields.All(string.IsNullOrWhiteSpace))
        {
            return InputResult<StaffList>.Fail(new InputError("line 1",
                "The staff list is empty: expected a header line Title,FirstName,LastName,Role followed by one line per adult."));
        }

        var header = records[0];
        var columns = CsvRecords.MapHeader(header, Required, Optional, errors, "Title,FirstName,LastName,Role (Title and Role may be left out)");
        if (columns is null) return InputResult<StaffList>.Fail(errors);

        var members = new List<StaffMember>();
        foreach (var record in records.Skip(1))
        {
            if (errors.Count >= MaxReportedErrors) break;
            if (record.Fields.Count == 1 && string.IsNullOrWhiteSpace(record.Fields[0])) continue;
            if (record.Fields.Count != header.Fields.Count)
            {
                errors.Add(new InputError($"line {record.Line}",
                    $"Line {record.Line} has {record.Fields.Count} fields but the header has {header.Fields.Count}; a name containing a comma must be in double quotes."));
                continue;
            }
            string Field(int column) => columns[column] < 0 ? "" : record.Fields[columns[column]].Trim();
            var lastName = Field(1);
            if (lastName.Length == 0)
            {
                errors.Add(new InputError($"line {record.Line}", $"Line {record.Line} has an empty LastName."));
                continue;
            }
            members.Add(new StaffMember(Field(2), Field(0), lastName, Field(3)));
        }
        if (errors.Count > 0) return InputResult<StaffList>.Fail(errors);
        if (members.Count == 0) return InputResult<StaffList>.Fail(new InputError("line 2", "The staff list has a header but nobody on it."));
        return InputResult<StaffList>.Ok(new StaffList(members));
    }

    /// <summary>Writes the list in the shape <see cref="Parse"/> reads (header, CRLF, fields quoted only where needed).</summary>
    public static string Write(IEnumerable<StaffMember> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var sb = new StringBuilder("Title,FirstName,LastName,Role\r\n");
        foreach (var m in members)
        {
            sb.Append(CsvRecords.Quote(m.Title)).Append(',').Append(CsvRecords.Quote(m.FirstName)).Append(',')
              .Append(CsvRecords.Quote(m.LastName)).Append(',').Append(CsvRecords.Quote(m.Role)).Append("\r\n");
        }
        return sb.ToString();
    }
}
