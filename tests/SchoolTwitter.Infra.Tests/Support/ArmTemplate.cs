using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SchoolTwitter.Infra.Tests.Support;

/// <summary>One resource of a compiled ARM template, with the template (module) it sits in.</summary>
public sealed record ArmResource(string SymbolicName, JsonObject Json, ArmTemplate Template)
{
    public string Type => Json["type"]!.GetValue<string>();

    public string Name => Json["name"]!.GetValue<string>();

    public bool IsExisting => Json["existing"]?.GetValue<bool>() == true;

    public JsonNode? this[string path] => ArmTemplate.At(Json, path);

    public override string ToString() => $"{Template.ModuleName}/{SymbolicName} ({Type})";
}

/// <summary>A compiled ARM template (main or a module's nested template): resources, variables, parameters, outputs.</summary>
public sealed partial class ArmTemplate
{
    public ArmTemplate(JsonObject json, string moduleName)
    {
        Json = json;
        ModuleName = moduleName;
    }

    public JsonObject Json { get; }

    /// <summary>"main", or the symbolic name of the module deployment in main.bicep.</summary>
    public string ModuleName { get; }

    public JsonObject Variables => Json["variables"] as JsonObject ?? [];

    public JsonObject Parameters => Json["parameters"] as JsonObject ?? [];

    public JsonObject Outputs => Json["outputs"] as JsonObject ?? [];

    /// <summary>The resources declared directly in this template (languageVersion 2.0 keys them by symbolic name).</summary>
    public IEnumerable<ArmResource> Resources => Json["resources"] switch
    {
        JsonObject byName => byName.Select(p => new ArmResource(p.Key, p.Value!.AsObject(), this)),
        JsonArray list => list.Select((r, i) => new ArmResource(i.ToString(System.Globalization.CultureInfo.InvariantCulture), r!.AsObject(), this)),
        _ => [],
    };

    /// <summary>This template's resources and those of every module below it.</summary>
    public IEnumerable<ArmResource> AllResources()
    {
        foreach (var resource in Resources)
        {
            yield return resource;
            if (Module(resource) is { } nested)
            {
                foreach (var inner in nested.AllResources())
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>This template and every module template below it.</summary>
    public IEnumerable<ArmTemplate> AllTemplates()
    {
        yield return this;
        foreach (var resource in Resources)
        {
            if (Module(resource) is { } nested)
            {
                foreach (var inner in nested.AllTemplates())
                {
                    yield return inner;
                }
            }
        }
    }

    public ArmResource Resource(string symbolicName) =>
        Resources.SingleOrDefault(r => r.SymbolicName == symbolicName)
        ?? throw new InvalidOperationException($"No resource '{symbolicName}' in {ModuleName}.");

    /// <summary>The nested template of the module deployment with this symbolic name.</summary>
    public ArmTemplate ModuleTemplate(string symbolicName) =>
        Module(Resource(symbolicName)) ?? throw new InvalidOperationException($"'{symbolicName}' is not a module.");

    public IEnumerable<ArmResource> OfType(string type) =>
        AllResources().Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase) && !r.IsExisting);

    /// <summary>Value of a literal variable, or of <c>[variables('x')]</c>.</summary>
    public JsonNode? Variable(string name) => Variables[name];

    /// <summary>The names inside every <c>variables('…')</c> in an expression.</summary>
    public static IReadOnlyList<string> VariableReferences(string expression) =>
        VariableReference().Matches(expression).Select(m => m.Groups[1].Value).ToList();

    public static JsonNode? At(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
        }

        return node;
    }

    private static ArmTemplate? Module(ArmResource resource) =>
        resource.Type == "Microsoft.Resources/deployments" && resource["properties.template"] is JsonObject nested
            ? new ArmTemplate(nested, resource.SymbolicName)
            : null;

    [GeneratedRegex(@"variables\('([^']+)'\)")]
    private static partial Regex VariableReference();
}
