namespace SchoolTwitter.Testing;

/// <summary>The repository root: the nearest folder above the running tests that holds SchoolTwitter.sln.</summary>
public static class RepoRoot
{
    public static string Find(string? start = null)
    {
        var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory);
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SchoolTwitter.sln")))
            {
                return dir.FullName;
            }

            dir = dir.Parent;
        }

        throw new InvalidOperationException($"No SchoolTwitter.sln above {start ?? AppContext.BaseDirectory}.");
    }
}
