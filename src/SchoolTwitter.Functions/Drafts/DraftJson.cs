using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Core.CodeOfConduct;

namespace SchoolTwitter.Functions.Drafts;

/// <summary>The HTTP API's JSON for drafts (documented in docs/openapi.yaml); the verdict uses the CLI's wire format.</summary>
internal static class DraftJson
{
    public static string StatusUrl(HttpRequest request, string draftId) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}/api/drafts/{draftId}";

    public static ContentResult Accepted(DraftRecord draft, string statusUrl, bool duplicate) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("id"u8, draft.Id);
        w.WriteString("status"u8, draft.Status.ToWire());
        w.WriteString("statusUrl"u8, statusUrl);
        w.WriteBoolean("duplicate"u8, duplicate);
        w.WriteEndObject();
    }, StatusCodes.Status202Accepted);

    public static ContentResult Status(DraftRecord draft) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("id"u8, draft.Id);
        w.WriteString("status"u8, draft.Status.ToWire());
        w.WriteString("text"u8, draft.Text);
        w.WriteString("submittedBy"u8, draft.SubmittedBy);
        w.WriteString("submittedAt"u8, draft.SubmittedAt);
        WriteOrNull(w, "scheduledFor", draft.ScheduledFor);
        WriteOrNull(w, "approvedBy", draft.ApprovedBy);
        WriteOrNull(w, "tweetId", draft.TweetId);
        WriteOrNull(w, "tweetUrl", draft.TweetUrl);
        WriteOrNull(w, "failureReason", draft.FailureReason);
        w.WritePropertyName("verdict"u8);
        if (draft.Verdict is null) w.WriteNullValue();
        else VerdictJson.Write(w, draft.Verdict);
        w.WriteEndObject();
    });

    public static ContentResult RosterReplaced(int pupils) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("pupils"u8, pupils);
        w.WriteEndObject();
    });

    public static ContentResult StaffReplaced(int adults) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("adults"u8, adults);
        w.WriteEndObject();
    });

    private static void WriteOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    private static void WriteOrNull(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value.Value);
    }

    private static ContentResult Write(Action<Utf8JsonWriter> write, int status = StatusCodes.Status200OK)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, VerdictJson.WriterOptions))
        {
            write(writer);
        }
        return new ContentResult { Content = Encoding.UTF8.GetString(buffer.WrittenSpan), ContentType = "application/json", StatusCode = status };
    }
}
