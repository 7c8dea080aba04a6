using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SchoolTwitter.Testing.FakeX;

/// <summary>
/// Where the fake X holds the client to X's OpenAPI document 2.167 (the names in <see cref="XApiContract"/>): the query
/// parameters and field values reads take, the fields an upload takes, and the 200 answers that carry only <c>errors</c> when
/// a write names something X does not know.
/// </summary>
public sealed partial class FakeXServer
{
    private static readonly HashSet<string> UploadFields = XApiContract.Current.Properties("MediaUploadRequest");

    private static readonly Dictionary<string, HashSet<string>?> UserReadParameters = XApiContract.Current.Query("GET", "/2/users/{id}/followers")
        .Concat(XApiContract.Current.Query("GET", "/2/users/me")).DistinctBy(p => p.Key).ToDictionary(StringComparer.Ordinal);

    private static readonly Dictionary<string, HashSet<string>?> PostReadParameters = XApiContract.Current.Query("GET", "/2/users/{id}/tweets")
        .Concat(XApiContract.Current.LegacyQuery).ToDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The names of post fields the fake takes: both by default; only "tweet.fields" to play an X that refuses 2.167's names
    /// (and its expansions), only "post.fields" to play one that has retired the long-standing name.
    /// </summary>
    public ISet<string> PostFieldParameters { get; } = new HashSet<string>(["post.fields", "tweet.fields"], StringComparer.Ordinal);

    /// <summary>X's 400 for a query parameter a read does not take, or a value its list does not hold; null when all are fine.</summary>
    private (int, JsonNode)? RefusedQuery(IQueryCollection query, Dictionary<string, HashSet<string>?> allowed)
    {
        foreach (var (name, values) in query)
        {
            var refusedName = !allowed.TryGetValue(name, out var known)
                || (name is "post.fields" or "tweet.fields" && !PostFieldParameters.Contains(name))
                || (name == "expansions" && allowed == PostReadParameters && !PostFieldParameters.Contains("post.fields"));
            if (refusedName)
            {
                return InvalidParameter(name, values.ToString(), $"The query parameter [{name}] is not one of [{string.Join(",", allowed.Keys)}]");
            }

            if (known is { } listed && values.ToString().Split(',').FirstOrDefault(v => !listed.Contains(v)) is { } value)
            {
                return InvalidParameter(name, values.ToString(), $"The `{name}` query parameter value [{value}] is not one of [{string.Join(",", listed)}]");
            }
        }

        return null;
    }

    private static (int, JsonNode) InvalidParameter(string name, string value, string message) => (400, new JsonObject
    {
        ["errors"] = new JsonArray(new JsonObject
        {
            ["parameters"] = new JsonObject { [name] = new JsonArray(JsonValue.Create(value)) },
            ["message"] = message,
        }),
        ["title"] = "Invalid Request",
        ["detail"] = "One or more parameters to your request was invalid.",
        ["type"] = "https://api.x.com/2/problems/invalid-request",
    });

    private static string? UnknownUploadField(IEnumerable<string> fields) => fields.FirstOrDefault(f => !UploadFields.Contains(f));

    /// <summary>What X answers a write about something it does not know: 200, no data, only errors.</summary>
    private static (int, JsonNode) NotDone(string resourceType, string parameter, string value, string detail) => (200, new JsonObject
    {
        ["errors"] = new JsonArray(new JsonObject
        {
            ["value"] = value,
            ["detail"] = detail,
            ["title"] = "Not Found Error",
            ["resource_type"] = resourceType,
            ["parameter"] = parameter,
            ["resource_id"] = value,
            ["type"] = "https://api.x.com/2/problems/resource-not-found",
        }),
    });

    /// <summary>A user the fake knows: an account, a follower, a followed account or a mention's author.</summary>
    private bool IsKnownUser(string id)
    {
        lock (_gate)
        {
            return _accounts.ContainsKey(id)
                || _followers.Values.Any(users => users.Any(u => u.Id == id))
                || _following.Values.Any(users => users.Any(u => u.Id == id))
                || _mentionDetails.Values.Any(m => m.Post.AuthorId == id);
        }
    }

    /// <summary>A post the fake holds: the account's own or a mention.</summary>
    private bool IsKnownPost(string id)
    {
        lock (_gate)
        {
            return _posts.Any(p => p.Id == id && !p.Deleted) || _mentionDetails.ContainsKey(id);
        }
    }
}
