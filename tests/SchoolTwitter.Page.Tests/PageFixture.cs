using Microsoft.Playwright;
using SchoolTwitter.LocalTrial.Trial;
using SchoolTwitter.Testing;
using SchoolTwitter.Testing.Azurite;

namespace SchoolTwitter.Page.Tests;

[CollectionDefinition(Name)]
public sealed class PageCollection : ICollectionFixture<PageFixture>
{
    public const string Name = "SLT page in Chromium";
}

/// <summary>
/// One pretend school (<see cref="TrialSchool"/>: Azurite, the fake X, the loopback host with sample data) and one Chromium
/// for all the browser tests. Chromium is Debian's (apt-get install -y chromium), driven by Playwright; a missing browser
/// or axe-core fails the tests with what to install, never skips them.
/// </summary>
public sealed class PageFixture : IAsyncLifetime
{
    public const string ChromiumSetting = "SCHOOLTWITTER_CHROMIUM";

    private readonly AzuriteFixture _azurite = new();
    private IPlaywright? _playwright;

    public TrialSchool School { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>axe-core's browser build (npm axe-core, from the repo's node_modules).</summary>
    public string AxeSource { get; private set; } = null!;

    /// <summary>Where screenshots go: the test output folder, never the repository.</summary>
    public string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static string ChromiumPath => Environment.GetEnvironmentVariable(ChromiumSetting) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ChromiumPath}: the SLT page's browser tests need it (Debian: apt-get install -y chromium; " +
                $"elsewhere set {ChromiumSetting} to a Chromium or Chrome executable).{(Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ? " CI must install it before dotnet test." : "")}");
        }
        var axe = Path.Combine(RepoRoot.Find(), "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(axe)) throw new InvalidOperationException($"axe-core is not installed at {axe}: run npm ci at the repository root.");
        AxeSource = await File.ReadAllTextAsync(axe);

        Directory.CreateDirectory(Screenshots);
        await _azurite.InitializeAsync();
        School = await TrialSchool.StartAsync(_azurite);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser (its own cookies) signed in as <paramref name="person"/> through the trial's sign-in page.</summary>
    public async Task<SignedInBrowser> SignInAsync(LocalTrial.Loopback.TrialPerson person, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = School.Host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
        });
        // Bounded, but generous: on a 2-core CI machine Azurite, the host and Chromium share the cores with the other test
        // projects' builds, and a first page load has been seen to take over 20 s there.
        context.SetDefaultTimeout(45_000);
        var page = await context.NewPageAsync();
        var browser = new SignedInBrowser(context, page, this);
        await page.GotoAsync("/.auth/login/aad?post_login_redirect_uri=/api/page");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in as " + person.Name }).ClickAsync();
        await page.WaitForURLAsync("**/api/page**");
        return browser;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (School is not null) await School.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
