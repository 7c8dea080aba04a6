using System.Text.Json;
using System.Text.Json.Nodes;

namespace SchoolTwitter.Infra.Tests.Support;

/// <summary>
/// Builds and lints every file under infra/ once for all the tests in the collection: one <c>bicep build</c> over the
/// templates, one <c>bicep build-params</c> over the parameter files, one <c>bicep lint</c> over both (the machine is shared).
/// </summary>
public sealed class CompiledInfra : IDisposable
{
    private readonly string _outputFolder = Path.Combine(Path.GetTempPath(), $"schooltwitter-infra-{Guid.NewGuid():N}");

    public CompiledInfra()
    {
        var templates = Path.Combine(_outputFolder, "templates");
        var parameters = Path.Combine(_outputFolder, "parameters");
        Directory.CreateDirectory(templates);
        Directory.CreateDirectory(parameters);

        TemplateBuild = BicepCli.Run("build", "--pattern", "infra/**/*.bicep", "--outdir", templates);
        ParameterBuild = BicepCli.Run("build-params", "--pattern", "infra/**/*.bicepparam", "--outdir", parameters);
        Lint = BicepCli.Run("lint", "--pattern", "infra/**/*.bicep*", "--no-restore");

        foreach (var file in RepoPaths.BicepFiles())
        {
            var isParameters = file.EndsWith(".bicepparam", StringComparison.Ordinal);
            var output = Path.Combine(isParameters ? parameters : templates, Path.ChangeExtension(file, ".json"));
            if (File.Exists(output))
            {
                CompiledFiles[file] = File.ReadAllText(output);
            }
        }

        if (!CompiledFiles.TryGetValue("main.bicep", out var main))
        {
            throw new InvalidOperationException($"bicep build did not compile infra/main.bicep: {TemplateBuild}");
        }

        MainJsonText = main;
        Main = new ArmTemplate(JsonNode.Parse(main)!.AsObject(), "main");

        foreach (var file in RepoPaths.ParameterFiles().Where(CompiledFiles.ContainsKey))
        {
            var text = CompiledFiles[file];
            ParameterFiles[file] = new CompiledParameters(file, text, JsonNode.Parse(text)!["parameters"]!.AsObject());
        }
    }

    public BicepResult TemplateBuild { get; }

    public BicepResult ParameterBuild { get; }

    public BicepResult Lint { get; }

    /// <summary>Compiled JSON by source file (relative to infra/).</summary>
    public Dictionary<string, string> CompiledFiles { get; } = new(StringComparer.Ordinal);

    public string MainJsonText { get; }

    public ArmTemplate Main { get; }

    public Dictionary<string, CompiledParameters> ParameterFiles { get; } = new(StringComparer.Ordinal);

    /// <summary>Bicep's diagnostic lines (from build, build-params and lint) that name this file.</summary>
    public IReadOnlyList<string> DiagnosticsFor(string file)
    {
        var path = Path.Combine(RepoPaths.Infra, file);
        return new[] { TemplateBuild, ParameterBuild, Lint }
            .SelectMany(r => r.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(line => line.StartsWith(path + "(", StringComparison.Ordinal))
            .ToList();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_outputFolder, recursive: true);
        }
        catch (IOException)
        {
            // Temp clean-up only.
        }
    }
}

public sealed record CompiledParameters(string File, string Text, JsonObject Parameters)
{
    public string? Value(string name) => Parameters[name]?["value"] is JsonValue v ? v.ToJsonString(new JsonSerializerOptions()).Trim('"') : null;
}

[CollectionDefinition(Name)]
public sealed class CompiledInfraCollection : ICollectionFixture<CompiledInfra>
{
    public const string Name = "compiled-infra";
}
