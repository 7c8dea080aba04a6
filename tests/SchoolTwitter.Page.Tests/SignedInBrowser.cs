using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SchoolTwitter.Page.Tests;

/// <summary>One signed-in browser on the SLT page: opens sections, runs axe-core, takes screenshots, and records what would betray a bug (CSP violations, script errors, every answer's body).</summary>
public sealed class SignedInBrowser : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly PageFixture _fixture;
    private readonly List<IResponse> _responses = [];

    public SignedInBrowser(IBrowserContext context, IPage page, PageFixture fixture)
    {
        _context = context;
        _fixture = fixture;
        Page = page;
        // Content-Security-Policy violations are reported on the console; a profile picture X's hosts cannot serve offline is not an error of the page.
        page.Console += (_, message) => { if (message.Type is "error" && !message.Text.Contains("ERR_NAME_NOT_RESOLVED", StringComparison.Ordinal)) Errors.Add(message.Text); };
        page.PageError += (_, error) => Errors.Add(error);
        page.Response += (_, response) =>
        {
            lock (_responses) _responses.Add(response);
            if (response.Status == 404) Errors.Add("not found: " + response.Url);
        };
    }

    public IPage Page { get; }

    /// <summary>Console errors (a CSP violation is one, a missing resource another) and uncaught script errors.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Opens a section by its link, as a person would, and waits until it has loaded.</summary>
    public async Task OpenAsync(string linkText)
    {
        await Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = linkText, Exact = true }).ClickAsync();
        await Expect(Page.Locator("#section-title")).ToHaveTextAsync(linkText);
        await Expect(Page.Locator("#section-body[aria-busy]")).ToHaveCountAsync(0);
    }

    /// <summary>The status line's text once it is not empty.</summary>
    public async Task<string> StatusAsync()
    {
        var status = Page.Locator("#status");
        await Expect(status).Not.ToBeEmptyAsync();
        return await status.InnerTextAsync();
    }

    /// <summary>axe-core's WCAG 2.0/2.1/2.2 A and AA rules on the page as it is now: the violations, described.</summary>
    public async Task<IReadOnlyList<string>> AxeViolationsAsync()
    {
        // Injected through the DevTools protocol, not a script tag: the page's CSP (script-src 'self') stays on.
        await Page.EvaluateAsync("(() => {" + _fixture.AxeSource + "\n})()");
        var result = await Page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })).violations" +
            ".map(v => v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))");
        return [.. result.EnumerateArray().Select(v => v.GetString()!)];
    }

    public Task ScreenshotAsync(string name, bool fullPage = true) =>
        Page.ScreenshotAsync(new() { Path = Path.Combine(_fixture.Screenshots, name + ".png"), FullPage = fullPage });

    /// <summary>Every body the app answered with so far (HTML, script, JSON, CSV), for proving what never came back.</summary>
    public async Task<IReadOnlyList<string>> BodiesAsync()
    {
        IResponse[] responses;
        lock (_responses) responses = [.. _responses];
        var bodies = new List<string>();
        foreach (var response in responses)
        {
            try
            {
                bodies.Add(await response.TextAsync());
            }
            catch (PlaywrightException)
            {
                // Redirects and aborted answers have no body.
            }
        }
        return bodies;
    }

    /// <summary>A request from the page's own script, with or without the page's anti-forgery header: (status, body).</summary>
    public async Task<(int Status, string Body)> FetchAsync(string method, string path, string? json = null, bool pageHeader = true)
    {
        var result = await Page.EvaluateAsync<JsonElement>(
            """
            async ([method, path, json, pageHeader]) => {
              const headers = { 'Content-Type': 'application/json' };
              if (pageHeader) headers['X-SchoolTwitter-Page'] = '1';
              const r = await fetch(path, { method, headers, body: json ?? undefined, credentials: 'same-origin' });
              return { status: r.status, body: await r.text() };
            }
            """, new object?[] { method, path, json, pageHeader });
        return (result.GetProperty("status").GetInt32(), result.GetProperty("body").GetString()!);
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
