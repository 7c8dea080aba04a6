using System.Text.Json;
using System.Text.Json.Nodes;

namespace SchoolTwitter.Infra.Tests.Support;

/// <summary>Compiles infra/main.bicep and every .bicepparam once for all the tests in the collection.</summary>
public sealed class CompiledInfra : IDisposable
{
    private readonly string _outputFolder = Path.Combine(Path.GetTempPath(), $"schooltwitter-infra-{Guid.NewGuid():N}");

    public CompiledInfra()
    {
        Directory.CreateDirectory(_outputFolder);

        var mainJson = Path.Combine(_outputFolder, "main.json");
        MainBuild = BicepCli.Run("build", RepoPaths.MainTemplate, "--outfile", mainJson);
        if (MainBuild.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build infra/main.bicep failed: {MainBuild}");
        }

        MainJsonText = File.ReadAllText(mainJson);
        Main = new ArmTemplate(JsonNode.Parse(MainJsonText)!.AsObject(), "main");

        foreach (var file in RepoPaths.ParameterFiles())
        {
            var outFile = Path.Combine(_outputFolder, file.Replace('/', '_') + ".json");
            var result = BicepCli.Run("build-params", Path.Combine(RepoPaths.Infra, file), "--outfile", outFile);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"bicep build-params infra/{file} failed: {result}");
            }

            var text = File.ReadAllText(outFile);
            ParameterFiles[file] = new CompiledParameters(file, text, JsonNode.Parse(text)!["parameters"]!.AsObject());
        }
    }

    public BicepResult MainBuild { get; }

    public string MainJsonText { get; }

    public ArmTemplate Main { get; }

    public Dictionary<string, CompiledParameters> ParameterFiles { get; } = new(StringComparer.Ordinal);

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
