using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Rotation;

/// <summary>
/// What the rotation endpoints share. They are [SltOnly]: the flow's route of naming a submitter is not accepted here, as
/// credentials must never pass through Microsoft Forms, and the term dates and status are for SLT signed in themselves.
/// </summary>
internal static class RotationHttp
{
    /// <summary>The body as text (at most <paramref name="maxBodyBytes"/>), or the 413 to answer with.</summary>
    public static async Task<(string? Body, IActionResult? Refusal)> ReadBodyAsync(HttpRequest request, long maxBodyBytes, CancellationToken ct)
    {
        var body = await BoundedBodyReader.ReadAsync(request, maxBodyBytes, ct);
        return body.TooLarge
            ? (null, ProblemResults.PayloadTooLarge(maxBodyBytes))
            : (System.Text.Encoding.UTF8.GetString(body.Bytes ?? []), null);
    }

    public static ProblemResult Unprocessable(string detail) => new(new ProblemDetails
    {
        Status = StatusCodes.Status422UnprocessableEntity,
        Title = "The credentials were refused.",
        Detail = detail,
        Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21",
    });

    public static ProblemResult Unavailable(string detail) => new(new ProblemDetails
    {
        Status = StatusCodes.Status503ServiceUnavailable,
        Title = "A service the rotation needs is unavailable.",
        Detail = detail,
        Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
    });

    public static ContentResult Ok(object body) => JsonAnswers.Ok(body);
}
