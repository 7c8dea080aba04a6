using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using SchoolTwitter.Application.ContentSafety;

namespace SchoolTwitter.Infrastructure.ContentSafety;

/// <summary>
/// With ContentSafety__Endpoint set, the second check calls Azure AI; without it the Application default (rules alone) stays.
/// Every call is a read, so each retries: 429 after its Retry-After, 5xx, timeouts and network errors, within a total limit.
/// </summary>
internal static class ContentSafetyClientRegistration
{
    public static void AddContentSafetyClient(IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[$"{ContentSafetyOptions.SectionName}:{nameof(ContentSafetyOptions.Endpoint)}"])) return;

        services.AddHttpClient(AzureContentSafety.HttpClientName, h => h.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("azure-ai-retry", (builder, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<ContentSafetyOptions>>().Value;
                builder.TimeProvider = TimeProvider.System;
                // The whole call, Retry-After waits included, stays well inside a queue-triggered function's time.
                builder.AddTimeout(o.RequestTimeout * o.MaxAttempts + TimeSpan.FromSeconds(30));
                if (o.MaxAttempts > 1)
                {
                    builder.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = o.MaxAttempts - 1,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = TimeSpan.FromMilliseconds(200),
                        MaxDelay = TimeSpan.FromSeconds(30),
                        ShouldRetryAfterHeader = true,
                    });
                }
                builder.AddTimeout(o.RequestTimeout);
            });

        services.TryAddSingleton<AzureContentSafety>();
        services.Replace(ServiceDescriptor.Singleton<IContentSafety>(sp => sp.GetRequiredService<AzureContentSafety>()));
    }
}
