using System.Text;
using System.Text.Json;

namespace SchoolTwitter.Application.Security;

/// <summary>
/// Outcome of reading the Easy Auth headers: none sent, a consistent principal, a malformed/inconsistent (forged) one, or
/// not read at all because App Service Authentication is off (then nothing in the headers can be believed).
/// </summary>
public sealed record PrincipalReading(ClientPrincipal? Principal, string? ForgeryReason)
{
    public static PrincipalReading None { get; } = new(null, null);

    /// <summary>Easy Auth is off: the headers were not read. See <see cref="AuthenticationOffReason"/>.</summary>
    public static PrincipalReading AuthenticationOff { get; } = new(null, null) { IsAuthenticationOff = true };

    public const string AuthenticationOffReason =
        "App Service Authentication (Easy Auth) is not turned on for this app, so no caller can be trusted as SLT; " +
        "turn it on as docs/deploy.md describes (infra/ configures it)";

    public bool IsForged => ForgeryReason is not null;

    public bool IsAuthenticationOff { get; private init; }

    public static PrincipalReading Forged(string reason) => new(null, reason);
}

/// <summary>
/// Parses X-MS-CLIENT-PRINCIPAL and checks it against X-MS-CLIENT-PRINCIPAL-ID / -NAME / -IDP. Easy Auth sets all of them
/// together and strips client-sent copies, so any malformed value or disagreement means someone crafted the headers.
/// </summary>
public static class ClientPrincipalParser
{
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";
    public const string PrincipalIdHeader = "X-MS-CLIENT-PRINCIPAL-ID";
    public const string PrincipalNameHeader = "X-MS-CLIENT-PRINCIPAL-NAME";
    public const string PrincipalIdpHeader = "X-MS-CLIENT-PRINCIPAL-IDP";

    /// <summary>Easy Auth principals are a few KB; anything far larger is not one.</summary>
    public const int MaxHeaderLength = 32 * 1024;

    public static PrincipalReading Read(string? principal, string? principalId, string? principalName, string? principalIdp)
    {
        if (string.IsNullOrEmpty(principal))
        {
            return principalId is null && principalName is null && principalIdp is null
                ? PrincipalReading.None
                : PrincipalReading.Forged($"{PrincipalIdHeader}/{PrincipalNameHeader}/{PrincipalIdpHeader} sent without {PrincipalHeader}.");
        }

        if (principal.Length > MaxHeaderLength)
        {
            return PrincipalReading.Forged($"{PrincipalHeader} is longer than {MaxHeaderLength} characters.");
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(principal.Trim());
        }
        catch (FormatException)
        {
            return PrincipalReading.Forged($"{PrincipalHeader} is not base64.");
        }

        ClientPrincipal parsed;
        try
        {
            using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(bytes));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("auth_typ", out var authType) || authType.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(authType.GetString())
                || !root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                return PrincipalReading.Forged($"{PrincipalHeader} lacks auth_typ or claims.");
            }

            var list = new List<ClientPrincipalClaim>();
            foreach (var claim in claims.EnumerateArray())
            {
                if (claim.ValueKind != JsonValueKind.Object
                    || !claim.TryGetProperty("typ", out var typ) || typ.ValueKind != JsonValueKind.String
                    || !claim.TryGetProperty("val", out var val) || val.ValueKind != JsonValueKind.String)
                {
                    return PrincipalReading.Forged($"{PrincipalHeader} holds a claim without string typ and val.");
                }

                list.Add(new ClientPrincipalClaim(typ.GetString()!, val.GetString()!));
            }

            parsed = new ClientPrincipal(authType.GetString()!, list, OptionalString(root, "name_typ"), OptionalString(root, "role_typ"));
        }
        catch (JsonException)
        {
            return PrincipalReading.Forged($"{PrincipalHeader} is not JSON.");
        }
        catch (ArgumentException)
        {
            return PrincipalReading.Forged($"{PrincipalHeader} is not valid UTF-8 JSON.");
        }

        if (parsed.ObjectId is null && parsed.Name is null)
        {
            return PrincipalReading.Forged($"{PrincipalHeader} names nobody (no object id or name claim).");
        }

        if (principalId is not null
            && !parsed.Values(ClientPrincipal.ObjectIdClaim, "oid", ClientPrincipal.NameIdentifierClaimUri, "sub")
                .Contains(principalId, StringComparer.OrdinalIgnoreCase))
        {
            return PrincipalReading.Forged($"{PrincipalIdHeader} disagrees with the principal's object id.");
        }

        if (principalName is not null && !parsed.Values(parsed.NameClaimType ?? ClientPrincipal.NameClaimUri, ClientPrincipal.NameClaimUri, "preferred_username", "name",
                    "email", ClientPrincipal.EmailClaimUri, "upn", ClientPrincipal.UpnClaimUri)
                .Contains(principalName, StringComparer.OrdinalIgnoreCase))
        {
            return PrincipalReading.Forged($"{PrincipalNameHeader} disagrees with the principal's name claims.");
        }

        if (principalIdp is not null && !string.Equals(principalIdp, parsed.AuthType, StringComparison.OrdinalIgnoreCase))
        {
            return PrincipalReading.Forged($"{PrincipalIdpHeader} disagrees with the principal's auth_typ.");
        }

        return new PrincipalReading(parsed, null);
    }

    private static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
