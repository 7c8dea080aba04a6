using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Notifications;
using SchoolTwitter.Application.Rotation;
using SchoolTwitter.Application.X;
using SchoolTwitter.Infrastructure;
using SchoolTwitter.Infrastructure.Audit;
using SchoolTwitter.Infrastructure.Configuration;
using SchoolTwitter.Infrastructure.Rotation;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.FakeX;
using SchoolTwitter.Testing.Logging;
using SchoolTwitter.Testing.KeyVault;
using SchoolTwitter.Testing.TestHost;

namespace SchoolTwitter.Integration.Tests.Rotation;

/// <summary>
/// The rotation workflow wired by Program.cs's own registrations — table store on Azurite, Key Vault adapter and credential
/// source over the in-memory Key Vault transport, the real X client against the fake X — with one fake clock for all of them.
/// <see cref="Restart"/> builds new service instances over the same storage, as a new function host would.
/// </summary>
public sealed class RotationHarness : IAsyncDisposable
{
    public const string HeadTeacher = "head@school.example";

    private RotationHarness(AzuriteFixture azurite, FakeTimeProvider time, FakeXServer x, string accountId)
    {
        Azurite = azurite;
        Time = time;
        X = x;
        AccountId = accountId;
        Vault = new FakeKeyVault(time);
        Logs = new CapturingLoggerProvider();
        Restart();
    }

    public AzuriteFixture Azurite { get; }
    public FakeTimeProvider Time { get; }
    public FakeXServer X { get; }
    public string AccountId { get; }
    public FakeKeyVault Vault { get; }
    public CapturingLoggerProvider Logs { get; }
    public RecordingNotifier Notifier { get; } = new();
    private readonly List<ServiceProvider> _providers = [];
    private PrefixedAuditLog? _audit;

    public PrefixedAuditLog Audit => _audit!;

    public KeyVaultXCredentialSource CredentialSource { get; private set; } = null!;
    public GatedXAccount XAccount { get; private set; } = null!;
    public IRotationStore Store { get; private set; } = null!;
    public TermCalendarService Terms { get; private set; } = null!;
    public RotationCheckService Check { get; private set; } = null!;
    public CredentialRotationService Rotation { get; private set; } = null!;
    public CredentialStatusService Status { get; private set; } = null!;
    public ICredentialVault CredentialVault { get; private set; } = null!;

    public static async Task<RotationHarness> StartAsync(AzuriteFixture azurite, DateTimeOffset start)
    {
        var time = new FakeTimeProvider(start);
        var accountId = "16" + Random.Shared.NextInt64(10_000_000_000_000_000, 99_999_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var x = await FakeXServer.StartAsync(accountId: accountId, time: time);
        return new RotationHarness(azurite, time, x, accountId);
    }

    /// <summary>Puts the fake X's starting credentials in the vault, as onboarding would.</summary>
    public void SeedCredentials(XCredentials credentials, DateTimeOffset createdOn, DateTimeOffset expiresOn)
    {
        Vault.Seed(SecretNames.ConsumerKey, credentials.ConsumerKey, expiresOn, createdOn: createdOn);
        Vault.Seed(SecretNames.ConsumerSecret, credentials.ConsumerSecret, expiresOn, createdOn: createdOn);
        Vault.Seed(SecretNames.AccessToken, credentials.AccessToken, expiresOn, createdOn: createdOn);
        Vault.Seed(SecretNames.AccessTokenSecret, credentials.AccessTokenSecret, expiresOn, createdOn: createdOn);
    }

    /// <summary>New instances of everything but the storage, the vault and the clock.</summary>
    public void Restart()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SettingNames.StorageConnection] = Azurite.ConnectionString,
            [Key(SettingNames.XApiBaseUrl)] = X.BaseUrl,
            [Key(SettingNames.XAccountId)] = AccountId,
            [Key(SettingNames.HeadTeacherContact)] = HeadTeacher,
            [Key(SettingNames.KeyVaultUri)] = FakeKeyVault.VaultUri.ToString(),
        }).Build();

        // Program.cs's registrations; only the edges a test controls are swapped: the clock, Key Vault's transport, the notifier,
        // the audit log's subjects, and a gate before X verifies submitted credentials.
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.ClearProviders().AddProvider(Logs).SetMinimumLevel(LogLevel.Debug))
            .AddSingleton<TimeProvider>(Time)
            .AddApplication()
            .AddInfrastructure(configuration);
        services.Replace(ServiceDescriptor.Singleton(_ => Vault.Client()));
        services.Replace(ServiceDescriptor.Singleton<INotifier>(Notifier));
        // The audit log keeps its record of subjects across restarts (the test's knowledge, not the services').
        services.Replace(ServiceDescriptor.Singleton<IAuditLog>(sp => _audit ??= new PrefixedAuditLog(ActivatorUtilities.CreateInstance<BlobAuditLog>(sp), AccountId)));
        var x = services.Single(d => d.ServiceType == typeof(IXAccount));
        services.Replace(ServiceDescriptor.Singleton<IXAccount>(sp => new GatedXAccount((IXAccount)x.ImplementationFactory!(sp))));

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _providers.Add(provider);
        _audit ??= (PrefixedAuditLog)provider.GetRequiredService<IAuditLog>();
        CredentialSource = provider.GetRequiredService<KeyVaultXCredentialSource>();
        XAccount = (GatedXAccount)provider.GetRequiredService<IXAccount>();
        Store = provider.GetRequiredService<IRotationStore>();
        CredentialVault = provider.GetRequiredService<ICredentialVault>();
        Terms = provider.GetRequiredService<TermCalendarService>();
        Check = provider.GetRequiredService<RotationCheckService>();
        Rotation = provider.GetRequiredService<CredentialRotationService>();
        Status = provider.GetRequiredService<CredentialStatusService>();
    }

    public ILogger<T> Logger<T>() => Logs.CreateLogger<T>();

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers) await provider.DisposeAsync();
        await X.DisposeAsync();
    }

    private static string Key(string settingName) => SchoolTwitterTestHost.Key(settingName);
}

public sealed class RecordingNotifier : INotifier
{
    private readonly ConcurrentQueue<(DateTimeOffset At, Notification Notification)> _sent = new();
    private int _failNext;

    public TimeProvider? Time { get; set; }

    public IReadOnlyList<(DateTimeOffset At, Notification Notification)> Sent => [.. _sent];

    public void FailNext(int count) => _failNext = count;

    public Task NotifyAsync(Notification notification, CancellationToken ct)
    {
        if (_failNext > 0)
        {
            _failNext--;
            throw new HttpRequestException("The notification webhook answered 500.");
        }

        _sent.Enqueue((Time?.GetUtcNow() ?? DateTimeOffset.UtcNow, notification));
        return Task.CompletedTask;
    }
}

/// <summary>
/// The real audit log on Azurite, with each subject prefixed by the test's account id: cycle ids such as
/// 2026-27-autumn recur in every test, and the audit log is shared.
/// </summary>
public sealed class PrefixedAuditLog(IAuditLog inner, string prefix) : IAuditLog
{
    private readonly ConcurrentDictionary<string, byte> _subjects = new();

    public Task AppendAsync(AuditEntry entry, CancellationToken ct)
    {
        _subjects.TryAdd(entry.Subject, 0);
        return inner.AppendAsync(entry with { Subject = $"{prefix}/{entry.Subject}" }, ct);
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string subject, CancellationToken ct) =>
        [.. (await inner.ReadAsync($"{prefix}/{subject}", ct)).Select(e => e with { Subject = subject })];

    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken ct) =>
        [.. (await inner.QueryAsync(query with { Subject = query.Subject is null ? null : $"{prefix}/{query.Subject}" }, ct))
            .Where(e => e.Subject.StartsWith(prefix + "/", StringComparison.Ordinal))
            .Select(e => e with { Subject = e.Subject[(prefix.Length + 1)..] })];

    /// <summary>Every entry this log wrote, read back from the table, in time order.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadAllAsync()
    {
        var all = new List<AuditEntry>();
        foreach (var subject in _subjects.Keys) all.AddRange(await ReadAsync(subject, CancellationToken.None));
        return [.. all.OrderBy(e => e.At)];
    }
}

/// <summary>The real X client, with a gate before verifying submitted credentials, so a test can hold one submission mid-flight.</summary>
public sealed class GatedXAccount(IXAccount inner) : ForwardingXAccount(inner)
{
    public Func<Task>? BeforeVerify { get; set; }

    public override async Task<XUser> GetMeAsync(XCredentials credentials, CancellationToken ct)
    {
        if (BeforeVerify is { } gate) await gate();
        return await Inner.GetMeAsync(credentials, ct);
    }
}
