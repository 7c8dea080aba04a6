using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Functions.Http;

/// <summary>
/// application/problem+json answers (RFC 9457). A 400 names each bad field in "errors" ({"field": ["message"]}) and the first in "field".
/// Details are written for a head teacher and never echo secrets or stack traces.
/// </summary>
public static class ProblemResults
{
    public const string ContentType = "application/problem+json";

    public static ProblemResult BadRequest(string field, string message) => BadRequest([new InputError(field, message)]);

    public static ProblemResult BadRequest(IReadOnlyList<InputError> errors)
    {
        var first = errors.Count > 0 ? errors[0] : new InputError("body", "The request is not valid.");
        var problem = Create(StatusCodes.Status400BadRequest, "The request is not valid.", $"{first.Field}: {first.Message}");
        problem.Extensions["field"] = first.Field;
        problem.Extensions["errors"] = errors.Count == 0
            ? new Dictionary<string, string[]> { [first.Field] = [first.Message] }
            : errors.GroupBy(e => e.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
        return new ProblemResult(problem);
    }

    public static ProblemResult Unauthorized(string detail) =>
        new(Create(StatusCodes.Status401Unauthorized, "Sign in with the school's Microsoft Entra ID to do this.", detail));

    public static ProblemResult Forbidden(string detail) =>
        new(Create(StatusCodes.Status403Forbidden, "Only members of the senior leadership team may do this.", detail));

    public static ProblemResult CrossSite(string detail) =>
        new(Create(StatusCodes.Status403Forbidden, "This change must be made from the school's SLT page.", detail));

    public static ProblemResult NotFound(string detail) =>
        new(Create(StatusCodes.Status404NotFound, "Not found.", detail));

    public static ProblemResult Conflict(string detail) =>
        new(Create(StatusCodes.Status409Conflict, "This conflicts with the current state.", detail));

    public static ProblemResult PayloadTooLarge(long limitBytes) =>
        new(Create(StatusCodes.Status413PayloadTooLarge, "The request body is too large.", $"The body must be at most {limitBytes} bytes."));

    private static ProblemDetails Create(int status, string title, string detail) => new()
    {
        Status = status,
        Title = title,
        Detail = detail,
        Type = status switch
        {
            400 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
            401 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2",
            403 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4",
            404 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
            409 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10",
            413 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14",
            _ => "about:blank",
        },
    };
}

/// <summary>A problem+json answer usable as an MVC action result (Functions ASP.NET Core integration) or a minimal-API result.</summary>
public sealed class ProblemResult(ProblemDetails problem) : IActionResult, IResult
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ProblemDetails Problem { get; } = problem;

    public int StatusCode => Problem.Status ?? StatusCodes.Status500InternalServerError;

    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCode;
        httpContext.Response.ContentType = ProblemResults.ContentType;
        await JsonSerializer.SerializeAsync(httpContext.Response.Body, Problem, Json, httpContext.RequestAborted);
    }
}
