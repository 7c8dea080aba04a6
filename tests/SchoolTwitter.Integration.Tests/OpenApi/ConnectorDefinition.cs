using System.Text.Json;
using System.Text.Json.Nodes;

namespace SchoolTwitter.Integration.Tests.OpenApi;

/// <summary>
/// Turns docs/openapi.yaml (OpenAPI 3.0) into the OpenAPI 2.0 (Swagger) definition a council imports as a Power Platform custom
/// connector, which takes only 2.0: docs/openapi-connector.swagger.json. Everything comes from the 3.0 source; a construct
/// 2.0 cannot say (oneOf, several request media types, an unknown schema keyword) stops the conversion rather than being
/// dropped. Power Platform takes one security scheme: Microsoft Entra ID; the function key becomes a header parameter of
/// every action. Actions the flow may call are shown first (x-ms-visibility important), the SLT-only ones as advanced;
/// operations marked x-internal (pages for a browser) are left out.
/// </summary>
internal static class ConnectorDefinition
{
    public const string FunctionKeyParameter = "FunctionKey";

    private static readonly HashSet<string> SchemaKeywords =
    [
        "type", "format", "description", "enum", "pattern", "minLength", "maxLength", "minItems", "maxItems", "uniqueItems",
        "minimum", "maximum", "required", "default", "example", "title", "readOnly", "properties", "items", "additionalProperties",
        "allOf", "$ref", "nullable",
    ];

    private static readonly HashSet<string> Methods = ["get", "put", "post", "delete", "patch"];

    public static JsonSerializerOptions WriteOptions { get; } = new()
    {
        WriteIndented = true,
        IndentSize = 4,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The connector definition as committed: four-space indents, one trailing newline.</summary>
    public static string Write(JsonObject openApi3) => FromOpenApi3(openApi3).ToJsonString(WriteOptions) + "\n";

    public static JsonObject FromOpenApi3(JsonObject oas)
    {
        var version = oas["openapi"]?.GetValue<string>() ?? "";
        if (!version.StartsWith("3.0.", StringComparison.Ordinal)) throw new NotSupportedException($"openapi {version}: only 3.0.x converts.");

        var components = oas["components"]!.AsObject();
        var schemes = components["securitySchemes"]!.AsObject();
        var (keyName, keyScheme) = schemes.Single(s => s.Value!["type"]!.GetValue<string>() == "apiKey");
        var (entraName, entraScheme) = schemes.Single(s => s.Value!["type"]!.GetValue<string>() == "oauth2");
        var server = Server(oas["servers"]!.AsArray()[0]!.AsObject());

        return new JsonObject
        {
            ["swagger"] = "2.0",
            ["info"] = oas["info"]!.DeepClone(),
            ["host"] = server.Authority,
            ["basePath"] = server.AbsolutePath,
            ["schemes"] = new JsonArray(server.Scheme),
            ["consumes"] = new JsonArray("application/json"),
            ["produces"] = new JsonArray("application/json", "application/problem+json"),
            ["paths"] = Paths(oas["paths"]!.AsObject()),
            ["definitions"] = Map(components["schemas"]!.AsObject(), Schema),
            ["parameters"] = new JsonObject { [FunctionKeyParameter] = FunctionKey(keyName, keyScheme!.AsObject()) },
            ["responses"] = Map(components["responses"]!.AsObject(), Response),
            ["securityDefinitions"] = new JsonObject { [entraName] = OAuth2(entraScheme!.AsObject()) },
            ["security"] = new JsonArray(new JsonObject { [entraName] = new JsonArray() }),
        };
    }

    /// <summary>The first server with its variables at their defaults: 2.0 has one host and no variables.</summary>
    private static Uri Server(JsonObject server)
    {
        var url = server["url"]!.GetValue<string>();
        foreach (var (name, variable) in server["variables"]?.AsObject() ?? [])
        {
            url = url.Replace("{" + name + "}", variable!["default"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        return new Uri(url);
    }

    private static JsonObject Paths(JsonObject paths)
    {
        var result = new JsonObject();
        foreach (var (path, item) in paths)
        {
            var operations = new JsonObject();
            foreach (var (method, operation) in item!.AsObject())
            {
                if (!Methods.Contains(method)) throw new NotSupportedException($"{path}: '{method}' under a path does not convert.");
                if (IsInternal(operation!.AsObject())) continue;
                operations[method] = Operation(path, operation!.AsObject());
            }
            if (operations.Count > 0) result[path] = operations;
        }
        return result;
    }

    /// <summary>An operation marked <c>x-internal: true</c> (the SLT page itself, which is HTML for a browser) is no connector action.</summary>
    public static bool IsInternal(JsonObject operation) => operation["x-internal"]?.GetValue<bool>() == true;

    private static JsonObject Operation(string path, JsonObject op)
    {
        var result = new JsonObject();
        var parameters = new JsonArray(new JsonObject { ["$ref"] = $"#/parameters/{FunctionKeyParameter}" });
        foreach (var (key, value) in op)
        {
            switch (key)
            {
                case "operationId" or "summary" or "description" or "tags" or "deprecated":
                    result[key] = value!.DeepClone();
                    break;
                case "parameters":
                    foreach (var p in value!.AsArray()) parameters.Add(Parameter(p!.AsObject()));
                    break;
                case "requestBody":
                    var (body, mediaType) = Body(path, value!.AsObject());
                    parameters.Add(body);
                    if (mediaType != "application/json") result["consumes"] = new JsonArray(mediaType);
                    break;
                case "responses":
                    result["responses"] = Map(value!.AsObject(), Response);
                    break;
                case var extension when extension.StartsWith("x-", StringComparison.Ordinal):
                    result[key] = value?.DeepClone();
                    break;
                default:
                    throw new NotSupportedException($"{path}: operation field '{key}' does not convert.");
            }
        }
        result["parameters"] = parameters;
        // What the flow can call comes first in the connector's action list; the rest needs a signed-in SLT member.
        result["x-ms-visibility"] = op["x-access"]?.GetValue<string>() == "flow-or-slt" ? "important" : "advanced";
        return result;
    }

    /// <summary>A path, query or header parameter: 2.0 puts the schema's type and constraints on the parameter itself.</summary>
    private static JsonObject Parameter(JsonObject p)
    {
        var result = new JsonObject();
        foreach (var (key, value) in p)
        {
            if (key == "schema")
            {
                foreach (var (sk, sv) in Schema(value!.AsObject()))
                {
                    if (sk is "properties" or "$ref" or "additionalProperties") throw new NotSupportedException($"parameter {p["name"]}: an object schema does not convert.");
                    result[sk] = sv?.DeepClone();
                }
            }
            else if (key is "name" or "in" or "required" or "description" || key.StartsWith("x-", StringComparison.Ordinal))
            {
                result[key] = value?.DeepClone();
            }
            else
            {
                throw new NotSupportedException($"parameter {p["name"]}: field '{key}' does not convert.");
            }
        }
        return result;
    }

    private static (JsonObject Body, string MediaType) Body(string path, JsonObject requestBody)
    {
        var content = requestBody["content"]!.AsObject();
        if (content.Count != 1) throw new NotSupportedException($"{path}: a request body with {content.Count} media types does not convert.");
        var (mediaType, media) = content.Single();
        var body = new JsonObject { ["name"] = "body", ["in"] = "body", ["required"] = requestBody["required"]?.GetValue<bool>() ?? false };
        if (requestBody["description"] is { } description) body["description"] = description.DeepClone();
        body["schema"] = Schema(media!["schema"]!.AsObject());
        // 2.0 has no example for a body parameter; keep it as an extension rather than drop it.
        if (media["example"] is { } example) body["x-example"] = example.DeepClone();
        return (body, mediaType);
    }

    private static JsonObject Response(JsonNode? node)
    {
        var response = node!.AsObject();
        if (response["$ref"] is { } reference) return new JsonObject { ["$ref"] = Ref(reference.GetValue<string>()) };

        var result = new JsonObject { ["description"] = response["description"]!.DeepClone() };
        if (response["headers"] is JsonObject headers)
        {
            result["headers"] = Map(headers, h =>
            {
                var header = new JsonObject();
                if (h!["description"] is { } d) header["description"] = d.DeepClone();
                foreach (var (k, v) in Schema(h["schema"]!.AsObject())) header[k] = v?.DeepClone();
                return header;
            });
        }
        if (response["content"] is JsonObject content)
        {
            var schemas = content.Select(c => c.Value!["schema"]).Where(s => s is not null).Select(s => s!.ToJsonString()).Distinct().ToList();
            if (schemas.Count > 1) throw new NotSupportedException("A response with different schemas per media type does not convert.");
            if (schemas.Count == 1) result["schema"] = Schema(JsonNode.Parse(schemas[0])!.AsObject());
        }
        foreach (var key in response.Select(p => p.Key).Except(["description", "headers", "content"]))
        {
            throw new NotSupportedException($"response field '{key}' does not convert.");
        }
        return result;
    }

    private static JsonObject Schema(JsonNode? node)
    {
        var schema = node!.AsObject();
        var result = new JsonObject();
        foreach (var (key, value) in schema)
        {
            if (!SchemaKeywords.Contains(key) && !key.StartsWith("x-", StringComparison.Ordinal))
            {
                throw new NotSupportedException($"schema keyword '{key}' is not an OpenAPI 3.0 keyword 2.0 can say (a YAML slip such as a comma in an unquoted description makes one).");
            }
            result[key == "nullable" ? "x-nullable" : key] = key switch
            {
                "$ref" => Ref(value!.GetValue<string>()),
                "properties" => Map(value!.AsObject(), Schema),
                "items" => Schema(value),
                "allOf" => new JsonArray(value!.AsArray().Select(s => (JsonNode)Schema(s)).ToArray()),
                "additionalProperties" when value is JsonObject => Schema(value),
                _ => value?.DeepClone(),
            };
        }
        return result;
    }

    private static JsonObject FunctionKey(string name, JsonObject scheme)
    {
        if (scheme["in"]!.GetValue<string>() != "header") throw new NotSupportedException($"{name}: only a header key converts.");
        return new JsonObject
        {
            ["name"] = scheme["name"]!.DeepClone(),
            ["in"] = "header",
            ["required"] = true,
            ["type"] = "string",
            ["format"] = "password",
            ["x-ms-summary"] = "Function key",
            ["x-ms-visibility"] = "important",
            ["description"] = "The function key council IT made for the flow: keep it in an environment variable of type secret.",
        };
    }

    /// <summary>Power Platform's Entra ID (Azure AD) identity provider: authorization-code in 2.0 terms; the tenant is set on the connector's security page.</summary>
    private static JsonObject OAuth2(JsonObject scheme)
    {
        var flow = scheme["flows"]!["authorizationCode"]!.AsObject();
        string Common(string url) => url.Replace("{tenant}", "common", StringComparison.Ordinal);
        return new JsonObject
        {
            ["type"] = "oauth2",
            ["flow"] = "accessCode",
            ["authorizationUrl"] = Common(flow["authorizationUrl"]!.GetValue<string>()),
            ["tokenUrl"] = Common(flow["tokenUrl"]!.GetValue<string>()),
            ["scopes"] = flow["scopes"]!.DeepClone(),
            ["description"] = scheme["description"]?.DeepClone(),
        };
    }

    private static string Ref(string reference) => reference switch
    {
        _ when reference.StartsWith("#/components/schemas/", StringComparison.Ordinal) => "#/definitions/" + reference["#/components/schemas/".Length..],
        _ when reference.StartsWith("#/components/responses/", StringComparison.Ordinal) => "#/responses/" + reference["#/components/responses/".Length..],
        _ => throw new NotSupportedException($"$ref {reference} does not convert."),
    };

    private static JsonObject Map(JsonObject source, Func<JsonNode?, JsonObject> convert) =>
        new(source.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)convert(p.Value))));
}
