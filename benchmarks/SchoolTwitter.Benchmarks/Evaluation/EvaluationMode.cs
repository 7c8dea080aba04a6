using System.Globalization;

namespace SchoolTwitter.Benchmarks.Evaluation;

/// <summary>
/// <c>evaluate [category ...] [--misses DIR] [--node-modules DIR]</c>: scores the checker against third-party data and prints
/// one Markdown table (the README's accuracy figures). Every <see cref="IEvaluation"/> in this assembly is a category; with no
/// category named, all run. Exit code 0 when every figure with a target meets it, 1 otherwise.
/// </summary>
public static class EvaluationMode
{
    public const string Name = "evaluate";

    public static int Run(string[] args)
    {
        var misses = Option(args, "--misses");
        var nodeModules = Option(args, "--node-modules") ?? FindNodeModules();
        var named = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal))).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var evaluations = typeof(IEvaluation).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IEvaluation).IsAssignableFrom(t))
            .Select(t => (IEvaluation)Activator.CreateInstance(t)!)
            .Where(e => named.Count == 0 || named.Contains(e.Name))
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
        if (evaluations.Count == 0)
        {
            Console.Error.WriteLine(named.Count == 0 ? "No evaluations in this build." : $"No evaluation named {string.Join(", ", named)}.");
            return 2;
        }

        var context = new EvaluationContext(nodeModules, misses);
        var figures = evaluations.SelectMany(e => e.Run(context)).ToList();
        Console.WriteLine("| Category | Measure | Result | Target | Met |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (var f in figures)
        {
            var target = f.Target is null ? "" : (f.AtMost ? "≤ " : "≥ ") + Percent(f.Target.Value);
            var met = f.Met switch { true => "yes", false => "**no**", null => "" };
            Console.WriteLine($"| {f.Category} | {f.Measure} | {Percent(f.Rate)} ({f.Hits.ToString("N0", CultureInfo.InvariantCulture)} of {f.Total.ToString("N0", CultureInfo.InvariantCulture)}) | {target} | {met} |");
        }
        foreach (var f in figures.Where(f => f.Examples is not null))
            Console.WriteLine($"\n{f.Category} / {f.Measure}: {f.Examples}");
        return figures.All(f => f.Met != false) ? 0 : 1;
    }

    private static string Percent(double rate) => (rate * 100).ToString(rate is > 0 and < 0.001 ? "0.000" : "0.0", CultureInfo.InvariantCulture) + "%";

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>The repository's node_modules, found above the benchmark's own directory.</summary>
    public static string FindNodeModules()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "node_modules");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "SchoolTwitter.sln"))) return candidate;
        }
        throw new DirectoryNotFoundException("node_modules not found above the benchmark: run `npm ci` in the repository root or pass --node-modules.");
    }
}
