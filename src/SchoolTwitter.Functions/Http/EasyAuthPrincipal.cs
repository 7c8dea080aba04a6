using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using SchoolTwitter.Application.Security;

namespace SchoolTwitter.Functions.Http;

/// <summary>
/// Reads the Easy Auth principal headers of a request (see <see cref="ClientPrincipalParser"/> for the forgery checks), but
/// only when the platform says App Service Authentication is on: with it off, nothing strips client-sent copies of the
/// headers, so anyone holding the function key could claim to be anyone.
/// </summary>
public static class EasyAuthPrincipal
{
    /// <summary>Set by App Service to "True" when App Service Authentication is on for the app (never an app setting of ours).</summary>
    public const string EnabledSetting = "WEBSITE_AUTH_ENABLED";

    public static bool IsEnabled(IConfiguration configuration) =>
        string.Equals(configuration[EnabledSetting]?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    public static PrincipalReading Read(HttpRequest request, bool easyAuthEnabled)
    {
        if (!easyAuthEnabled) return PrincipalReading.AuthenticationOff;

        var headers = request.Headers;
        if (headers[ClientPrincipalParser.PrincipalHeader].Count > 1
            || headers[ClientPrincipalParser.PrincipalIdHeader].Count > 1
            || headers[ClientPrincipalParser.PrincipalNameHeader].Count > 1)
        {
            return PrincipalReading.Forged("Easy Auth headers sent more than once.");
        }

        return ClientPrincipalParser.Read(
            Single(headers, ClientPrincipalParser.PrincipalHeader),
            Single(headers, ClientPrincipalParser.PrincipalIdHeader),
            Single(headers, ClientPrincipalParser.PrincipalNameHeader),
            Single(headers, ClientPrincipalParser.PrincipalIdpHeader));
    }

    private static string? Single(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
}
