using System.Text.Json;
using System.Text.Json.Nodes;
using SchoolTwitter.Integration.Tests.Notifications;
using SchoolTwitter.Integration.Tests.OpenApi;

namespace SchoolTwitter.Integration.Tests.Drafts;

/// <summary>
/// docs/openapi.yaml describes exactly the HTTP functions the app has (routes, methods, operation ids), read with a real YAML
/// parser; docs/openapi-connector.swagger.json is generated from it for a Power Platform custom connector; redocly lints both.
/// </summary>
public sealed class OpenApiTests
{
    /// <summary>The @redocly/cli version the coordinator lists in package.json.</summary>
    public const string RedoclyVersion = "2.77.0";

    private static string Docs => Path.Combine(SchoolTwitter.Testing.RepoRoot.Find(), "docs");
    private static string OpenApiPath => Path.Combine(Docs, "openapi.yaml");
    private static string ConnectorPath => Path.Combine(Docs, "openapi-connector.swagger.json");

    private static JsonObject OpenApi() => YamlJson.Read(OpenApiPath)!.AsObject();

    /// <summary>
    /// The HTTP API's functions: all but the SLT page's own (issue 11), which only the page's script calls (same origin,
    /// signed-in SLT, anti-forgery header) and which docs/slt-page.md describes; a council's connector never imports them.
    /// </summary>
    private static IEnumerable<FunctionEntry> ApiFunctions() => FunctionsMetadata.Read()
        .Where(f => f.TriggerType == "httpTrigger" && !f.EntryPoint.StartsWith(SchoolTwitter.Functions.Page.CrossSiteRequestGuard.PageNamespace, StringComparison.Ordinal));

    private static HashSet<string> HttpTriggers() =>
        ApiFunctions().SelectMany(f => f.Methods.Select(m => $"{m.ToUpperInvariant()} /api/{f.Route}")).ToHashSet();

    private static HashSet<string> HttpFunctionNames() => ApiFunctions().Select(f => f.Name).ToHashSet();

    /// <summary>"METHOD /path" and operationId of every operation under paths.</summary>
    private static List<(string Operation, string? OperationId)> Operations(JsonObject definition) =>
        definition["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(m => ($"{m.Key.ToUpperInvariant()} {p.Key}", m.Value!["operationId"]?.GetValue<string>())))
            .ToList();

    [Fact]
    public void Documented_routes_match_the_http_triggers()
    {
        var documented = Operations(OpenApi()).Select(o => o.Operation).ToHashSet();
        var built = HttpTriggers();

        documented.ShouldNotBeEmpty();
        documented.Except(built).ShouldBeEmpty("documented but not a function");
        built.Except(documented).ShouldBeEmpty("a function missing from docs/openapi.yaml");
    }

    [Fact]
    public void Operation_ids_name_the_functions()
    {
        var ids = Operations(OpenApi()).Select(o => o.OperationId).ToList();
        ids.ShouldAllBe(id => id != null);
        ids.ShouldBeUnique();
        ids.ToHashSet().SetEquals(HttpFunctionNames()).ShouldBeTrue($"operationIds {string.Join(", ", ids)} vs functions {string.Join(", ", HttpFunctionNames())}");
    }

    [Fact]
    public void Every_schema_in_the_yaml_uses_only_openapi_keywords()
    {
        // YamlDotNet, not a regex: a comma in an unquoted flow-style description splits it into a bogus key, which the
        // conversion refuses by name.
        Should.NotThrow(() => ConnectorDefinition.FromOpenApi3(OpenApi()));
    }

    [Fact]
    public void A_comma_in_an_unquoted_description_is_caught_by_name()
    {
        var refused = Should.Throw<NotSupportedException>(() => ConnectorDefinition.FromOpenApi3(Tiny("paths: {}", """
                Status:
                  type: object
                  properties:
                    error: { type: string, description: Why it failed, if it did. }
            """)));
        refused.Message.ShouldContain("'if it did.'");
    }

    [Fact]
    public void A_page_for_a_browser_is_no_connector_action()
    {
        var connector = ConnectorDefinition.FromOpenApi3(Tiny("""
            paths:
              /api/slt:
                get: { operationId: SltPage, x-internal: true, summary: The SLT page, description: HTML., responses: { "200": { description: The page. } } }
              /api/drafts/{id}:
                get: { operationId: GetDraft, summary: Get a draft, description: The draft., responses: { "200": { description: The draft. } } }
            """, "Empty: { type: object }"));

        connector["paths"]!.AsObject().Select(p => p.Key).ShouldBe(["/api/drafts/{id}"]);
    }

    /// <summary>A small OpenAPI 3.0 document with the two security schemes every definition here has.</summary>
    private static JsonObject Tiny(string paths, string schemas)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tiny-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllText(path, $$"""
                openapi: 3.0.3
                info: { title: t, version: "1" }
                servers: [{ url: "https://example.test" }]
                {{paths}}
                components:
                  securitySchemes:
                    key: { type: apiKey, in: header, name: x-functions-key }
                    entra: { type: oauth2, flows: { authorizationCode: { authorizationUrl: "https://a/{tenant}", tokenUrl: "https://t/{tenant}", scopes: {} } } }
                  responses: {}
                  schemas:
                {{Indent(schemas, "    ")}}
                """);
            return YamlJson.Read(path)!.AsObject();
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Indent(string text, string by) => string.Join("\n", text.Split('\n').Select(l => by + l));

    [Fact]
    public void The_connector_definition_is_generated_from_openapi_yaml()
    {
        var generated = ConnectorDefinition.Write(OpenApi());
        var committed = File.Exists(ConnectorPath) ? File.ReadAllText(ConnectorPath) : "";
        if (committed == generated) return;

        if (Environment.GetEnvironmentVariable("CI") != "true") File.WriteAllText(ConnectorPath, generated);
        committed.ShouldBe(generated,
            Environment.GetEnvironmentVariable("CI") == "true"
                ? "docs/openapi-connector.swagger.json is not what docs/openapi.yaml generates: run this test locally (it rewrites the file) and commit it"
                : "docs/openapi-connector.swagger.json was out of date and has been regenerated: review and commit it");
    }

    [Fact]
    public void The_connector_definition_describes_exactly_the_http_triggers()
    {
        var connector = JsonNode.Parse(File.ReadAllText(ConnectorPath))!.AsObject();
        var operations = Operations(connector);
        // Pages for a browser (x-internal in docs/openapi.yaml) are functions but no connector actions.
        var pages = OpenApi()["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(m => ConnectorDefinition.IsInternal(m.Value!.AsObject()))
                .Select(m => (Operation: $"{m.Key.ToUpperInvariant()} {p.Key}", Id: m.Value!["operationId"]!.GetValue<string>())))
            .ToList();
        var actions = HttpTriggers().Except(pages.Select(p => p.Operation)).ToHashSet();

        operations.Select(o => o.Operation).ToHashSet().SetEquals(actions).ShouldBeTrue(
            $"connector {string.Join(", ", operations.Select(o => o.Operation))} vs functions {string.Join(", ", actions)}");
        operations.Select(o => o.OperationId).ToHashSet().SetEquals(HttpFunctionNames().Except(pages.Select(p => p.Id))).ShouldBeTrue();
    }

    [Fact]
    public void The_connector_definition_is_what_power_platform_imports()
    {
        var connector = JsonNode.Parse(File.ReadAllText(ConnectorPath))!.AsObject();

        connector["swagger"]!.GetValue<string>().ShouldBe("2.0");
        connector["host"]!.GetValue<string>().ShouldBe("schooltwitter.azurewebsites.net");
        connector["schemes"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(["https"]);
        var security = connector["securityDefinitions"]!.AsObject().ShouldHaveSingleItem("Power Platform takes one security scheme");
        security.Value!["type"]!.GetValue<string>().ShouldBe("oauth2");
        var key = connector["parameters"]![ConnectorDefinition.FunctionKeyParameter]!;
        (key["name"]!.GetValue<string>(), key["in"]!.GetValue<string>(), key["required"]!.GetValue<bool>()).ShouldBe(("x-functions-key", "header", true));

        foreach (var (path, item) in connector["paths"]!.AsObject())
        {
            foreach (var (method, op) in item!.AsObject())
            {
                var where = $"{method.ToUpperInvariant()} {path}";
                op!["summary"]!.GetValue<string>().Length.ShouldBeLessThanOrEqualTo(80, where);
                op["description"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace(where);
                op["parameters"]!.AsArray().ShouldContain(p => p!["$ref"] != null && p["$ref"]!.GetValue<string>() == "#/parameters/FunctionKey", where);
                op["x-ms-visibility"]!.GetValue<string>().ShouldBe(op["x-access"]!.GetValue<string>() == "flow-or-slt" ? "important" : "advanced", where);
                op.ToJsonString().ShouldNotContain("#/components/", Case.Sensitive, where);
                op.ToJsonString().ShouldNotContain("\"requestBody\"", Case.Sensitive, where);
            }
        }
        var submit = connector["paths"]!["/api/drafts"]!["post"]!["parameters"]!.AsArray();
        submit.ShouldContain(p => p!["in"] != null && p["in"]!.GetValue<string>() == "body" && p["schema"]!["$ref"]!.GetValue<string>() == "#/definitions/Draft");
        connector["paths"]!["/api/roster"]!["put"]!["consumes"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["text/csv"]);
        connector["definitions"]!["DraftStatus"]!["properties"]!["scheduledFor"]!["x-nullable"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public void Both_definitions_pass_redocly_lint_offline()
    {
        NodeTool.Require("@redocly/cli", RedoclyVersion);

        var (exit, output, errors) = NodeTool.Run(Path.Combine("node_modules", "@redocly", "cli", "bin", "cli.js"), "lint", "--format=json");

        exit.ShouldBe(0, output + errors);
        // One JSON report per API in redocly.yaml, one after the other.
        var reports = new List<JsonDocument>();
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(output), new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read()) reports.Add(JsonDocument.ParseValue(ref reader));
        reports.Count.ShouldBe(2, "docs/openapi.yaml and docs/openapi-connector.swagger.json");
        foreach (var report in reports)
        {
            var totals = report.RootElement.GetProperty("totals");
            var problems = string.Join("\n", report.RootElement.GetProperty("problems").EnumerateArray()
                .Select(p => $"{p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()} at {p.GetProperty("location")[0].GetProperty("source").GetProperty("ref").GetString()}"));
            (totals.GetProperty("errors").GetInt32(), totals.GetProperty("warnings").GetInt32()).ShouldBe((0, 0), problems);
            report.Dispose();
        }
    }
    [Fact]
    public void Redocly_refuses_an_action_name_power_platform_would_not_show()
    {
        NodeTool.Require("@redocly/cli", RedoclyVersion);
        var path = Path.Combine(Path.GetTempPath(), $"long-summary-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllText(path, File.ReadAllText(OpenApiPath).Replace("summary: Get a draft\n",
                "summary: Get a draft, its state, its verdict and once it is published the address of its tweet on X.\n", StringComparison.Ordinal));

            var (exit, output, errors) = NodeTool.Run(Path.Combine("node_modules", "@redocly", "cli", "bin", "cli.js"),
                "lint", path, "--config", "redocly.yaml", "--format=json");

            exit.ShouldNotBe(0, output + errors);
            output.ShouldContain("rule/action-name-is-short");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
