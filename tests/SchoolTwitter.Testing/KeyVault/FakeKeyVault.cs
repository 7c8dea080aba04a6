using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Secrets;

namespace SchoolTwitter.Testing.KeyVault;

/// <summary>
/// Key Vault's secrets REST API in memory, plugged into a real <see cref="SecretClient"/> as its transport: the SDK's own
/// pipeline (challenge authentication, serialisation, paging, error mapping) runs unchanged. Speaks set, get (latest or
/// by version), list versions, and update properties; a disabled version answers 403 as Key Vault does, an expired one is
/// still returned (as Key Vault does), and faults can be injected per secret.
/// </summary>
public sealed class FakeKeyVault : HttpMessageHandler
{
    public static readonly Uri VaultUri = new("https://school-test.vault.azure.net/");

    private readonly object _gate = new();
    private readonly Dictionary<string, List<Version>> _secrets = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Method, string Name), int> _faults = [];
    private readonly TimeProvider _time;

    public FakeKeyVault(TimeProvider time) => _time = time;

    public int RequestCount { get; private set; }

    /// <summary>Every request and response body seen, for proving what never crossed the wire in the clear elsewhere.</summary>
    public List<string> Traffic { get; } = [];

    public SecretClient Client() => new(VaultUri, new FakeToken(), new SecretClientOptions
    {
        Transport = new HttpClientTransport(new HttpClient(this)),
        Retry = { MaxRetries = 0 },
    });

    /// <summary>Adds a version directly (as onboarding or the portal would).</summary>
    public string Seed(string name, string value, DateTimeOffset? expiresOn = null, bool enabled = true, DateTimeOffset? notBefore = null, DateTimeOffset? createdOn = null)
    {
        lock (_gate)
        {
            var v = new Version(Guid.NewGuid().ToString("N"), value, createdOn ?? _time.GetUtcNow()) { Enabled = enabled, Expires = expiresOn, NotBefore = notBefore };
            Versions(name).Add(v);
            return v.Id;
        }
    }

    /// <summary>The next <paramref name="times"/> requests of <paramref name="method"/> (PUT, GET, PATCH) on <paramref name="name"/> fail with 500.</summary>
    public void Fail(string method, string name, int times = 1)
    {
        lock (_gate) _faults[(method, name)] = times;
    }

    public IReadOnlyList<Version> VersionsOf(string name)
    {
        lock (_gate) return Versions(name).ToList();
    }

    public Version? Current(string name)
    {
        lock (_gate) return Versions(name).LastOrDefault();
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content?.ReadAsStringAsync(cancellationToken).GetAwaiter().GetResult() ?? "";
        HttpResponseMessage response;
        lock (_gate)
        {
            RequestCount++;
            response = request.Headers.Authorization is null
                // Key Vault's challenge: the SDK answers it with a token for the vault's resource.
                ? Challenge()
                : Handle(request.Method.Method, request.RequestUri!, body);
            Traffic.Add($"{request.Method} {request.RequestUri!.AbsolutePath} {body} -> {(int)response.StatusCode} {response.Content.ReadAsStringAsync(cancellationToken).GetAwaiter().GetResult()}");
        }

        return Task.FromResult(response);
    }

    private HttpResponseMessage Handle(string method, Uri uri, string body)
    {
        var parts = uri.AbsolutePath.Trim('/').Split('/');
        if (parts.Length < 2 || parts[0] != "secrets") return Error(HttpStatusCode.BadRequest, "BadParameter", "Unknown path.");
        var name = parts[1];
        var version = parts.Length > 2 && parts[2] != "versions" && parts[2].Length > 0 ? parts[2] : null;

        if (_faults.TryGetValue((method, name), out var left) && left > 0)
        {
            _faults[(method, name)] = left - 1;
            return Error(HttpStatusCode.InternalServerError, "InternalError", "Injected fault.");
        }

        switch (method)
        {
            case "PUT" when version is null:
                return Set(name, body);
            case "GET" when parts.Length > 2 && parts[2] == "versions":
                return List(name);
            case "GET":
                return Get(name, version);
            case "PATCH" when version is not null:
                return Update(name, version, body);
            default:
                return Error(HttpStatusCode.MethodNotAllowed, "BadParameter", "Unsupported.");
        }
    }

    private HttpResponseMessage Set(string name, string body)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        var now = _time.GetUtcNow();
        var v = new Version(Guid.NewGuid().ToString("N"), json["value"]!.GetValue<string>(), now) { ContentType = json["contentType"]?.GetValue<string>() };
        ApplyAttributes(v, json);
        Versions(name).Add(v);
        return Ok(Bundle(name, v, withValue: true));
    }

    private HttpResponseMessage Get(string name, string? version)
    {
        var versions = Versions(name);
        var v = version is null ? versions.LastOrDefault() : versions.FirstOrDefault(x => x.Id == version);
        if (v is null) return Error(HttpStatusCode.NotFound, "SecretNotFound", $"A secret with (name/id) {name} was not found in this key vault.");
        if (!v.Enabled) return Error(HttpStatusCode.Forbidden, "Forbidden", "Operation get is not allowed on a disabled secret.", "SecretDisabled");
        return Ok(Bundle(name, v, withValue: true));
    }

    private HttpResponseMessage List(string name)
    {
        var versions = Versions(name);
        if (versions.Count == 0) return Error(HttpStatusCode.NotFound, "SecretNotFound", $"A secret with (name/id) {name} was not found in this key vault.");
        var array = new JsonArray(versions.Select(v => (JsonNode)Bundle(name, v, withValue: false)).ToArray());
        return Ok(new JsonObject { ["value"] = array, ["nextLink"] = null });
    }

    private HttpResponseMessage Update(string name, string version, string body)
    {
        var v = Versions(name).FirstOrDefault(x => x.Id == version);
        if (v is null) return Error(HttpStatusCode.NotFound, "SecretNotFound", $"A secret with (name/id) {name}/{version} was not found in this key vault.");
        var json = JsonNode.Parse(body)!.AsObject();
        ApplyAttributes(v, json);
        if (json["contentType"] is { } ct) v.ContentType = ct.GetValue<string>();
        v.Updated = _time.GetUtcNow();
        return Ok(Bundle(name, v, withValue: false));
    }

    private static void ApplyAttributes(Version v, JsonObject json)
    {
        if (json["attributes"] is JsonObject a)
        {
            if (a["enabled"] is { } e) v.Enabled = e.GetValue<bool>();
            if (a["exp"] is { } exp) v.Expires = DateTimeOffset.FromUnixTimeSeconds(exp.GetValue<long>());
            if (a["nbf"] is { } nbf) v.NotBefore = DateTimeOffset.FromUnixTimeSeconds(nbf.GetValue<long>());
        }

        if (json["tags"] is JsonObject tags)
            v.Tags = tags.ToDictionary(t => t.Key, t => t.Value!.GetValue<string>());
    }

    private static JsonObject Bundle(string name, Version v, bool withValue)
    {
        var attributes = new JsonObject
        {
            ["enabled"] = v.Enabled,
            ["created"] = v.Created.ToUnixTimeSeconds(),
            ["updated"] = v.Updated.ToUnixTimeSeconds(),
            ["recoveryLevel"] = "Recoverable+Purgeable",
            ["recoverableDays"] = 90,
        };
        if (v.Expires is { } exp) attributes["exp"] = exp.ToUnixTimeSeconds();
        if (v.NotBefore is { } nbf) attributes["nbf"] = nbf.ToUnixTimeSeconds();
        var bundle = new JsonObject
        {
            ["id"] = $"{VaultUri}secrets/{name}/{v.Id}",
            ["attributes"] = attributes,
            ["tags"] = new JsonObject(v.Tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))),
        };
        if (v.ContentType is not null) bundle["contentType"] = v.ContentType;
        if (withValue) bundle["value"] = v.Value;
        return bundle;
    }

    private List<Version> Versions(string name)
    {
        if (!_secrets.TryGetValue(name, out var list)) _secrets[name] = list = [];
        return list;
    }

    private static HttpResponseMessage Challenge()
    {
        var response = new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = Json(new JsonObject { ["error"] = new JsonObject { ["code"] = "Unauthorized", ["message"] = "AKV10000: Request is missing a Bearer or PoP token." } }) };
        response.Headers.TryAddWithoutValidation("WWW-Authenticate", "Bearer authorization=\"https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000\", resource=\"https://vault.azure.net\"");
        return response;
    }

    private static HttpResponseMessage Ok(JsonNode body) => new(HttpStatusCode.OK) { Content = Json(body) };

    private static HttpResponseMessage Error(HttpStatusCode status, string code, string message, string? inner = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (inner is not null) error["innererror"] = new JsonObject { ["code"] = inner };
        return new HttpResponseMessage(status) { Content = Json(new JsonObject { ["error"] = error }) };
    }

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    public sealed class Version(string id, string value, DateTimeOffset created)
    {
        public string Id { get; } = id;
        public string Value { get; } = value;
        public DateTimeOffset Created { get; } = created;
        public DateTimeOffset Updated { get; set; } = created;
        public bool Enabled { get; set; } = true;
        public DateTimeOffset? Expires { get; set; }
        public DateTimeOffset? NotBefore { get; set; }
        public string? ContentType { get; set; }
        public Dictionary<string, string> Tags { get; set; } = [];
    }

    private sealed class FakeToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => new("fake-vault-token", DateTimeOffset.MaxValue);

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(GetToken(requestContext, cancellationToken));
    }
}
