using System.Text.RegularExpressions;

namespace SchoolTwitter.Integration.Tests.Drafts;

/// <summary>docs/openapi.yaml describes exactly the HTTP functions the app has (routes and methods).</summary>
public sealed partial class OpenApiTests
{
    [Fact]
    public void Documented_routes_match_the_http_triggers()
    {
        var documented = DocumentedOperations();
        var built = ApiFunctions()
            .SelectMany(f => f.Methods.Select(m => $"{m.ToUpperInvariant()} /api/{f.Route}"))
            .ToHashSet();

        documented.ShouldNotBeEmpty();
        documented.Except(built).ShouldBeEmpty("documented but not a function");
        built.Except(documented).ShouldBeEmpty("a function missing from docs/openapi.yaml");
    }

    [Fact]
    public void Operation_ids_name_the_functions()
    {
        var functions = ApiFunctions().Select(f => f.Name).ToHashSet();
        var ids = OperationIdPattern().Matches(File.ReadAllText(OpenApiPath)).Select(m => m.Groups[1].Value).ToList();
        ids.ShouldBeUnique();
        ids.ToHashSet().SetEquals(functions).ShouldBeTrue($"operationIds {string.Join(", ", ids)} vs functions {string.Join(", ", functions)}");
    }

    /// <summary>
    /// The HTTP API's functions: all but the SLT page's own (issue 11), which only the page's script calls (same origin,
    /// signed-in SLT, anti-forgery header) and which docs/slt-page.md describes; a council's connector never imports them.
    /// </summary>
    private static IEnumerable<FunctionEntry> ApiFunctions() => FunctionsMetadata.Read()
        .Where(f => f.TriggerType == "httpTrigger" && !f.EntryPoint.StartsWith(SchoolTwitter.Functions.Page.CrossSiteRequestGuard.PageNamespace, StringComparison.Ordinal));

    private static string OpenApiPath => Path.Combine(SchoolTwitter.Testing.RepoRoot.Find(), "docs", "openapi.yaml");

    /// <summary>"METHOD /path" for every operation under paths: (two-space path keys, four-space method keys).</summary>
    private static HashSet<string> DocumentedOperations()
    {
        var operations = new HashSet<string>();
        string? path = null;
        var inPaths = false;
        foreach (var line in File.ReadLines(OpenApiPath))
        {
            if (line.StartsWith("paths:", StringComparison.Ordinal)) { inPaths = true; continue; }
            if (inPaths && line.Length > 0 && !char.IsWhiteSpace(line[0])) inPaths = false;
            if (!inPaths) continue;
            if (PathPattern().Match(line) is { Success: true } p) path = p.Groups[1].Value;
            else if (MethodPattern().Match(line) is { Success: true } m && path is not null) operations.Add($"{m.Groups[1].Value.ToUpperInvariant()} {path}");
        }
        return operations;
    }

    [GeneratedRegex(@"^  (/\S*):\s*$")]
    private static partial Regex PathPattern();

    [GeneratedRegex(@"^    (get|put|post|delete|patch):\s*$")]
    private static partial Regex MethodPattern();

    [GeneratedRegex(@"operationId:\s*(\w+)")]
    private static partial Regex OperationIdPattern();
}
