using System.Net;
using Microsoft.AspNetCore.Http;

namespace SchoolTwitter.Functions.Page;

/// <summary>
/// A refused browser visit to the page itself gets a small HTML page (no script) rather than problem+json: a teacher who is
/// not SLT, or someone not signed in, reads why and how to sign in. The data routes still answer problem+json.
/// </summary>
public static class PageRefusal
{
    public const string SignInPath = "/.auth/login/aad?post_login_redirect_uri=/api/page";

    public static bool WantsHtml(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    public static async Task WriteAsync(HttpContext http, int status, string title)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        PageAnswers.Secure(http.Response);
        // Plain words for a person; the technical reason is in the log and the audit entry the middleware wrote.
        var detail = status == StatusCodes.Status401Unauthorized
            ? "You need to sign in with your school Microsoft account to use this page."
            : "This page is for the school's senior leadership team. Your account is not one of theirs, so nothing here is open to you. The visit was recorded.";
        var signIn = status == StatusCodes.Status401Unauthorized
            ? $"<p><a href=\"{SignInPath}\">Sign in with your school Microsoft account</a></p>"
            : $"<p>If you are a member of the senior leadership team, <a href=\"/.auth/logout?post_logout_redirect_uri={WebUtility.UrlEncode(SignInPath)}\">sign in again with your school account</a>.</p>";
        await http.Response.WriteAsync($"""
            <!doctype html>
            <html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{WebUtility.HtmlEncode(title)}</title></head>
            <body><main id="main" class="refusal"><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(detail)}</p>{signIn}</main></body></html>
            """, http.RequestAborted);
    }
}
