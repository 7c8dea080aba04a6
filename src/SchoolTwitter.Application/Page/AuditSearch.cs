using System.Globalization;
using System.Text;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Core.Time;

namespace SchoolTwitter.Application.Page;

/// <param name="Draft">A draft's id: its whole trail.</param>
/// <param name="Person">Part of who did it (an e-mail address or "system").</param>
/// <param name="From">First UK day, yyyy-MM-dd.</param>
/// <param name="To">Last UK day, yyyy-MM-dd (inclusive).</param>
public sealed record AuditSearchQuery(string? Draft, string? Person, string? From, string? To);

/// <param name="Truncated">More entries matched than <see cref="AuditSearch.MaxEntries"/>: narrow the search.</param>
public sealed record AuditSearchResult(IReadOnlyList<AuditEntry> Entries, bool Truncated, IReadOnlyList<InputError> Errors, DateOnly From, DateOnly To);

/// <summary>
/// Searches the audit log for SLT: by draft (its own trail, through <see cref="IAuditLog.ReadAsync"/>), by person and by
/// UK dates (<see cref="IAuditLog.QueryAsync"/>), newest first. Without dates, the last <see cref="DefaultDays"/> days.
/// </summary>
public sealed class AuditSearch(IAuditLog audit, TimeProvider time)
{
    public const int DefaultDays = 30;
    /// <summary>The days searched run to the end of the last one, so one fewer than the audit log answers at a time.</summary>
    public const int MaxDays = Audit.AuditQuery.MaxDays - 1;
    public const int MaxEntries = 2000;

    public async Task<AuditSearchResult> SearchAsync(AuditSearchQuery query, CancellationToken ct)
    {
        var errors = new List<InputError>();
        var today = UkTime.Today(time);
        var to = Date(query.To, "to", errors) ?? today;
        var from = Date(query.From, "from", errors) ?? to.AddDays(-DefaultDays);
        var draft = query.Draft?.Trim().ToLowerInvariant();
        if (draft is { Length: > 0 } && !DraftIds.IsWellFormed(draft)) errors.Add(new("draft", "A draft's reference is the 32 letters and digits shown with it on the Drafts list."));
        if (from > to) errors.Add(new("from", "The first day comes after the last day."));
        else if (to.DayNumber - from.DayNumber > MaxDays) errors.Add(new("from", $"Search at most {MaxDays} days at a time."));
        var person = query.Person?.Trim();
        if (person is { Length: > 254 }) errors.Add(new("person", "That is too long to be a person's address."));
        if (errors.Count > 0) return new([], false, errors, from, to);

        var start = UkMidnight(from);
        var end = UkMidnight(to.AddDays(1));
        var source = draft is { Length: > 0 } ? await audit.ReadAsync(draft, ct) : await audit.QueryAsync(new Audit.AuditQuery(start, end), ct);

        var found = new List<AuditEntry>();
        var truncated = false;
        foreach (var entry in source)
        {
            if (entry.At < start || entry.At >= end) continue;
            if (person is { Length: > 0 } && !entry.Actor.Contains(person, StringComparison.OrdinalIgnoreCase)) continue;
            if (found.Count == MaxEntries) { truncated = true; break; }
            found.Add(entry);
        }
        return new([.. found.OrderByDescending(e => e.At)], truncated, [], from, to);
    }

    private static DateOnly? Date(string? value, string field, List<InputError> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(new(field, "Give the day as a date, such as 2026-11-24."));
        return null;
    }

    private static DateTimeOffset UkMidnight(DateOnly day) => UkTime.ToUtc(day, TimeOnly.MinValue);
}

/// <summary>The audit entries as CSV (RFC 4180) for a spreadsheet; cells that a spreadsheet would run as a formula are quoted as text.</summary>
public static class AuditCsv
{
    public static string Write(IEnumerable<AuditEntry> entries)
    {
        var csv = new StringBuilder("When (UK time),Who,What,About,Outcome,Detail\r\n");
        foreach (var e in entries)
        {
            string[] cells = [UkTime.ToUk(e.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), e.Actor, e.Action, e.Subject, e.Outcome, e.Detail ?? ""];
            csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        }
        return csv.ToString();
    }

    private static string Cell(string value)
    {
        // A value starting with = + - @ (or a tab/CR) would be run as a formula by Excel: CSV injection.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
