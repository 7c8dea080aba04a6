using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SchoolTwitter.Application;
using SchoolTwitter.Application.X;
using SchoolTwitter.Infrastructure;
using SchoolTwitter.Infrastructure.Configuration;
using SchoolTwitter.Infrastructure.X;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.FakeWebhook;
using SchoolTwitter.Testing.FakeX;
using SchoolTwitter.Testing.Logging;

namespace SchoolTwitter.Testing.TestHost;

/// <summary>What a test may change about the host.</summary>
public sealed class SchoolTwitterTestHostOptions
{
    /// <summary>App settings by their names (SettingNames constants, "__" or ":" separators); null removes a default.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The clock for the services and the fake X (e.g. a FakeTimeProvider). Default: the system clock.</summary>
    public TimeProvider? Time { get; set; }

    /// <summary>Last-word service changes (after every AddXxx and the test credential source).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }
}

/// <summary>
/// The service provider Program.cs builds (AddApplication, AddInfrastructure), pointed at Azurite, a fresh fake X and a fresh
/// fake webhook, with the X credentials served by a <see cref="StaticXCredentialSource"/>.
/// Functions are tested by resolving them (or their services) from <see cref="Services"/> and calling them directly.
/// </summary>
public sealed class SchoolTwitterTestHost : IAsyncDisposable
{
    private readonly Func<ServiceProvider> _build;
    private ServiceProvider _provider;

    private SchoolTwitterTestHost(Func<ServiceProvider> build, IConfiguration configuration, FakeXServer x, FakeWebhookServer webhook,
        StaticXCredentialSource credentials, CapturingLoggerProvider logs, TimeProvider time)
    {
        _build = build;
        _provider = build();
        Configuration = configuration;
        X = x;
        Webhook = webhook;
        Credentials = credentials;
        Logs = logs;
        Time = time;
    }

    public IServiceProvider Services => _provider;

    public IConfiguration Configuration { get; }

    public FakeXServer X { get; }

    public FakeWebhookServer Webhook { get; }

    /// <summary>Serves the fake X's credentials; swap or replace them to simulate rotation.</summary>
    public StaticXCredentialSource Credentials { get; }

    /// <summary>Every log line the services wrote.</summary>
    public CapturingLoggerProvider Logs { get; }

    public TimeProvider Time { get; }

    /// <summary>The defaults every host starts with (before a test's overrides), keyed as configuration paths.</summary>
    public static Dictionary<string, string?> DefaultSettings(AzuriteFixture azurite, FakeXServer x, FakeWebhookServer webhook) => new(StringComparer.OrdinalIgnoreCase)
    {
        [SettingNames.StorageConnection] = azurite.ConnectionString,
        [Key(SettingNames.XApiBaseUrl)] = x.BaseUrl,
        [Key(SettingNames.XAccountId)] = x.AccountId,
        [Key(SettingNames.XReplySettings)] = "following",
        [Key(SettingNames.NotificationWebhookUrl)] = webhook.Url,
        ["Notifications:RetryDelay"] = "00:00:00.050",
        ["Notifications:AttemptTimeout"] = "00:00:05",
        ["X:RequestTimeout"] = "00:00:05",
        [Key(SettingNames.SltAppRole)] = "SLT",
        [Key(SettingNames.SltGroupIds)] = string.Empty,
        [Key(SettingNames.SltFlowClientId)] = EasyAuthHeaders.FlowClientId,
        // As App Service sets it when App Service Authentication is on (infra/ turns it on); a test removes it for "off".
        ["WEBSITE_AUTH_ENABLED"] = "True",
        [Key(SettingNames.KeyVaultUri)] = "https://kv-schooltwitter-test.vault.azure.net/",
        [Key(SettingNames.WeeklyFollowerScanSchedule)] = "0 0 16 * * 5",
        [Key(SettingNames.InboundModerationSchedule)] = "0 */15 * * * *",
        [Key(SettingNames.CredentialRotationSchedule)] = "0 0 7 * * *",
        [Key(SettingNames.DraftSweepSchedule)] = "0 */10 * * * *",
    };

    public static async Task<SchoolTwitterTestHost> StartAsync(AzuriteFixture azurite, Action<SchoolTwitterTestHostOptions>? configure = null)
    {
        var options = new SchoolTwitterTestHostOptions();
        configure?.Invoke(options);
        var time = options.Time ?? TimeProvider.System;

        var x = await FakeXServer.StartAsync(time: time);
        var webhook = await FakeWebhookServer.StartAsync();
        try
        {
            var settings = DefaultSettings(azurite, x, webhook);
            foreach (var (name, value) in options.Settings)
            {
                settings[Key(name)] = value;
            }

            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(settings.Where(s => s.Value is not null))
                .Build();

            var logs = new CapturingLoggerProvider();
            var credentials = new StaticXCredentialSource(x.Credentials);
            ServiceProvider Build()
            {
                var services = new ServiceCollection();
                services.AddSingleton<IConfiguration>(configuration);
                services.AddLogging(b => b.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
                services.AddSingleton(time);

                services
                    .AddApplication()
                    .AddInfrastructure(configuration);

                // The Key Vault credential source (rotation) is replaced by fixed credentials the fake X accepts.
                services.RemoveAll<IXCredentialSource>();
                services.AddSingleton(credentials);
                services.AddSingleton<IXCredentialSource>(credentials);
                options.ConfigureServices?.Invoke(services);

                return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
            }

            return new SchoolTwitterTestHost(Build, configuration, x, webhook, credentials, logs, time);
        }
        catch
        {
            await x.DisposeAsync();
            await webhook.DisposeAsync();
            throw;
        }
    }

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>
    /// Stops the "process" and starts another: a fresh service provider (same settings, same fake X, webhook and storage),
    /// the old one disposed, so in-memory state is lost and work still running on it fails as a killed process's would.
    /// Resolve services again afterwards.
    /// </summary>
    public async Task RestartAsync()
    {
        var old = Interlocked.Exchange(ref _provider, _build());
        await old.DisposeAsync();
    }

    /// <summary>Creates a class (e.g. a function) with constructor injection, as the Functions worker activates functions.</summary>
    public T Create<T>() where T : notnull => ActivatorUtilities.CreateInstance<T>(_provider);

    /// <summary>An HTTP request as the Functions ASP.NET Core integration would pass it (RequestServices = this host).</summary>
    public Microsoft.AspNetCore.Http.HttpRequest Request(string method, string path, string? body = null, string contentType = "application/json",
        IReadOnlyDictionary<string, string>? headers = null) =>
        TestHttpRequests.Create(method, path, body is null ? null : System.Text.Encoding.UTF8.GetBytes(body), contentType, headers, _provider);

    /// <summary>A scope for scoped services (as one function invocation would have).</summary>
    public AsyncServiceScope CreateScope() => _provider.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await X.DisposeAsync();
        await Webhook.DisposeAsync();
    }

    /// <summary>App setting name (X__BaseUrl) to configuration path (X:BaseUrl).</summary>
    public static string Key(string settingName) => settingName.Replace("__", ":", StringComparison.Ordinal);
}
