using Microsoft.AspNetCore.Http;

namespace SchoolTwitter.Functions.Page;

/// <summary>
/// Cross-site request forgery. App Service Authentication keeps a browser's sign-in in a cookie, which the browser sends with
/// any request to the app, including one another site makes it send. So a change (POST, PUT, DELETE, PATCH) is refused when
/// the browser says it came from elsewhere (Sec-Fetch-Site, Origin), and a change carried by a cookie, or made through the
/// SLT page's own routes, must carry <see cref="HeaderName"/>: a cross-site form cannot set a header, and a cross-site
/// script that tries needs a CORS pre-flight the app never grants. A bearer token (the flow) is never sent by a browser on
/// its own, so the flow is not asked for the header.
/// </summary>
public static class CrossSiteRequestGuard
{
    public const string HeaderName = "X-SchoolTwitter-Page";
    public const string HeaderValue = "1";
    public const string PageNamespace = "SchoolTwitter.Functions.Page.";

    /// <summary>Null when the request may go on; otherwise why it was refused, in plain words.</summary>
    public static string? Refusal(HttpRequest request, bool pageFunction)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)) return null;

        var headers = request.Headers;
        var site = headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && !site.Equals("same-origin", StringComparison.OrdinalIgnoreCase) && !site.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return "the change was sent from another website, not the school's SLT page, so it was not made";
        }

        var origin = headers.Origin.ToString();
        if (origin.Length > 0 && !SameHost(origin, request.Host))
        {
            return "the change was sent from another website, not the school's SLT page, so it was not made";
        }

        var byCookie = headers.Cookie.Count > 0 && headers.Authorization.Count == 0;
        if ((pageFunction || byCookie) && headers[HeaderName].ToString() != HeaderValue)
        {
            return "the change did not come from the school's SLT page (reload the page and try again)";
        }
        return null;
    }

    private static bool SameHost(string origin, HostString host) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && host.HasValue
        && string.Equals(uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}", host.Value, StringComparison.OrdinalIgnoreCase);
}
