using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.ApplicationInsights.Extensibility;

namespace SchoolTwitter.Functions.Http;

/// <summary>
/// Drops query strings from HTTP dependency and request telemetry: the notification webhook URL carries its signature
/// (sig=...) and function URLs their key (code=...) in the query, and neither may reach Application Insights.
/// </summary>
public sealed class RedactUrlQueryTelemetryInitializer : ITelemetryInitializer
{
    public void Initialize(ITelemetry telemetry)
    {
        switch (telemetry)
        {
            case DependencyTelemetry dependency when string.Equals(dependency.Type, "Http", StringComparison.OrdinalIgnoreCase):
                dependency.Data = WithoutQuery(dependency.Data);
                dependency.Name = WithoutQuery(dependency.Name);
                break;
            case RequestTelemetry request when request.Url is { Query.Length: > 0 } url:
                request.Url = new UriBuilder(url) { Query = string.Empty }.Uri;
                break;
        }
    }

    public static string? WithoutQuery(string? value) =>
        value is not null && value.IndexOf('?') is var i and >= 0 ? value[..i] : value;
}
