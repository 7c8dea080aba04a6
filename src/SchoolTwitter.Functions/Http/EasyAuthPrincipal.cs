using Microsoft.AspNetCore.Http;
using SchoolTwitter.Application.Security;

namespace SchoolTwitter.Functions.Http;

/// <summary>Reads the Easy Auth principal headers of a request (see <see cref="ClientPrincipalParser"/> for the forgery checks).</summary>
public static class EasyAuthPrincipal
{
    public static PrincipalReading Read(HttpRequest request)
    {
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
