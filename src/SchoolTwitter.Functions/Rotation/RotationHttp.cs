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
    public static async Task<(Caller? Caller, IActionResult? Refusal)> RequireSltAsync(
        HttpRequest request, SltDirectory slt, IAuditLog audit, TimeProvider time, string action, CancellationToken ct)
    {
        var decision = await slt.DecideAsync(EasyAuthPrincipal.Read(request), claimedSubmitter: null, ct);
        if (decision.IsSlt && decision.Caller is { Kind: CallerKind.Principal } caller) return (caller, null);

        await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), decision.Caller?.Id ?? "anonymous", action, "credentials", "refused: not SLT", decision.Reason), ct);
        return (null, ProblemResults.Forbidden($"Sign in as a member of the senior leadership team ({decision.Reason})."));
    }

    /// <summary>A signed-in SLT caller and their body as text (at most <paramref name="maxBodyBytes"/>), or the refusal to answer with.</summary>
    public static async Task<(Caller? Caller, string? Body, IActionResult? Refusal)> ReadSltBodyAsync(
        HttpRequest request, long maxBodyBytes, SltDirectory slt, IAuditLog audit, TimeProvider time, string action, CancellationToken ct)
    {
        var (caller, refusal) = await RequireSltAsync(request, slt, audit, time, action, ct);
        if (refusal is not null) return (null, null, refusal);

        var body = await BoundedBodyReader.ReadAsync(request, maxBodyBytes, ct);
        return body.TooLarge
            ? (null, null, ProblemResults.PayloadTooLarge(maxBodyBytes))
            : (caller, System.Text.Encoding.UTF8.GetString(body.Bytes ?? []), null);
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
