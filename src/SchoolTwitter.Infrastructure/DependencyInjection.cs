using System.Net;
using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Messaging;
using SchoolTwitter.Application.Notifications;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Application.X;
using SchoolTwitter.Infrastructure.Audit;
using SchoolTwitter.Infrastructure.Messaging;
using SchoolTwitter.Infrastructure.Notifications;
using SchoolTwitter.Infrastructure.Security;
using SchoolTwitter.Infrastructure.Storage;
using SchoolTwitter.Infrastructure.X;

namespace SchoolTwitter.Infrastructure;

/// <summary>Registers the X client, Azure Storage clients, audit log, notifier, message queue and SLT membership.</summary>
public static class DependencyInjection
{
    /// <summary>Name of the X client's resilience pipeline (retries reads only).</summary>
    public const string XReadRetryPipeline = "x-read-retry";

    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<XApiOptions>().Bind(configuration.GetSection(XApiOptions.SectionName));
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.SectionName));
        services.AddOptions<SltOptions>().Bind(configuration.GetSection(SltOptions.SectionName));

        // Storage: connection string (Azurite) or identity-based URIs with the managed identity; the same credential serves Key Vault.
        services.TryAddSingleton<TokenCredential>(_ => StorageClients.CredentialFromConfiguration(configuration));
        services.TryAddSingleton(sp => configuration[Configuration.SettingNames.StorageConnection] is { Length: > 0 }
            ? StorageClients.FromConfiguration(configuration)
            : StorageClients.FromConfiguration(configuration, sp.GetRequiredService<TokenCredential>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<StorageClients>().Tables);
        services.TryAddSingleton(sp => sp.GetRequiredService<StorageClients>().Queues);
        services.TryAddSingleton(sp => sp.GetRequiredService<StorageClients>().Blobs);

        services.TryAddSingleton<IAuditLog, BlobAuditLog>();
        services.TryAddSingleton<IMessageQueue, StorageMessageQueue>();
        services.TryAddSingleton<ISltMemberList, TableSltMemberList>();
        services.TryAddSingleton<SltDirectory>();
        services.TryAddSingleton<ISltDirectory>(sp => sp.GetRequiredService<SltDirectory>());

        services.AddHttpClient<INotifier, WebhookNotifier>(http => http.Timeout = Timeout.InfiniteTimeSpan);

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

        return services;
    }
}
