using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;

namespace SchoolTwitter.Testing.FakeAzureAi;

/// <summary>
/// Issues unsigned JWT-shaped tokens whose audience is the requested scope's resource, as Entra would, so the fake server can
/// check that the app asked for the Cognitive Services audience. Test tokens only.
/// </summary>
public sealed class FakeAiCredential : TokenCredential
{
    public const string Audience = "https://cognitiveservices.azure.com";

    private int _requests;

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _issued = new();

    /// <summary>How many tokens were asked for.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Every token handed out, so a test can look for them where they must not be.</summary>
    public IReadOnlyList<string> Issued => [.. _issued];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        var audience = requestContext.Scopes.Single().Replace("/.default", "", StringComparison.Ordinal);
        var payload = new JsonObject { ["aud"] = audience, ["exp"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds() };
        var token = $"{Encode("{\"alg\":\"none\"}")}.{Encode(payload.ToJsonString())}.";
        _issued.Enqueue(token);
        return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));

    /// <summary>A "Bearer" header carrying a token for the Cognitive Services audience.</summary>
    public static bool IsValid(string authorization)
    {
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal)) return false;
        var parts = authorization["Bearer ".Length..].Split('.');
        if (parts.Length != 3) return false;
        try
        {
            var payload = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(Pad(parts[1].Replace('-', '+').Replace('_', '/')))));
            return payload?["aud"]?.GetValue<string>() == Audience;
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Pad(string s) => s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=');
}
