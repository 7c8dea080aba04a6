namespace SchoolTwitter.Application.Security;

/// <summary>
/// The signed-in user as App Service Authentication (Easy Auth) passes it in X-MS-CLIENT-PRINCIPAL:
/// base64 JSON {"auth_typ","name_typ","role_typ","claims":[{"typ","val"}]}.
/// </summary>
public sealed record ClientPrincipal(
    string AuthType,
    IReadOnlyList<ClientPrincipalClaim> Claims,
    string? NameClaimType = null,
    string? RoleClaimType = null)
{
    public const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    public const string RoleClaimUri = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";
    public const string EmailClaimUri = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress";
    public const string UpnClaimUri = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn";
    public const string NameClaimUri = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name";
    public const string NameIdentifierClaimUri = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier";
    public const string ScopeClaimUri = "http://schemas.microsoft.com/identity/claims/scope";

    public IEnumerable<string> Values(params string[] types) =>
        Claims.Where(c => types.Contains(c.Type, StringComparer.OrdinalIgnoreCase)).Select(c => c.Value);

    /// <summary>Entra object id (oid).</summary>
    public string? ObjectId => Values(ObjectIdClaim, "oid").FirstOrDefault();

    /// <summary>The principal's name as Easy Auth reports it in X-MS-CLIENT-PRINCIPAL-NAME (the name_typ claim).</summary>
    public string? Name => Values(NameClaimType ?? NameClaimUri, NameClaimUri, "preferred_username", "name").FirstOrDefault();

    /// <summary>The e-mail used to identify the submitter (preferred_username, email or upn).</summary>
    public string? Email =>
        Values("preferred_username", "email", EmailClaimUri, "upn", UpnClaimUri, NameClaimType ?? NameClaimUri)
            .FirstOrDefault(v => v.Contains('@'));

    public IReadOnlyList<string> Roles => Values(RoleClaimType ?? RoleClaimUri, RoleClaimUri, "roles", "role").Distinct().ToList();

    public IReadOnlyList<string> Groups => Values("groups").Distinct().ToList();

    /// <summary>The client app the token was issued to: azp (v2 access tokens) or appid (v1).</summary>
    public string? AppId => Values("azp", "appid").FirstOrDefault();

    /// <summary>
    /// An application calling as itself (client credentials): an access token naming a client app but carrying no
    /// delegated scope. A person's token carries scp (access token) or no client app at all (Easy Auth's id token).
    /// </summary>
    public bool IsApplication => AppId is not null && !Values("scp", ScopeClaimUri).Any();
}

public sealed record ClientPrincipalClaim(string Type, string Value);
