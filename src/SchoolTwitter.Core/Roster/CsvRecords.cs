using System.Text;
using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Core.Roster;

/// <summary>One CSV record and the line it starts on.</summary>
internal sealed record CsvRecord(int Line, List<string> Fields);

/// <summary>
/// RFC 4180 CSV as spreadsheets and MIS exports write it (optional UTF-8 BOM, CRLF or LF, quoted fields holding commas, doubled
/// quotes and line breaks), for the school's uploads: the pupil roster and the staff list.
/// </summary>
internal static class CsvRecords
{
    /// <summary>
    /// The index of each of <paramref name="required"/> then <paramref name="optional"/> columns in the header (matched ignoring
    /// case, spaces and underscores, in any order; -1 for a missing optional one), or null with errors when a required one is missing.
    /// </summary>
    public static int[]? MapHeader(CsvRecord header, string[] required, string[] optional, List<InputError> errors, string expected)
    {
        string[] columns = [.. required, .. optional];
        var index = new int[columns.Length];
        Array.Fill(index, -1);
        var before = errors.Count;
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = Canonical(header.Fields[i]);
            for (var c = 0; c < columns.Length; c++)
            {
                if (!string.Equals(name, columns[c], StringComparison.OrdinalIgnoreCase)) continue;
                if (index[c] >= 0)
                {
                    errors.Add(new InputError($"line {header.Line}", $"The header names column {columns[c]} twice."));
                }
                index[c] = i;
            }
        }
        var missing = required.Where((_, c) => index[c] < 0).ToList();
        if (missing.Count > 0)
        {
            // The line is not echoed: without a header it is a person's row, and errors end up in logs.
            errors.Add(new InputError($"line {header.Line}",
                $"The header line lacks {string.Join(", ", missing)}: the first line must be {expected}."));
        }
        return errors.Count == before ? index : null;
    }

    /// <summary>A field as written to CSV: quoted only when it holds a comma, quote, line break or edge spaces.</summary>
    public static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value != value.Trim()
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;

    private static string Canonical(string headerField)
    {
        var sb = new StringBuilder(headerField.Length);
        foreach (var ch in headerField)
        {
            if (!char.IsWhiteSpace(ch) && ch is not ('_' or '-')) sb.Append(ch);
        }
        return sb.ToString();
    }

    /// <summary>Splits the CSV into records, keeping the line each starts on; reports an unterminated quote or text after a closing quote.</summary>
    public static List<CsvRecord> Read(string csv, List<InputError> errors)
    {
        var records = new List<CsvRecord>();
        var start = csv.Length > 0 && csv[0] == '\uFEFF' ? 1 : 0;
        var line = 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        var recordLine = 1;
        var i = start;

        while (i <= csv.Length)
        {
            if (i == csv.Length)
            {
                // End of input: close the last record unless the file ended with a line break.
                if (fields.Count > 0 || field.Length > 0) { fields.Add(field.ToString()); records.Add(new CsvRecord(recordLine, fields)); }
                break;
            }

            var c = csv[i];
            if (c == '"' && IsBlank(field))
            {
                // Quoted field: runs to the next lone quote; "" is a literal quote; commas and line breaks are content.
                field.Clear();
                var openLine = line;
                i++;
                var closed = false;
                while (i < csv.Length)
                {
                    var q = csv[i];
                    if (q == '"')
                    {
                        if (i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        closed = true;
                        break;
                    }
                    if (q == '\n') line++;
                    field.Append(q);
                    i++;
                }
                if (!closed)
                {
                    errors.Add(new InputError($"line {openLine}", $"Line {openLine} opens a quoted field that is never closed."));
                    return records;
                }
                // Only spaces may follow the closing quote before the delimiter.
                while (i < csv.Length && csv[i] is ' ' or '\t') i++;
                if (i < csv.Length && csv[i] is not (',' or '\r' or '\n'))
                {
                    errors.Add(new InputError($"line {line}", $"Line {line} has text after a closing quote; write a quote inside a quoted field as \"\"."));
                    return records;
                }
                continue;
            }

            switch (c)
            {
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    i++;
                    break;
                case '\r' or '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add(new CsvRecord(recordLine, fields));
                    fields = [];
                    if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n') i++;
                    i++;
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    i++;
                    break;
            }
        }
        return records;
    }

    private static bool IsBlank(StringBuilder sb)
    {
        for (var i = 0; i < sb.Length; i++)
        {
            if (!char.IsWhiteSpace(sb[i])) return false;
        }
        return true;
    }
}
