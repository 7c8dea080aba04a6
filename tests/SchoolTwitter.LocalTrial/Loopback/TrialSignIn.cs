using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Testing.TestHost;

namespace SchoolTwitter.LocalTrial.Loopback;

/// <summary>A sample person who can sign in to the local trial (never a real account).</summary>
public sealed record TrialPerson(string Key, string Name, string Email, string Role, params string[] Roles);

/// <summary>
/// Plays App Service Authentication's part for the loopback host: a sign-in page at the same address Easy Auth uses
/// (/.auth/login/aad), a session cookie, and, on every request, the principal headers of the signed-in person. As the
/// platform does, it first removes any principal header the browser sent, so nobody can claim to be someone else.
/// </summary>
public sealed class TrialSignIn(IReadOnlyList<TrialPerson> people)
{
    public const string Cookie = "AppServiceAuthSession";

    private static readonly string[] PrincipalHeaders =
    [
        ClientPrincipalParser.PrincipalHeader, ClientPrincipalParser.PrincipalIdHeader,
        ClientPrincipalParser.PrincipalNameHeader, ClientPrincipalParser.PrincipalIdpHeader,
    ];

    public IReadOnlyList<TrialPerson> People { get; } = people;

    /// <summary>Strips client-sent principal headers and adds the session's person's, as Easy Auth would.</summary>
    public void Apply(HttpRequest request)
    {
        foreach (var header in PrincipalHeaders) request.Headers.Remove(header);
        if (Person(request) is not { } person) return;
        foreach (var (name, value) in EasyAuthHeaders.Person(person.Email, person.Roles)) request.Headers[name] = value;
    }

    public TrialPerson? Person(HttpRequest request) =>
        request.Cookies.TryGetValue(Cookie, out var key) ? People.FirstOrDefault(p => p.Key == key) : null;

    public void Map(WebApplication app, string title)
    {
        app.MapGet("/", () => Results.Redirect("/api/page"));
        app.MapGet("/favicon.ico", () => Results.NoContent()); // the sign-in page has no icon; the SLT page names its own
        app.MapGet("/.auth/login/aad", (HttpRequest request) => Results.Content(LoginPage(title, LocalPath(request.Query["post_login_redirect_uri"])), "text/html; charset=utf-8"));
        app.MapPost("/.auth/login/trial", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            if (People.FirstOrDefault(p => p.Key == form["person"]) is not { } person) return Results.BadRequest();
            http.Response.Cookies.Append(Cookie, person.Key, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/" });
            return Results.Redirect(LocalPath(form["redirect"]));
        });
        app.MapGet("/.auth/logout", (HttpContext http) =>
        {
            http.Response.Cookies.Delete(Cookie, new CookieOptions { Path = "/" });
            return Results.Redirect(LocalPath(http.Request.Query["post_logout_redirect_uri"], "/.auth/login/aad?post_login_redirect_uri=/api/page"));
        });
    }

    /// <summary>Only a path on this host (an open redirect would send a signed-in person anywhere).</summary>
    private static string LocalPath(string? path, string fallback = "/api/page") =>
        path is { Length: > 0 } p && p.StartsWith('/') && !p.StartsWith("//", StringComparison.Ordinal) && !p.Contains('\\') ? p : fallback;

    private string LoginPage(string title, string redirect)
    {
        var buttons = string.Concat(People.Select(p => $"""
            <li><form method="post" action="/.auth/login/trial"><input type="hidden" name="person" value="{WebUtility.HtmlEncode(p.Key)}"><input type="hidden" name="redirect" value="{WebUtility.HtmlEncode(redirect)}"><button type="submit">Sign in as {WebUtility.HtmlEncode(p.Name)}</button> <span>{WebUtility.HtmlEncode(p.Role)}</span></form></li>
            """));
        return $"""
            <!doctype html>
            <html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{WebUtility.HtmlEncode(title)}: sign in</title></head>
            <body><main><h1>{WebUtility.HtmlEncode(title)}</h1>
            <p><strong>This is a local trial on your own computer, with sample data and a pretend X.</strong> Nothing is posted anywhere.
            In the school's real service this is the Microsoft sign-in page.</p>
            <h2>Choose who to be</h2><ul>{buttons}</ul></main></body></html>
            """;
    }
}
