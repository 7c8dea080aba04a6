using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Core.CodeOfConduct;

/// <summary>
/// The verdict's wire JSON, the same from the CLI (<c>--json</c>, <c>--jsonl</c>) and the HTTP API:
/// <c>{"id","verdict":"pass|review|blocked","weightedLength","findings":[{"rule","severity":"block|warn","message","start","length","suggestion"}]}</c>.
/// </summary>
/// <remarks>
/// The shape is fixed: every property is always written, <c>null</c> when it does not apply (<c>id</c> when the draft had none;
/// <c>start</c>/<c>length</c> for findings not about particular words; <c>suggestion</c> when there is none), so a consumer's
/// schema never meets a missing key. Text is written unescaped beyond what JSON requires, so “quotes” and accents stay readable.
/// </remarks>
public static class VerdictJson
{
    /// <summary>Writer options for the wire JSON: compact, readable non-ASCII, validation on.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static void Write(Utf8JsonWriter writer, Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(verdict);

        writer.WriteStartObject();
        WriteId(writer, verdict.Id);
        writer.WriteString("verdict"u8, OutcomeName(verdict.Outcome));
        writer.WriteNumber("weightedLength"u8, verdict.WeightedLength);
        writer.WriteStartArray("findings"u8);
        foreach (var finding in verdict.Findings)
        {
            writer.WriteStartObject();
            writer.WriteString("rule"u8, finding.Rule);
            writer.WriteString("severity"u8, SeverityName(finding.Severity));
            writer.WriteString("message"u8, finding.Message);
            WriteNullableNumber(writer, "start"u8, finding.Start);
            WriteNullableNumber(writer, "length"u8, finding.Length);
            if (finding.Suggestion is null) writer.WriteNull("suggestion"u8);
            else writer.WriteString("suggestion"u8, finding.Suggestion);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static string Serialize(Verdict verdict) => Encoding.UTF8.GetString(SerializeToUtf8Bytes(verdict));

    public static byte[] SerializeToUtf8Bytes(Verdict verdict)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, verdict);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The line for a draft that could not be read (JSON Lines mode): <c>{"id":…,"line":n,"error":"…","errors":[{"field","message"}]}</c>;
    /// <c>error</c> joins the messages for a person, <c>errors</c> keeps each field for a program; <c>line</c> (the input line
    /// number) is written only when given.
    /// </summary>
    public static void WriteInputError(Utf8JsonWriter writer, string? id, IReadOnlyList<InputError> errors, long? line = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(errors);

        writer.WriteStartObject();
        WriteId(writer, id);
        if (line is { } n) writer.WriteNumber("line"u8, n);
        writer.WriteString("error"u8, Describe(errors));
        writer.WriteStartArray("errors"u8);
        foreach (var error in errors)
        {
            writer.WriteStartObject();
            writer.WriteString("field"u8, error.Field);
            writer.WriteString("message"u8, error.Message);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Every error as <c>field: message</c>, joined with "; ".</summary>
    public static string Describe(IReadOnlyList<InputError> errors) =>
        string.Join("; ", errors.Select(static e => $"{e.Field}: {e.Message}"));

    public static string OutcomeName(VerdictOutcome outcome) => outcome switch
    {
        VerdictOutcome.Pass => "pass",
        VerdictOutcome.Review => "review",
        VerdictOutcome.Blocked => "blocked",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static string SeverityName(Severity severity) => severity switch
    {
        Severity.Block => "block",
        Severity.Warn => "warn",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    private static void WriteId(Utf8JsonWriter writer, string? id)
    {
        if (id is null) writer.WriteNull("id"u8);
        else writer.WriteString("id"u8, id);
    }

    private static void WriteNullableNumber(Utf8JsonWriter writer, ReadOnlySpan<byte> name, int? value)
    {
        if (value is { } v) writer.WriteNumber(name, v);
        else writer.WriteNull(name);
    }
}
