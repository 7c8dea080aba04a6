using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SchoolTwitter.Core.Tests.Structure.TwitterTextConformance;

/// <summary>Loads twitter-text's conformance files (TestData/twitter-text) once and hands out their cases by section.</summary>
internal static class ConformanceData
{
    private static readonly Dictionary<string, Dictionary<string, object?>> Files = [];
    private static readonly Lock Gate = new();

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "TestData", "twitter-text", file);

    public static IReadOnlyList<Dictionary<string, object?>> Section(string file, string section)
    {
        Dictionary<string, object?> tests;
        lock (Gate)
        {
            if (!Files.TryGetValue(file, out var root))
            {
                root = (Dictionary<string, object?>)Load(PathOf(file))!;
                Files[file] = root;
            }
            tests = (Dictionary<string, object?>)root["tests"]!;
        }
        return ((List<object?>)tests[section]!).Cast<Dictionary<string, object?>>().ToList();
    }

    /// <summary>A YAML file as plain values: mappings as Dictionary&lt;string, object?&gt;, sequences as List&lt;object?&gt;.</summary>
    public static object? Load(string path)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            yaml.Load(reader);
        }

        return yaml.Documents.Count == 0 ? null : Value(yaml.Documents[0].RootNode);
    }

    private static object? Value(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => Value(e.Value), StringComparer.Ordinal),
        YamlSequenceNode list => list.Children.Select(Value).ToList(),
        YamlScalarNode { Style: ScalarStyle.Plain } plain => Plain(plain.Value ?? ""),
        YamlScalarNode quoted => quoted.Value,
        _ => throw new FormatException($"Unexpected YAML node {node.NodeType} at {node.Start}."),
    };

    /// <summary>The YAML core schema's reading of an unquoted scalar, as far as the conformance files use it.</summary>
    private static object? Plain(string text) => text switch
    {
        "true" => true,
        "false" => false,
        "null" or "~" or "" => null,
        _ when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
        _ => text,
    };

    /// <summary>Theory rows: the case's index in its section plus its description, so each case is its own test.</summary>
    public static TheoryData<int, string> Cases(string file, string section)
    {
        var data = new TheoryData<int, string>();
        var cases = Section(file, section);
        for (var i = 0; i < cases.Count; i++)
        {
            data.Add(i, (string)cases[i]["description"]!);
        }
        return data;
    }

    public static Dictionary<string, object?> Case(string file, string section, int index) => Section(file, section)[index];

    public static List<string> Strings(object? value) =>
        value is List<object?> list ? list.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!).ToList() : [];

    /// <summary>Expected entities with indices: (value, start, end) from a list of mappings with the given value key.</summary>
    public static List<(string Value, int Start, int End)> Indexed(object? expected, string valueKey)
    {
        var result = new List<(string, int, int)>();
        if (expected is not List<object?> list) return result;
        foreach (Dictionary<string, object?> item in list.Cast<Dictionary<string, object?>>())
        {
            var indices = (List<object?>)item["indices"]!;
            result.Add(((string)item[valueKey]!, (int)indices[0]!, (int)indices[1]!));
        }
        return result;
    }
}
