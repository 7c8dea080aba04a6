using System.Text.Json;

namespace SchoolTwitter.Integration.Tests.Drafts;

/// <summary>
/// The functions.metadata the Functions worker SDK writes into the Functions project's build output
/// (src/SchoolTwitter.Functions/bin/{Configuration}/net10.0): what the Functions host will actually bind.
/// </summary>
internal static class FunctionsMetadata
{
    public static string Path
    {
        get
        {
            var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar));
            var framework = testOutput.Name;
            var configuration = testOutput.Parent!.Name;
            return System.IO.Path.Combine(SchoolTwitter.Testing.RepoRoot.Find(), "src", "SchoolTwitter.Functions", "bin", configuration, framework, "functions.metadata");
        }
    }

    public static IReadOnlyList<FunctionEntry> Read()
    {
        File.Exists(Path).ShouldBeTrue($"functions.metadata should be built at {Path}");
        using var doc = JsonDocument.Parse(File.ReadAllText(Path));
        return doc.RootElement.EnumerateArray().Select(f =>
        {
            var trigger = f.GetProperty("bindings").EnumerateArray().First(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            return new FunctionEntry(
                f.GetProperty("name").GetString()!,
                f.GetProperty("entryPoint").GetString()!,
                trigger.GetProperty("type").GetString()!,
                Str(trigger, "route"),
                Str(trigger, "authLevel"),
                trigger.TryGetProperty("methods", out var m) ? m.EnumerateArray().Select(x => x.GetString()!.ToLowerInvariant()).ToList() : [],
                Str(trigger, "queueName"),
                Str(trigger, "schedule"));
        }).ToList();
    }

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

internal sealed record FunctionEntry(string Name, string EntryPoint, string TriggerType, string? Route, string? AuthLevel,
    IReadOnlyList<string> Methods, string? QueueName, string? Schedule);
