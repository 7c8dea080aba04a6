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
                root = (Dictionary<string, object?>)MiniYaml.Parse(File.ReadAllText(PathOf(file)))!;
                Files[file] = root;
            }
            tests = (Dictionary<string, object?>)root["tests"]!;
        }
        return ((List<object?>)tests[section]!).Cast<Dictionary<string, object?>>().ToList();
    }

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
