using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SchoolTwitter.Core.Time;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Page;

/// <summary>
/// What every answer of the SLT page carries: a strict Content-Security-Policy (scripts and styles only from the app itself,
/// nothing inline, no framing), no caching of SLT data, no MIME sniffing, no referrer leaving the school's page.
/// </summary>
public static class PageAnswers
{
    /// <summary>Profile pictures are the only thing loaded from elsewhere: X's own image hosts.</summary>
    public static readonly IReadOnlyList<string> PictureOrigins = ["https://pbs.twimg.com", "https://abs.twimg.com"];

    public static readonly string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' " + string.Join(' ', PictureOrigins) +
        "; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static void Secure(HttpResponse response, bool cacheable = false)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers.CacheControl = cacheable ? "private, max-age=300" : "no-store";
    }

    public static IActionResult Json(HttpRequest request, object value)
    {
        Secure(request.HttpContext.Response);
        return JsonAnswers.Ok(value);
    }

    public static IActionResult Problem(HttpRequest request, ProblemResult problem)
    {
        Secure(request.HttpContext.Response);
        return problem;
    }

    /// <summary>"Tuesday 24 November 2026 at 10:15" (UK time).</summary>
    public static string When(DateTimeOffset at) =>
        UkTime.ToUk(at).ToString("dddd d MMMM yyyy 'at' HH:mm", CultureInfo.GetCultureInfo("en-GB"));

    public static string? When(DateTimeOffset? at) => at is { } a ? When(a) : null;

    /// <summary>"Tuesday 24 November 2026".</summary>
    public static string Day(DateOnly day) => day.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>A profile picture from X's own hosts (https), else none: the page's CSP would refuse anything else anyway.</summary>
    public static string? Picture(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
        && PictureOrigins.Contains($"{uri.Scheme}://{uri.Host}", StringComparer.OrdinalIgnoreCase) && uri.IsDefaultPort
            ? uri.ToString()
            : null;

    /// <summary>A JSON body read within a limit (the page sends small objects), or null when it is missing, too large or not an object.</summary>
    public static async Task<System.Text.Json.Nodes.JsonObject?> ReadObjectAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        var body = await BoundedBodyReader.ReadAsync(request, maxBytes, ct);
        if (body.TooLarge || body.Bytes is not { Length: > 0 } bytes) return null;
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(bytes) as System.Text.Json.Nodes.JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public static string? Text(System.Text.Json.Nodes.JsonObject? body, string name) =>
        body?[name] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static ProblemResult NotReadable() => ProblemResults.BadRequest("body", "The page sent something the service could not read; reload the page and try again.");
}
