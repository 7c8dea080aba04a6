using System.Text;
using System.Text.Json.Nodes;
using SchoolTwitter.Application.Security;

namespace SchoolTwitter.Testing.TestHost;

/// <summary>
/// Header sets as App Service Authentication (Easy Auth) passes them to the app: X-MS-CLIENT-PRINCIPAL (base64 JSON of the
/// token's claims) with the -ID, -NAME and -IDP headers that agree with it. A person's token carries scp (or, from the
/// sign-in page, no client app at all); an application's client-credentials token carries azp/appid and roles, no scp.
/// </summary>
public static class EasyAuthHeaders
{
    /// <summary>The Power Automate flow's app registration in every test host (setting Slt__FlowClientId).</summary>
    public const string FlowClientId = "5f0c8d3e-4b1a-4c6e-9a7d-2e8f1b3c4d5a";

    /// <summary>The flow app's service principal object id.</summary>
    public const string FlowObjectId = "a1b2c3d4-0000-4000-8000-0000000f10aa";

    /// <summary>The backend's own app registration (the token's audience and the SLT page's client).</summary>
    public const string BackendClientId = "0b6e3f1c-2d4a-4e8b-9c7d-1a2b3c4d5e6f";

    /// <summary>A person signed in with the school's Entra ID, holding <paramref name="roles"/> (e.g. "SLT"). One address is one person: the object id is derived from it.</summary>
    public static Dictionary<string, string> Person(string email, params string[] roles) => Person(email, ObjectIdOf(email), [], roles);

    /// <summary>The object id <see cref="Person(string, string[])"/> gives the person with this address (as Entra would, always the same).</summary>
    public static string ObjectIdOf(string email) =>
        new Guid(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant()))[..16]).ToString();

    /// <summary>A person with a given object id, groups and roles.</summary>
    public static Dictionary<string, string> Person(string email, string objectId, IEnumerable<string> groups, params string[] roles)
    {
        var oid = objectId;
        var claims = new List<(string, string)>
        {
            (ClientPrincipal.ObjectIdClaim, oid),
            ("preferred_username", email),
            (ClientPrincipal.NameClaimUri, email),
            ("azp", BackendClientId),
            ("scp", "user_impersonation"),
        };
        claims.AddRange(roles.Select(r => ("roles", r)));
        claims.AddRange(groups.Select(g => ("groups", g)));
        return Headers(claims, oid, email);
    }

    /// <summary>A person whose principal names them only by object id (no e-mail, UPN or name claim).</summary>
    public static Dictionary<string, string> ObjectIdOnly(string objectId, params string[] roles)
    {
        var claims = new List<(string, string)> { (ClientPrincipal.ObjectIdClaim, objectId) };
        claims.AddRange(roles.Select(r => ("roles", r)));
        return Headers(claims, objectId, name: null);
    }

    /// <summary>An application calling as itself (client credentials): the flow by default, holding <paramref name="roles"/>.</summary>
    public static Dictionary<string, string> Application(string clientId = FlowClientId, string objectId = FlowObjectId, params string[] roles)
    {
        var claims = new List<(string, string)>
        {
            (ClientPrincipal.ObjectIdClaim, objectId),
            ("appid", clientId),
            ("idtyp", "app"),
        };
        claims.AddRange(roles.Select(r => ("roles", r)));
        return Headers(claims, objectId, name: null);
    }

    /// <summary>The school's flow holding Flow.Submit, as every Forms submission arrives.</summary>
    public static Dictionary<string, string> Flow() => Application(roles: SltOptions.FlowAppRole);

    /// <summary>X-MS-CLIENT-PRINCIPAL alone, as a caller could type it (consistent claims, no companion headers).</summary>
    public static string Encode(IEnumerable<(string Type, string Value)> claims)
    {
        var array = new JsonArray();
        foreach (var (type, value) in claims) array.Add(new JsonObject { ["typ"] = type, ["val"] = value });
        var principal = new JsonObject
        {
            ["auth_typ"] = "aad",
            ["name_typ"] = ClientPrincipal.NameClaimUri,
            ["role_typ"] = "roles",
            ["claims"] = array,
        };
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(principal.ToJsonString()));
    }

    private static Dictionary<string, string> Headers(IEnumerable<(string Type, string Value)> claims, string objectId, string? name)
    {
        var headers = new Dictionary<string, string>
        {
            [ClientPrincipalParser.PrincipalHeader] = Encode(claims),
            [ClientPrincipalParser.PrincipalIdHeader] = objectId,
            [ClientPrincipalParser.PrincipalIdpHeader] = "aad",
        };
        if (name is not null) headers[ClientPrincipalParser.PrincipalNameHeader] = name;
        return headers;
    }
}
