using System.Text;

namespace SchoolTwitter.Cli.Tests.Support;

/// <summary>A folder of files for one test, deleted afterwards.</summary>
public sealed class TempFiles : IDisposable
{
    // A 1x1 PNG.
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "schooltwitter-cli-tests", Guid.NewGuid().ToString("N"));

    public TempFiles() => System.IO.Directory.CreateDirectory(Directory);

    public string Write(string name, string content) => Write(name, new UTF8Encoding(false).GetBytes(content));

    public string Write(string name, byte[] content)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string PathOf(string name) => Path.Combine(Directory, name);

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
    }
}
