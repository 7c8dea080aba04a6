using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Page;

/// <summary>
/// The SLT page itself: one HTML document, its script and its style sheet, embedded in this assembly (Page/Assets) and
/// served by the app from its own origin. Anonymous at the Functions level because a browser holds no function key;
/// App Service Authentication signs the person in and <see cref="HttpAccessMiddleware"/> admits SLT only.
/// </summary>
public sealed class PageShell
{
    private static readonly FrozenDictionary<string, PageAsset> Assets = PageAsset.LoadAll();

    [Function("SltPage")]
    [SltOnly("page.refused", "page")]
    public IActionResult Page(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "page")] HttpRequest request) =>
        Serve(request, "index.html");

    [Function("SltPageAsset")]
    [SltOnly("page.refused", "page")]
    public async Task<IActionResult> Asset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "page/assets/{name}")] HttpRequest request, string name, CancellationToken ct)
    {
        if (await RouteValues.RefuseAsync(request, "name", name, ct) is { } refused) { PageAnswers.Secure(request.HttpContext.Response); return refused; }
        return name is "index.html" ? new NotFoundResult() : Serve(request, name);
    }

    private static IActionResult Serve(HttpRequest request, string name)
    {
        if (!Assets.TryGetValue(name, out var asset))
        {
            PageAnswers.Secure(request.HttpContext.Response);
            return new NotFoundResult();
        }
        PageAnswers.Secure(request.HttpContext.Response, cacheable: name != "index.html");
        request.HttpContext.Response.Headers.ETag = asset.ETag;
        if (request.Headers.IfNoneMatch.ToString() == asset.ETag) return new StatusCodeResult(StatusCodes.Status304NotModified);
        return new FileContentResult(asset.Bytes, asset.ContentType);
    }
}

/// <summary>One embedded file of the page (logical name SchoolTwitter.Page.{file}).</summary>
public sealed record PageAsset(byte[] Bytes, string ContentType, string ETag)
{
    private const string Prefix = "SchoolTwitter.Page.";

    public static FrozenDictionary<string, PageAsset> LoadAll()
    {
        var assembly = typeof(PageAsset).Assembly;
        var assets = new Dictionary<string, PageAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var name = resource[Prefix.Length..];
            assets[name] = new PageAsset(bytes, TypeOf(name), $"\"{Convert.ToHexString(SHA256.HashData(bytes))[..16]}\"");
        }
        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string TypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}

/// <summary>GET page/me: who is signed in, in the page's words.</summary>
public sealed class PageMe(Microsoft.Extensions.Configuration.IConfiguration configuration)
{
    /// <summary>App setting SltPage__Notice: a banner across the page (the local trial says it is one); unset in production.</summary>
    public const string NoticeSetting = "SltPage:Notice";

    [Function("SltPageMe")]
    [SltOnly("page.refused", "page")]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "page/me")] HttpRequest request)
    {
        var me = request.Caller();
        return PageAnswers.Json(request, new
        {
            Name = me.Name ?? me.Email ?? "SLT member",
            me.Email,
            ManagesMembers = me.ManagesSltList,
            AgreementSignedOn = me.AgreementSignedOn is { } d ? PageAnswers.Day(d) : null,
            MayApprove = me.AgreementSignedOn is not null,
            AgreementMissing = me.AgreementSignedOn is null ? SltAgreement.MissingReason(me.Email) + "." : null,
            Notice = configuration[NoticeSetting] is { Length: > 0 } notice ? notice : null,
        });
    }
}
