using System.Collections.Concurrent;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Notifications;
using SchoolTwitter.Application.Rotation;
using SchoolTwitter.Application.X;
using SchoolTwitter.Infrastructure.Audit;
using SchoolTwitter.Infrastructure.Configuration;
using SchoolTwitter.Infrastructure.Rotation;
using SchoolTwitter.Infrastructure.Storage;
using SchoolTwitter.Infrastructure.X;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.FakeX;
using SchoolTwitter.Testing.Logging;

using SchoolTwitter.Testing.KeyVault;

namespace SchoolTwitter.Integration.Tests.Rotation;

/// <summary>
/// The rotation workflow wired as in production — table store on Azurite, Key Vault adapter and credential source over the
/// in-memory Key Vault transport, the real X client against the fake X — with one fake clock for all of them.
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
        var options = Options.Create(new RotationOptions { AccountId = AccountId, HeadTeacherContact = HeadTeacher });
        var tables = new TableServiceClient(Azurite.ConnectionString);
        // The audit log keeps its record of subjects across restarts (the test's knowledge, not the services').
        _audit ??= new PrefixedAuditLog(new TableAuditLog(new StorageClients(tables, new QueueServiceClient(Azurite.ConnectionString), new BlobServiceClient(Azurite.ConnectionString))), AccountId);
        var secrets = Vault.Client();
        CredentialSource = new KeyVaultXCredentialSource(secrets, Time, Logger<KeyVaultXCredentialSource>());
        var http = new HttpClient();
        var client = new XApiClient(http, CredentialSource, Time, Options.Create(new XApiOptions { BaseUrl = X.BaseUrl, AccountId = AccountId }), Logger<XApiClient>());
        XAccount = new GatedXAccount(client);
        Store = new TableRotationStore(tables, options);
        CredentialVault = new KeyVaultCredentialVault(secrets, Logger<KeyVaultCredentialVault>());
        Terms = new TermCalendarService(Store, Audit, Time, Logger<TermCalendarService>());
        Check = new RotationCheckService(Store, CredentialVault, Notifier, Audit, options, Time, Logger<RotationCheckService>());
        Rotation = new CredentialRotationService(Store, CredentialVault, XAccount, CredentialSource, Notifier, Audit, options, Time, Logger<CredentialRotationService>());
        Status = new CredentialStatusService(Store, CredentialVault, Time, Logger<CredentialStatusService>());
    }

    public ILogger<T> Logger<T>() => Logs.CreateLogger<T>();

    public async ValueTask DisposeAsync() => await X.DisposeAsync();
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
/// The real table audit log on Azurite, with each subject prefixed by the test's account id: cycle ids such as
/// 2026-27-autumn recur in every test, and the AuditLog table is shared.
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

    public async IAsyncEnumerable<AuditEntry> ReadBetweenAsync(DateTimeOffset from, DateTimeOffset to,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var e in inner.ReadBetweenAsync(from, to, ct))
        {
            if (e.Subject.StartsWith(prefix + "/", StringComparison.Ordinal)) yield return e with { Subject = e.Subject[(prefix.Length + 1)..] };
        }
    }

    /// <summary>Every entry this log wrote, read back from the table, in time order.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadAllAsync()
    {
        var all = new List<AuditEntry>();
        foreach (var subject in _subjects.Keys) all.AddRange(await ReadAsync(subject, CancellationToken.None));
        return [.. all.OrderBy(e => e.At)];
    }
}

/// <summary>The real X client, with a gate before verifying submitted credentials, so a test can hold one submission mid-flight.</summary>
public sealed class GatedXAccount(IXAccount inner) : IXAccount
{
    public Func<Task>? BeforeVerify { get; set; }

    public Task<XUser> GetMeAsync(CancellationToken ct) => inner.GetMeAsync(ct);

    public async Task<XUser> GetMeAsync(XCredentials credentials, CancellationToken ct)
    {
        if (BeforeVerify is { } gate) await gate();
        return await inner.GetMeAsync(credentials, ct);
    }

    public Task<XPost> CreatePostAsync(XNewPost post, CancellationToken ct) => inner.CreatePostAsync(post, ct);
    public Task<string> UploadImageAsync(ReadOnlyMemory<byte> image, string mediaType, CancellationToken ct) => inner.UploadImageAsync(image, mediaType, ct);
    public Task SetAltTextAsync(string mediaId, string altText, CancellationToken ct) => inner.SetAltTextAsync(mediaId, altText, ct);
    public Task<XPage<XPost>> GetRecentPostsAsync(string userId, int maxResults, string? paginationToken, CancellationToken ct) => inner.GetRecentPostsAsync(userId, maxResults, paginationToken, ct);
    public Task<XPage<XUser>> GetFollowersAsync(string userId, string? paginationToken, CancellationToken ct, int? maxResults = null) => inner.GetFollowersAsync(userId, paginationToken, ct, maxResults);
    public Task<XPage<XUser>> GetFollowingAsync(string userId, string? paginationToken, CancellationToken ct) => inner.GetFollowingAsync(userId, paginationToken, ct);
    public Task<XPage<XPost>> GetMentionsAsync(string userId, string? sinceId, string? paginationToken, CancellationToken ct) => inner.GetMentionsAsync(userId, sinceId, paginationToken, ct);
    public Task MuteAsync(string userId, string targetUserId, CancellationToken ct) => inner.MuteAsync(userId, targetUserId, ct);
    public Task HideReplyAsync(string postId, CancellationToken ct) => inner.HideReplyAsync(postId, ct);
}
