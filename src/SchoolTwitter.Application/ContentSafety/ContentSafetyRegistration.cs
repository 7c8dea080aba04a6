using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SchoolTwitter.Application.ContentSafety;

/// <summary>The second check's settings and service. Off by default; Infrastructure replaces the port when an endpoint is set.</summary>
internal static class ContentSafetyRegistration
{
    public static void AddSecondOpinion(IServiceCollection services)
    {
        services.AddOptions<ContentSafetyOptions>()
            .BindConfiguration(ContentSafetyOptions.SectionName)
            .Validate(o => o.BlockAtSeverity is >= 1 and <= 7, $"{Setting(nameof(ContentSafetyOptions.BlockAtSeverity))} must be 1 to 7 (severities run 0 to 7).")
            .Validate(o => o.PeopleConfidence is > 0 and <= 1, $"{Setting(nameof(ContentSafetyOptions.PeopleConfidence))} must be above 0 and at most 1.")
            .Validate(o => o.RequestTimeout > TimeSpan.Zero, $"{Setting(nameof(ContentSafetyOptions.RequestTimeout))} must be positive.")
            .Validate(o => o.MaxAttempts is >= 1 and <= 5, $"{Setting(nameof(ContentSafetyOptions.MaxAttempts))} must be 1 to 5.")
            .Validate(o => o.InboundImageMaxBytes is > 0 and <= ContentSafetyOptions.ServiceImageLimitBytes,
                $"{Setting(nameof(ContentSafetyOptions.InboundImageMaxBytes))} must be 1 to {ContentSafetyOptions.ServiceImageLimitBytes} bytes (Content Safety takes images up to 4 MB).")
            .Validate(o => string.IsNullOrWhiteSpace(o.Endpoint)
                    || (Uri.TryCreate(o.Endpoint, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.IsLoopback)),
                $"{Setting(nameof(ContentSafetyOptions.Endpoint))} must be the Azure AI account's https endpoint, e.g. https://ai-school.cognitiveservices.azure.com/.")
            .ValidateOnStart();

        services.TryAddSingleton<IContentSafety, ContentSafetyOff>();
        // In this process only until Infrastructure replaces it with the table (the CLI has no storage and no second check).
        services.TryAddSingleton<ISecondCheckStatusStore, InProcessSecondCheckStatusStore>();
        services.TryAddSingleton<SecondCheckOutage>();
        services.TryAddSingleton<SecondOpinion>();
        services.TryAddSingleton<InboundSecondOpinion>();
    }

    private static string Setting(string property) => DependencyInjection.Setting(ContentSafetyOptions.SectionName, property);
}
