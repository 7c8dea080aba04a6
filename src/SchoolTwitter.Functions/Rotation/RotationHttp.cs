using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Rotation;

/// <summary>
/// What the rotation endpoints share: only a signed-in SLT member (an Easy Auth principal with the SLT role, group or list
/// entry) may call them. The Power Automate route of naming a submitter in the body is not accepted here: credentials must
/// never pass through Microsoft Forms, and the term dates and status are for SLT signed in themselves.
/// </summary>
internal static class RotationHttp
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public static async Task<(Caller? Caller, IActionResult? Refusal)> RequireSltAsync(
        HttpRequest request, SltDirectory slt, IAuditLog audit, TimeProvider time, string action, CancellationToken ct)
    {
        var decision = await slt.DecideAsync(EasyAuthPrincipal.Read(request), claimedSubmitter: null, ct);
        if (decision.IsSlt && decision.Caller is { Kind: CallerKind.Principal } caller) return (caller, null);

        await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), decision.Caller?.Id ?? "anonymous", action, "credentials", "refused: not SLT", decision.Reason), ct);
        return (null, ProblemResults.Forbidden($"Sign in as a member of the senior leadership team ({decision.Reason})."));
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

    public static JsonBodyResult Ok(object body) => new(StatusCodes.Status200OK, body);

    /// <summary>A JSON answer written directly (camelCase, enums as strings), so tests can run it against a plain HttpContext.</summary>
    public sealed class JsonBodyResult(int status, object body) : IActionResult
    {
        public int StatusCode { get; } = status;

        public object Body { get; } = body;

        public async Task ExecuteResultAsync(ActionContext context)
        {
            context.HttpContext.Response.StatusCode = StatusCode;
            context.HttpContext.Response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(context.HttpContext.Response.Body, Body, Body.GetType(), Json, context.HttpContext.RequestAborted);
        }
    }
}
