using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SchoolTwitter.Testing.FakeX;

/// <summary>
/// The X API v2 names the client may use (x-api-contract.json, derived from X's OpenAPI document 2.167; see README.md):
/// operations with their query parameters and allowed values, and schemas with their property names.
/// </summary>
public sealed class XApiContract
{
    private XApiContract(JsonObject document) => Document = document;

    public static XApiContract Current { get; } = Load();

    public JsonObject Document { get; }

    public IEnumerable<JsonObject> Operations => Document["operations"]!.AsArray().Select(o => o!.AsObject());

    public JsonObject Schemas => Document["schemas"]!.AsObject();

    /// <summary>The operation of this method whose path template (/2/users/{id}/tweets) matches <paramref name="path"/>, or null.</summary>
    public JsonObject? Find(string method, string path) => Operations.SingleOrDefault(o =>
        o["method"]!.GetValue<string>() == method && Template(o["path"]!.GetValue<string>()).IsMatch(path));

    /// <summary>An operation's query parameters, each with its allowed values (null: any value).</summary>
    public Dictionary<string, HashSet<string>?> Query(string method, string pathTemplate) =>
        Operations.Single(o => o["method"]!.GetValue<string>() == method && o["path"]!.GetValue<string>() == pathTemplate)["query"]!.AsObject()
            .ToDictionary(p => p.Key, p => p.Value is JsonArray values ? Strings(values) : null, StringComparer.Ordinal);

    /// <summary>A schema's property names.</summary>
    public HashSet<string> Properties(string schema) => Strings(Schemas[schema]!["properties"]!.AsArray());

    /// <summary>Long-standing query parameters the document no longer lists, with their values.</summary>
    public Dictionary<string, HashSet<string>?> LegacyQuery => Legacy("query").ToDictionary(p => p.Key, p => (HashSet<string>?)Strings(p.Value!.AsArray()), StringComparer.Ordinal);

    /// <summary>Long-standing property names of a schema (empty when none).</summary>
    public HashSet<string> LegacyProperties(string schema) => Legacy("properties")[schema] is JsonArray names ? Strings(names) : [];

    private JsonObject Legacy(string section) => Document["legacy"]![section]!.AsObject();

    private static HashSet<string> Strings(JsonArray values) => values.Select(v => v!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);

    private static Regex Template(string path) => new("^" + Regex.Replace(path, @"\{[a-z_]+\}", "[^/]+") + "$");

    private static XApiContract Load()
    {
        using var stream = typeof(XApiContract).Assembly.GetManifestResourceStream("x-api-contract.json")
            ?? throw new InvalidOperationException("x-api-contract.json is not embedded in SchoolTwitter.Testing.");
        return new XApiContract(JsonNode.Parse(stream)!.AsObject());
    }
}
