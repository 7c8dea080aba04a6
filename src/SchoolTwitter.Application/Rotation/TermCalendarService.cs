using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Core.Rotation;

namespace SchoolTwitter.Application.Rotation;

/// <summary>PUT /api/terms: SLT load the council's term dates. Bad dates are refused with a reason naming the field; nothing is stored then.</summary>
public sealed class TermCalendarService(IRotationStore store, IAuditLog audit, TimeProvider time, ILogger<TermCalendarService> logger)
{
    /// <summary>Reads <c>{"terms":[{"name":"autumn","start":"2026-09-02","end":"2026-12-18"}, …]}</c>.</summary>
    public static InputResult<TermCalendar> Parse(string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return InputResult<TermCalendar>.Fail(new InputError("$", $"The body is not valid JSON: {e.Message}"));
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("terms", out var array) || array.ValueKind != JsonValueKind.Array)
                return InputResult<TermCalendar>.Fail(new InputError("terms", "Give the terms as an array: {\"terms\":[{\"name\":\"autumn\",\"start\":\"2026-09-02\",\"end\":\"2026-12-18\"}, …]}."));

            var errors = new List<InputError>();
            var terms = new List<Term>();
            var i = 0;
            foreach (var item in array.EnumerateArray())
            {
                var name = ReadName(item, i, errors);
                var start = ReadDate(item, "start", i, errors);
                var end = ReadDate(item, "end", i, errors);
                if (name is { } n && start is { } s && end is { } e) terms.Add(new Term(n, s, e));
                i++;
            }

            if (errors.Count > 0) return InputResult<TermCalendar>.Fail(errors);
            return TermCalendar.Create(terms);
        }
    }

    public async Task<InputResult<TermCalendar>> PutAsync(string json, string actor, CancellationToken ct)
    {
        var result = Parse(json);
        if (!result.IsValid)
        {
            logger.LogInformation("Term dates from {Actor} refused: {ErrorCount} errors", actor, result.Errors.Count);
            return result;
        }

        await store.SaveTermsAsync(result.Value!.Terms, ct);
        var years = string.Join(", ", result.Value.Terms.Select(t => t.AcademicYear).Distinct().Select(y => $"{y}/{(y + 1) % 100:00}"));
        await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), actor, "terms.loaded", "terms", "accepted", years), ct);
        logger.LogInformation("Term dates for {AcademicYears} loaded by {Actor}", years, actor);
        return result;
    }

    private static TermName? ReadName(JsonElement item, int i, List<InputError> errors)
    {
        if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("name", out var p) && p.ValueKind == JsonValueKind.String &&
            Enum.TryParse<TermName>(p.GetString(), ignoreCase: true, out var name) && Enum.IsDefined(name) && !int.TryParse(p.GetString(), out _))
            return name;
        errors.Add(new InputError($"terms[{i}].name", "Give the term's name: autumn, spring or summer."));
        return null;
    }

    private static DateOnly? ReadDate(JsonElement item, string field, int i, List<InputError> errors)
    {
        if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(field, out var p) && p.ValueKind == JsonValueKind.String &&
            DateOnly.TryParseExact(p.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (date.Year is >= 2000 and <= 2100) return date;
            errors.Add(new InputError($"terms[{i}].{field}", "The date must fall between the years 2000 and 2100."));
            return null;
        }

        errors.Add(new InputError($"terms[{i}].{field}", "Give the date as yyyy-MM-dd, e.g. 2026-09-02."));
        return null;
    }
}
