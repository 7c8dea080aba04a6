using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace SchoolTwitter.Benchmarks.Checker;

/// <summary>
/// Timed console modes that spawn the built <c>schooltwitter</c> as people and scripts do, measuring whole processes:
/// <list type="bullet">
/// <item><c>cli-startup [--runs N] [--cli PATH]</c>: time to the first verdict byte and to exit, for --json and for people (target &lt; 150 ms, issue 9).</item>
/// <item><c>cli-jsonl [--count N] [--runs N] [--cli PATH]</c>: drafts per second through <c>check --jsonl</c> (one process, one core for the checks).</item>
/// </list>
/// PATH defaults to the schooltwitter.dll built beside this program (run with <c>dotnet exec</c>); give a published apphost to time that.
/// </summary>
public static class CliProcessTimer
{
    /// <summary>The target for the whole process, start to first verdict byte.</summary>
    private const int TargetMs = 150;

    private const string Draft = "Our choir sang at St Helens Town Hall this evening.";

    public static int Startup(string[] args)
    {
        var runs = IntOption(args, "--runs", 30);
        var cli = CliPath(args);
        Console.WriteLine($"CLI: {cli}; {runs} runs per mode after 3 warm-up runs; {Environment.ProcessorCount} cores, load average {LoadAverage()}.");
        Console.WriteLine("Wall times are what a person waits; CPU is the process's user+system time, steadier on a busy machine.");
        Console.WriteLine();
        Console.WriteLine("| Mode | First verdict median | p95 | min | Exit median | CPU median | CPU p95 |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        var medians = new List<double>();
        var cpuMedians = new List<double>();
        foreach (var (mode, modeArgs) in new[]
        {
            ("check \"…\" --json", new[] { "check", Draft, "--json" }),
            ("check \"…\" (for people)", new[] { "check", Draft }),
        })
        {
            for (var i = 0; i < 3; i++) Spawn(cli, modeArgs, stdin: null);
            var samples = Enumerable.Range(0, runs).Select(_ => Spawn(cli, modeArgs, stdin: null)).ToList();
            var first = samples.Select(s => s.FirstOutputMs).Order().ToList();
            var exit = samples.Select(s => s.ExitMs).Order().ToList();
            var cpu = samples.Select(s => s.CpuMs).Order().ToList();
            medians.Add(Percentile(first, 50));
            cpuMedians.Add(Percentile(cpu, 50));
            Console.WriteLine($"| {mode} | {Ms(Percentile(first, 50))} | {Ms(Percentile(first, 95))} | {Ms(first[0])} | {Ms(Percentile(exit, 50))} | {Ms(Percentile(cpu, 50))} | {Ms(Percentile(cpu, 95))} |");
        }
        Console.WriteLine();
        Console.WriteLine(medians.Max() < TargetMs
            ? $"Target met: median time to first verdict under {TargetMs} ms in every mode."
            : $"Target NOT met on this run: median time to first verdict is {TargetMs} ms or more in some mode (load average {LoadAverage()} on {Environment.ProcessorCount} cores).");
        Console.WriteLine($"CPU per process (median, worst mode): {Ms(cpuMedians.Max())}.");
        return 0;
    }

    public static int JsonLines(string[] args)
    {
        var count = IntOption(args, "--count", 10_000);
        var runs = IntOption(args, "--runs", 3);
        var cli = CliPath(args);
        var corpus = DraftCorpus.Generate(count);
        var path = Path.Combine(Path.GetTempPath(), $"schooltwitter-bench-{Environment.ProcessId}.jsonl");
        try
        {
            using (var file = File.Create(path))
            {
                foreach (var json in corpus.ToJson())
                {
                    file.Write(json);
                    file.WriteByte((byte)'\n');
                }
            }
            Console.WriteLine($"CLI: {cli}; {count:N0} drafts ({new FileInfo(path).Length / 1024:N0} KB of JSON Lines), {runs} runs after 1 warm-up; load average {LoadAverage()}.");
            Spawn(cli, ["check", "--jsonl", path], stdin: null);
            var samples = Enumerable.Range(0, runs).Select(_ => Spawn(cli, ["check", "--jsonl", path], stdin: null)).ToList();
            var best = samples.MinBy(s => s.ExitMs)!;
            var median = Percentile(samples.Select(s => s.ExitMs).Order().ToList(), 50);
            var cpu = Percentile(samples.Select(s => s.CpuMs).Order().ToList(), 50);
            Console.WriteLine($"Output lines: {best.OutputLines:N0}; whole process median {Ms(median)} wall, {Ms(cpu)} CPU => " +
                              $"{count / (median / 1000):N0} drafts/s wall, {count / (cpu / 1000):N0} drafts/s per CPU second, start-up included.");
            return 0;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed record Sample(double FirstOutputMs, double ExitMs, double CpuMs, int OutputLines);

    private static Sample Spawn(string cli, string[] args, string? stdin)
    {
        var start = cli.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new ProcessStartInfo("dotnet") { ArgumentList = { "exec", cli } }
            : new ProcessStartInfo(cli);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.RedirectStandardOutput = true;
        start.RedirectStandardInput = stdin is not null;
        start.UseShellExecute = false;
        start.Environment["NO_COLOR"] = "1";

        var cpuBefore = ChildrenCpuMs();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.BaseStream;
        var buffer = new byte[64 * 1024];
        double first = -1;
        var lines = 0;
        int read;
        while ((read = output.Read(buffer)) > 0)
        {
            if (first < 0) first = clock.Elapsed.TotalMilliseconds;
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }
        process.WaitForExit();
        var exit = clock.Elapsed.TotalMilliseconds;
        if (process.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"schooltwitter {string.Join(' ', args.Take(2))} exited {process.ExitCode}");
        }
        return new Sample(first < 0 ? exit : first, exit, ChildrenCpuMs() - cpuBefore, lines);
    }

    /// <summary>User + system CPU time of every child process waited for so far (getrusage RUSAGE_CHILDREN); NaN off Linux.</summary>
    private static double ChildrenCpuMs()
    {
        if (!OperatingSystem.IsLinux()) return double.NaN;
        var usage = new long[18]; // struct rusage: utime {sec, usec}, stime {sec, usec}, 14 longs
        if (GetResourceUsage(-1, usage) != 0) return double.NaN;
        return (usage[0] + usage[2]) * 1000.0 + (usage[1] + usage[3]) / 1000.0;
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetResourceUsage(int who, [Out] long[] usage);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string CliPath(string[] args)
    {
        var given = StringOption(args, "--cli");
        var path = given ?? Path.Combine(AppContext.BaseDirectory, "schooltwitter.dll");
        if (!File.Exists(path)) throw new FileNotFoundException($"The CLI to time was not found: {path}");
        return Path.GetFullPath(path);
    }

    private static double Percentile(List<double> sorted, int percentile)
    {
        var rank = (percentile / 100.0) * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    private static string Ms(double ms) => ms.ToString("0", CultureInfo.InvariantCulture) + " ms";

    private static int IntOption(string[] args, string name, int fallback) =>
        StringOption(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static string? StringOption(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
