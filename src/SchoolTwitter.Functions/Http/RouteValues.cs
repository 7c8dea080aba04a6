using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SchoolTwitter.Application.Audit;

namespace SchoolTwitter.Functions.Http;

/// <summary>
/// The values a route carries ({id}, {email}, {handle}) checked before anything uses them. They become table keys and audit
/// subjects, which hold at most 1 KiB and no / \ # ? or control characters: a longer or stranger value used to fail deep in
/// storage as a 500 that nobody audited. Now it is a 400 naming the field, and the refusal is audited under
/// <see cref="AuditSubject"/> (the value itself is no fit subject).
/// </summary>
public static class RouteValues
{
    /// <summary>Longer than any value a route takes: draft ids are 32 characters, e-mail addresses at most 254, X handles 15.</summary>
    public const int MaxLength = 256;

    public const string AuditSubject = "http-requests";
    public const string RefusedAction = "request.refused";

    /// <summary>
    /// Null when <paramref name="value"/> may be used; otherwise the 400 answer naming <paramref name="field"/>, after the
    /// refusal is appended to the audit log.
    /// </summary>
    public static async Task<IActionResult?> RefuseAsync(HttpRequest request, string field, string? value, CancellationToken ct)
    {
        if (Problem(value) is not { } problem) return null;

        var services = request.HttpContext.RequestServices;
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        services.GetService<ILoggerFactory>()?.CreateLogger(typeof(RouteValues)).LogWarning(
            "Refused {Method} request: route value {Field} {Problem}", request.Method, field, problem);
        await services.GetRequiredService<IAuditLog>().AppendAsync(new AuditEntry(time.GetUtcNow(), "unknown", RefusedAction, AuditSubject,
            $"refused: {field} {problem}", $"{request.Method} {Shortened(request.Path.Value)}"), ct);
        return ProblemResults.BadRequest(field, $"The {field} in the address {problem}.");
    }

    /// <summary>Why a route value cannot be used, or null when it can.</summary>
    public static string? Problem(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "is empty";
        if (value.Length > MaxLength) return $"is {value.Length:N0} characters long; at most {MaxLength} are allowed";
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                return "contains a character that is not allowed (/ \\ # ? % or a control character)";
            }
            if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[++i])))
            {
                return "is not valid text";
            }
        }
        return null;
    }

    /// <summary>The request path for the audit: at most 120 characters, control characters and broken surrogates replaced.</summary>
    private static string Shortened(string? path)
    {
        var shown = (path ?? "").Take(120).Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '\uFFFD' : c).ToArray();
        return new string(shown) + (path is { Length: > 120 } ? "…" : "");
    }
}
