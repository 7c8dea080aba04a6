using System.Net;
using Azure.Core;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.ContentSafety;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Application.Followers;
using SchoolTwitter.Application.Messaging;
using SchoolTwitter.Application.Notifications;
using SchoolTwitter.Application.Protection;
using SchoolTwitter.Application.Rotation;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Application.X;
using SchoolTwitter.Infrastructure.Audit;
using SchoolTwitter.Infrastructure.Configuration;
using SchoolTwitter.Infrastructure.ContentSafety;
using SchoolTwitter.Infrastructure.Drafts;
using SchoolTwitter.Infrastructure.Followers;
using SchoolTwitter.Infrastructure.Images;
using SchoolTwitter.Infrastructure.Messaging;
using SchoolTwitter.Infrastructure.Notifications;
using SchoolTwitter.Infrastructure.Protection;
using SchoolTwitter.Infrastructure.Rotation;
using SchoolTwitter.Infrastructure.Security;
using SchoolTwitter.Infrastructure.X;

namespace SchoolTwitter.Infrastructure;

/// <summary>
/// Registers one adapter per Application port: Azure Storage tables, queues and blobs, Key Vault, the X client, the
/// notification webhook and image sanitising. The services that use them: Application's AddApplication (either order).
/// </summary>
public static class DependencyInjection
{
    /// <summary>Name of the X client's resilience pipeline (retries reads only).</summary>
    public const string XReadRetryPipeline = "x-read-retry";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        AddSettings(services);
        AddAzureClients(services, configuration);

        services.TryAddSingleton<IAuditLog, BlobAuditLog>();
        services.TryAddSingleton<IMessageQueue, StorageMessageQueue>();
        services.TryAddSingleton<ISltMemberList, TableSltMemberList>();

        services.TryAddSingleton<IDraftStore, TableDraftStore>();
        services.TryAddSingleton<IDraftMediaStore, BlobDraftMediaStore>();
        services.TryAddSingleton<IPupilRosterStore, TablePupilRosterStore>();
        services.TryAddSingleton<IStaffListStore, TableStaffListStore>();
        services.TryAddSingleton<IImageSanitiser, ImageSharpSanitiser>();

        services.TryAddSingleton<IPostRecordStore, TablePostRecordStore>();
        services.TryAddSingleton<IProtectionCaseStore, TableProtectionCaseStore>();

        services.TryAddSingleton<FollowerTables>();
        services.TryAddSingleton<IFollowerStore, TableFollowerStore>();
        services.TryAddSingleton<IFollowerCheckpointStore, TableFollowerCheckpointStore>();
        services.TryAddSingleton<IFollowerReviewStore, TableFollowerReviewStore>();
        services.TryAddSingleton<IApprovedFollowStore, TableApprovedFollowStore>();

        services.TryAddSingleton<IRotationStore, TableRotationStore>();
        AddCredentials(services, configuration);

        services.AddHttpClient<INotifier, WebhookNotifier>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        AddXClient(services);
        ContentSafetyClientRegistration.AddContentSafetyClient(services, configuration);
        // Outages of the second check are recorded in storage (the Application default is in this process only).
        services.Replace(ServiceDescriptor.Singleton<ISecondCheckStatusStore, TableSecondCheckStatusStore>());
        // Pictures in replies and mentions: X's public media addresses, no credentials, one attempt within the request time limit.
        // Without the client factory's request logging: a picture's address is not logged either.
        services.AddHttpClient(HttpInboundImages.HttpClientName, h => h.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();
        services.TryAddSingleton<IInboundImages, HttpInboundImages>();
        return services;
    }

    /// <summary>As Application's settings: bound from the section, checked, and checked when the host starts.</summary>
    private static void AddSettings(IServiceCollection services)
    {
        services.AddOptions<XApiOptions>()
            .BindConfiguration(XApiOptions.SectionName)
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp),
                $"{SettingNames.XApiBaseUrl} must be an absolute URL, e.g. https://api.x.com.")
            .Validate(o => o.RequestTimeout > TimeSpan.Zero, $"{Setting(XApiOptions.SectionName, nameof(XApiOptions.RequestTimeout))} must be positive.")
            .Validate(o => o.PostFieldsParameter is "tweet.fields" or "post.fields",
                $"{Setting(XApiOptions.SectionName, nameof(XApiOptions.PostFieldsParameter))} must be tweet.fields or post.fields.")
            .Validate(o => o.MentionsPageSize is >= 5 and <= 100, $"{Setting(XApiOptions.SectionName, nameof(XApiOptions.MentionsPageSize))} must be 5 to 100 (X's limits).")
            .ValidateOnStart();

        // The webhook URL is not required: a Key Vault reference that fails to resolve must not stop drafts being checked
        // and posted; the notifier logs each notification it cannot send.
        services.AddOptions<NotificationOptions>()
            .BindConfiguration(NotificationOptions.SectionName)
            .Validate(o => o.MaxAttempts >= 1, $"{Setting(NotificationOptions.SectionName, nameof(NotificationOptions.MaxAttempts))} must be at least 1.")
            .Validate(o => o.RetryDelay >= TimeSpan.Zero, $"{Setting(NotificationOptions.SectionName, nameof(NotificationOptions.RetryDelay))} must not be negative.")
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero, $"{Setting(NotificationOptions.SectionName, nameof(NotificationOptions.AttemptTimeout))} must be positive.")
            .ValidateOnStart();
    }

    /// <summary>
    /// Storage and Key Vault clients from the settings the Functions host itself reads (AzureWebJobsStorage): a connection
    /// string (Azurite: local runs and tests) or identity-based service URIs. One credential serves storage and Key Vault:
    /// AzureWebJobsStorage__credential=managedidentity with __clientId is the app's user-assigned identity; without them the
    /// default credential chain (a developer's own sign-in against real Azure).
    /// </summary>
    private static void AddAzureClients(IServiceCollection services, IConfiguration configuration)
    {
        var storage = configuration.GetSection(SettingNames.StorageConnection);
        var vaultUri = VaultUri(configuration);

        // The client factory would forward every Azure SDK event (each storage call at Information) to the app's loggers and
        // so to Application Insights: a forwarder with no loggers keeps them out.
        services.TryAddSingleton(_ => new AzureEventSourceLogForwarder(NullLoggerFactory.Instance));
        // The factory reads the credential settings as the host does; without them it falls back to the library's default
        // credential (DefaultAzureCredential). Each client is given this one instance, so tokens are fetched and cached once.
        services.TryAddSingleton<TokenCredential>(sp => sp.GetRequiredService<AzureComponentFactory>().CreateTokenCredential(storage));
        static TokenCredential TheCredential(IServiceProvider sp) => sp.GetRequiredService<TokenCredential>();

        services.AddAzureClients(azure =>
        {
            if (!string.IsNullOrWhiteSpace(storage.Value))
            {
                azure.AddTableServiceClient(storage.Value);
                azure.AddQueueServiceClient(storage.Value).ConfigureOptions(Base64Messages);
                azure.AddBlobServiceClient(storage.Value);
            }
            else
            {
                var (blob, queue, table) = StorageServiceUris(storage);
                azure.AddTableServiceClient(table).WithCredential(TheCredential);
                azure.AddQueueServiceClient(queue).WithCredential(TheCredential).ConfigureOptions(Base64Messages);
                azure.AddBlobServiceClient(blob).WithCredential(TheCredential);
            }

            if (vaultUri is not null)
            {
                azure.AddSecretClient(vaultUri).WithCredential(TheCredential);
            }
        });
    }

    /// <summary>As host.json's queues.messageEncoding, so queue triggers read what the services send.</summary>
    private static void Base64Messages(QueueClientOptions options) => options.MessageEncoding = QueueMessageEncoding.Base64;

    private static (Uri Blob, Uri Queue, Uri Table) StorageServiceUris(IConfigurationSection storage)
    {
        var prefix = SettingNames.StorageConnection;
        if (!Uri.TryCreate(storage["blobServiceUri"], UriKind.Absolute, out var blob)
            || !Uri.TryCreate(storage["queueServiceUri"], UriKind.Absolute, out var queue)
            || !Uri.TryCreate(storage["tableServiceUri"], UriKind.Absolute, out var table))
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set {prefix} to a connection string, or {prefix}__blobServiceUri, {prefix}__queueServiceUri, " +
                $"{prefix}__tableServiceUri and {prefix}__credential=managedidentity (with {prefix}__clientId for a user-assigned identity).");
        }

        return (blob, queue, table);
    }

    private static Uri? VaultUri(IConfiguration configuration)
    {
        var value = configuration[Key(SettingNames.KeyVaultUri)];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? uri
            : throw new InvalidOperationException($"{SettingNames.KeyVaultUri} must be the vault's https URI, e.g. https://kv-school.vault.azure.net/.");
    }

    /// <summary>
    /// With a vault configured, the X client reads the credentials from it and rotation writes them there. This replaces any
    /// settings-based source registered for a local run, so production can never fall back to a stale copy in app settings.
    /// Without one, status and rotation say plainly that Key Vault is not configured.
    /// </summary>
    private static void AddCredentials(IServiceCollection services, IConfiguration configuration)
    {
        if (VaultUri(configuration) is null)
        {
            services.TryAddSingleton<ICredentialVault, UnconfiguredCredentialVault>();
            return;
        }

        services.TryAddSingleton<ICredentialVault, KeyVaultCredentialVault>();
        services.TryAddSingleton<KeyVaultXCredentialSource>();
        services.Replace(ServiceDescriptor.Singleton<IXCredentialSource>(sp => sp.GetRequiredService<KeyVaultXCredentialSource>()));
    }

    private static void AddXClient(IServiceCollection services)
    {
        // The X client times each call itself. Only GETs retry (5xx, 408, network): POST /2/tweets has no idempotency key,
        // and a 429 is handed to the caller to reschedule after x-rate-limit-reset rather than burning retries.
        var x = services.AddHttpClient<IXAccount, XApiClient>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        x.AddResilienceHandler(XReadRetryPipeline, builder =>
            {
                // Back-off is infrastructure time, not business time: a test's fake clock must not freeze retries.
                builder.TimeProvider = TimeProvider.System;
                var retry = new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 2,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(500),
                    ShouldHandle = args => ValueTask.FromResult(
                        args.Outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests
                        && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                };
                retry.DisableForUnsafeHttpMethods();
                builder.AddRetry(retry);
            });

        // Added after the resilience handler, so it runs inside it: once per attempt.
        x.AddHttpMessageHandler(sp => new OAuth1SigningHandler(sp.GetRequiredService<TimeProvider>()));
    }

    /// <summary>App setting name (X__AccountId) to configuration key (X:AccountId), as the environment variables arrive.</summary>
    private static string Key(string settingName) => settingName.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);

    private static string Setting(string section, string property) => $"{section}__{property}";
}
