using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Application.Page;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Application.X;
using SchoolTwitter.Functions.Page;
using SchoolTwitter.Infrastructure.Configuration;
using SchoolTwitter.Infrastructure.Rotation;
using SchoolTwitter.LocalTrial.Loopback;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.KeyVault;
using SchoolTwitter.Testing.TestHost;

namespace SchoolTwitter.LocalTrial.Trial;

/// <summary>
/// A whole pretend school on one computer: the Functions app's services on Azurite, the fake X, the fake webhook and an
/// in-memory Key Vault (read through the real Key Vault adapter), served by <see cref="FunctionsLoopbackHost"/> with
/// <see cref="TrialSignIn"/> playing App Service Authentication. The browser tests and `dotnet run` both start this.
/// </summary>
public sealed class TrialSchool : IAsyncDisposable
{
    public const string Title = "Local trial of the school X account";
    public const string Notice = "LOCAL TRIAL: sample data and a pretend X on this computer. Nothing is posted anywhere.";

    public static readonly TrialPerson Head = new("head", "Amina Hughes", "head@trial-school.example", "head teacher; SLT manager; agreement signed", "SLT");
    public static readonly TrialPerson Deputy = new("deputy", "Tom Price", "deputy@trial-school.example", "deputy head; SLT manager; agreement signed", "SLT");
    public static readonly TrialPerson BusinessManager = new("sbm", "Jo Patel", "sbm@trial-school.example", "school business manager; on the SLT list; agreement not yet signed");
    public static readonly TrialPerson Teacher = new("teacher", "Sam Reid", "teacher@trial-school.example", "class teacher; not SLT");

    private TrialSchool(SchoolTwitterTestHost services, FakeKeyVault vault, FunctionsLoopbackHost host, TrialSignIn signIn)
    {
        Services = services;
        Vault = vault;
        Host = host;
        SignIn = signIn;
    }

    /// <summary>The app's services (and the fake X and webhook behind them).</summary>
    public SchoolTwitterTestHost Services { get; }

    public FakeKeyVault Vault { get; }

    public FunctionsLoopbackHost Host { get; }

    public TrialSignIn SignIn { get; }

    /// <summary>The SLT page's address.</summary>
    public Uri PageUrl => new(Host.BaseAddress, "api/page");

    public static async Task<TrialSchool> StartAsync(AzuriteFixture azurite, bool sampleData = true, int port = 0)
    {
        var vault = new FakeKeyVault(TimeProvider.System);
        var services = await SchoolTwitterTestHost.StartAsync(azurite, o =>
        {
            o.Settings[PageMe.NoticeSetting] = Notice;
            o.Settings[SettingNames.HeadTeacherContact] = Head.Email;
            o.ConfigureServices = s =>
            {
                // What executing an IActionResult needs outside the Functions worker.
                s.AddMvcCore();
                // The real Key Vault adapter and credential source, against the in-memory vault: rotation really swaps credentials.
                s.Replace(ServiceDescriptor.Singleton<SecretClient>(vault.Client()));
                s.RemoveAll<IXCredentialSource>();
                s.AddSingleton<IXCredentialSource>(sp => sp.GetRequiredService<KeyVaultXCredentialSource>());
            };
        });
        try
        {
            SeedCredentials(vault, services.X.Credentials);
            var signIn = new TrialSignIn([Head, Deputy, BusinessManager, Teacher]);
            var host = await FunctionsLoopbackHost.StartAsync(services.Services, signIn, Title, port);
            var school = new TrialSchool(services, vault, host, signIn);
            await school.AddPeopleAsync();
            if (sampleData) await SampleData.SeedAsync(school);
            return school;
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }

    /// <summary>The X credentials the fake X accepts, as onboarding would have put them in Key Vault.</summary>
    private static void SeedCredentials(FakeKeyVault vault, XCredentials credentials)
    {
        var expires = DateTimeOffset.UtcNow.AddDays(120);
        vault.Seed(SecretNames.ConsumerKey, credentials.ConsumerKey, expires);
        vault.Seed(SecretNames.ConsumerSecret, credentials.ConsumerSecret, expires);
        vault.Seed(SecretNames.AccessToken, credentials.AccessToken, expires);
        vault.Seed(SecretNames.AccessTokenSecret, credentials.AccessTokenSecret, expires);
    }

    /// <summary>The SLT list: the head and deputy (who hold the SLT role too) have signed the agreement; the business manager has not.</summary>
    private async Task AddPeopleAsync()
    {
        var list = Services.Get<ISltMemberList>();
        var signed = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(-2));
        foreach (var person in new[] { Head, Deputy, BusinessManager })
        {
            await list.AddAsync(person.Email, person.Name, "school IT", CancellationToken.None, EasyAuthHeaders.ObjectIdOf(person.Email));
            if (person != BusinessManager) await list.SetAgreementAsync(person.Email, signed, CancellationToken.None);
        }
    }

    /// <summary>Waits (at most a minute) until the stored draft satisfies <paramref name="done"/>; returns it.</summary>
    public async Task<DraftRecord> WaitForDraftAsync(string id, Func<DraftRecord, bool> done)
    {
        var store = Services.Get<IDraftStore>();
        var until = DateTimeOffset.UtcNow.AddMinutes(1);
        while (true)
        {
            var draft = await store.GetAsync(id, CancellationToken.None);
            if (draft is not null && done(draft)) return draft;
            if (DateTimeOffset.UtcNow > until) throw new TimeoutException($"Draft {id} is still {draft?.Status.ToString() ?? "missing"}.");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Services.DisposeAsync();
    }
}
