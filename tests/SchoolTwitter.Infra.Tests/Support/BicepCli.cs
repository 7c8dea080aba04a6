using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace SchoolTwitter.Infra.Tests.Support;

/// <summary>
/// Runs the Bicep CLI restored from NuGet (Azure.Bicep.CommandLine.linux-x64, referenced by this project). Offline, no stdin.
/// </summary>
public static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private static readonly Lazy<string> Executable = new(FindExecutable);

    public static string Path => Executable.Value;

    public static BicepResult Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing may prompt or phone home from CI.
        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = new Process { StartInfo = start };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (stdout) { stdout.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.AppendLine(e.Data); } } };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} ran longer than {Timeout}.");
        }

        process.WaitForExit(); // flush the asynchronous readers
        return new BicepResult(process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    private static string FindExecutable()
    {
        var packageFolder = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "BicepPackageFolder")?.Value;
        var candidates = new List<string>();
        if (!string.IsNullOrWhiteSpace(packageFolder))
        {
            candidates.Add(System.IO.Path.Combine(packageFolder, "tools", "bicep"));
        }

        var nugetRoot = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var packageRoot = System.IO.Path.Combine(nugetRoot, "azure.bicep.commandline.linux-x64");
        if (Directory.Exists(packageRoot))
        {
            candidates.AddRange(Directory.GetDirectories(packageRoot).Order(StringComparer.Ordinal).Reverse()
                .Select(d => System.IO.Path.Combine(d, "tools", "bicep")));
        }

        var found = candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                "The Bicep CLI is restored from the Azure.Bicep.CommandLine.linux-x64 NuGet package by building this test project; " +
                $"looked in: {string.Join(", ", candidates)}");

        // NuGet extraction does not always keep the execute bit.
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(found);
            const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            if ((mode & UnixFileMode.UserExecute) == 0)
            {
                File.SetUnixFileMode(found, mode | execute);
            }
        }

        return found;
    }
}

public sealed record BicepResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string Output => (StandardOutput + StandardError).Trim();

    public override string ToString() => $"exit code {ExitCode}{Environment.NewLine}{Output}";
}
