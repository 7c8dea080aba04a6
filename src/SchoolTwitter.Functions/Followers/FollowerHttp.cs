using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SchoolTwitter.Application.X;
using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Followers;

/// <summary>What the follower routes share: reading a small JSON body, and X's 429 as a problem answer.</summary>
internal static class FollowerHttp
{
    public const long BodyLimitBytes = 16 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The JSON body as <typeparamref name="T"/>, or the problem answer naming what is wrong with it.</summary>
    public static async Task<(T? Value, IActionResult? Problem)> ReadJsonAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        var body = await BoundedBodyReader.ReadAsync(request, BodyLimitBytes, ct);
        if (body.TooLarge) return (null, ProblemResults.PayloadTooLarge(BodyLimitBytes));
        if (body.Bytes is not { Length: > 0 } bytes) return (null, ProblemResults.BadRequest("body", "A JSON object is required."));
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, Json) is { } value
                ? (value, null)
                : (null, ProblemResults.BadRequest("body", "A JSON object is required."));
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            return (null, ProblemResults.BadRequest(field, "Not valid here: check the field's name and type (see docs/openapi.yaml)."));
        }
    }

    /// <summary>A JSON answer, as docs/openapi.yaml describes.</summary>
    public static ContentResult Ok(object value, int status = StatusCodes.Status200OK) => JsonAnswers.Ok(value, status);

    public static IActionResult Errors(IReadOnlyList<InputError>? errors) => ProblemResults.BadRequest(errors ?? []);

    /// <summary>429 with Retry-After: X's rate limit (muting is 50 per 15 minutes); nothing was recorded, try again later.</summary>
    public static IActionResult RateLimited(HttpRequest request, XRateLimitedException e, TimeProvider time)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling((e.ResetAt - time.GetUtcNow()).TotalSeconds));
        request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ProblemResult(new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "X's rate limit was reached.",
            Detail = $"Nothing was changed. Try again after {e.ResetAt:HH:mm} UTC.",
            Type = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
        });
    }
}
