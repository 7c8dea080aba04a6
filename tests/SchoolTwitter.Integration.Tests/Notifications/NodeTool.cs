using System.Diagnostics;

namespace SchoolTwitter.Integration.Tests.Notifications;

/// <summary>
/// Runs a Node.js script or an npm package's command from the repository's node_modules. A missing package fails the test
/// with what to do (never skips): CI installs package.json with npm ci, so a missing package is a broken set-up.
/// </summary>
internal static class NodeTool
{
    public static string Root { get; } = SchoolTwitter.Testing.RepoRoot.Find();

    /// <summary>Fails the test, saying how to install it, unless node_modules holds <paramref name="package"/>.</summary>
    public static void Require(string package, string version)
    {
        var manifest = Path.Combine(Root, "node_modules", package, "package.json");
        File.Exists(manifest).ShouldBeTrue(
            $"The npm package {package} is not installed in {Path.Combine(Root, "node_modules")}" +
            (Environment.GetEnvironmentVariable("CI") == "true" ? " on CI" : "") +
            $": package.json must list \"{package}\": \"{version}\" and `npm ci` must have run in the repository root " +
            $"(or, before it is listed, `npm install --no-save {package}@{version}`).");
    }

    public static (int ExitCode, string Output, string Errors) Run(string script, params string[] args)
    {
        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(script);
        foreach (var arg in args) psi.ArgumentList.Add(arg);
        // Offline and quiet: no telemetry, no update check.
        psi.Environment["REDOCLY_TELEMETRY"] = "off";
        psi.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        psi.Environment["NO_COLOR"] = "1";

        Process process;
        try
        {
            process = Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Node.js (`node`) is not on PATH; the card and OpenAPI checks need it.", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"node {script} did not finish within 2 minutes.");
            }
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
    }
}
