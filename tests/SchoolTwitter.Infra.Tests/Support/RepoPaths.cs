namespace SchoolTwitter.Infra.Tests.Support;

/// <summary>Where the repository and its infra/ folder are, found from the test assembly's folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Infra => Path.Combine(Root, "infra");

    public static string MainTemplate => Path.Combine(Infra, "main.bicep");

    public static string MainParameters => Path.Combine(Infra, "main.bicepparam");

    /// <summary>Every .bicep and .bicepparam file under infra/, as paths relative to infra/ (stable theory data).</summary>
    public static IReadOnlyList<string> BicepFiles() =>
        Directory.EnumerateFiles(Infra, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".bicep", StringComparison.Ordinal) || f.EndsWith(".bicepparam", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Infra, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<string> ParameterFiles() =>
        BicepFiles().Where(f => f.EndsWith(".bicepparam", StringComparison.Ordinal)).ToList();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SchoolTwitter.sln")) && Directory.Exists(Path.Combine(dir.FullName, "infra")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No SchoolTwitter.sln with an infra/ folder above {AppContext.BaseDirectory}.");
    }
}
