using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Benchmarks.Checker;

/// <summary>
/// <c>checker-cpu [--rounds N]</c>: the checker over the 10,000-draft corpus on this thread, timed by the thread's own CPU
/// clock as well as the wall clock. On a shared, busy machine the wall clock also counts time the thread spent waiting for a
/// core; the thread's CPU time counts only the time it ran, so drafts per CPU-second is the single-core throughput.
/// Complements <see cref="CheckerBenchmarks"/> (BenchmarkDotNet, wall clock), which is the reference on a quiet machine.
/// </summary>
public static class CheckerCpuTimer
{
    public static int Run(string[] args)
    {
        var i = Array.IndexOf(args, "--rounds");
        var rounds = i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : 5;
        var corpus = DraftCorpus.Generate(CheckerBenchmarks.DraftCount);
        var drafts = corpus.Drafts;
        var json = corpus.ToJson();
        var checker = CheckerBenchmarks.LongRunningChecker();
        var output = new ArrayBufferWriter<byte>(16 * 1024);
        using var writer = new Utf8JsonWriter(output, VerdictJson.WriterOptions);

        var outcomes = drafts.Select(d => checker.Check(d, corpus.Roster).Outcome).ToList();
        Console.WriteLine($"{drafts.Count:N0} drafts: {outcomes.Count(o => o == VerdictOutcome.Pass):N0} pass, " +
                          $"{outcomes.Count(o => o == VerdictOutcome.Review):N0} review, {outcomes.Count(o => o == VerdictOutcome.Blocked):N0} blocked; " +
                          $"{drafts.Count(d => d.Images.Count > 0):N0} with images. {rounds} measured rounds after 4 warm-up rounds of every operation; load average {LoadAverage()}.");
        Console.WriteLine();
        Console.WriteLine("| Operation (one draft) | Drafts/s per CPU-second | Drafts/s wall | CPU per draft | Allocated per draft |");
        Console.WriteLine("|---|---|---|---|---|");

        (string Name, Action Round)[] operations =
        [
            ("Check", () =>
            {
                foreach (var draft in drafts) checker.Check(draft, corpus.Roster);
            }),
            ("Read + check + write verdict JSON", () =>
            {
                foreach (var line in json)
                {
                    var draft = DraftReader.Parse(line).Value!;
                    output.ResetWrittenCount();
                    writer.Reset(output);
                    VerdictJson.Write(writer, checker.Check(draft, corpus.Roster));
                    writer.Flush();
                }
            }),
            ("Read draft JSON", () =>
            {
                foreach (var line in json) DraftReader.Parse(line);
            }),
        ];

        // Warm every operation up first, then give the background JIT time to finish tiering up (on a busy machine it
        // waits for a core too), so no operation is measured on code that is still being optimised.
        for (var w = 0; w < 3; w++)
        {
            foreach (var operation in operations) operation.Round();
        }
        Thread.Sleep(1500);
        foreach (var operation in operations) Measure(operation.Name, rounds, drafts.Count, operation.Round);
        if (args.Contains("--by-rule")) ByRule(checker, corpus, rounds);
        return 0;
    }

    /// <summary><c>--by-rule</c>: each rule's share of the check, in rule order (a rule skipping spans earlier rules reported runs after them).</summary>
    private static void ByRule(CodeOfConductChecker checker, DraftCorpus corpus, int rounds)
    {
        Console.WriteLine();
        Console.WriteLine("| Rule | CPU per draft | Share |");
        Console.WriteLine("|---|---|---|");
        var contexts = corpus.Drafts.Select(d => new DraftContext(d, corpus.Roster, Core.Roster.StaffList.Empty)).ToList();
        var findings = new List<Finding>();
        var perRule = new List<(string Rule, double Us)>();
        perRule.Add(("(the draft's entities, length and words, shared by every rule)", PerDraftUs(rounds, corpus.Drafts, d => new DraftContext(d, corpus.Roster, Core.Roster.StaffList.Empty))));
        foreach (var rule in checker.Rules)
        {
            // Each rule sees the findings the rules before it reported, as in the checker.
            var cpu = ThreadCpuMs();
            for (var r = 0; r < rounds; r++)
            {
                foreach (var context in contexts)
                {
                    findings.Clear();
                    rule.Check(context, findings);
                }
            }
            perRule.Add((rule.Id, (ThreadCpuMs() - cpu) * 1000 / (rounds * (double)contexts.Count)));
        }
        var total = perRule.Sum(p => p.Us);
        foreach (var (rule, us) in perRule.OrderByDescending(p => p.Us))
        {
            Console.WriteLine($"| {rule} | {us.ToString("0.0", CultureInfo.InvariantCulture)} µs | {(us / total).ToString("P0", CultureInfo.InvariantCulture)} |");
        }
    }

    private static double PerDraftUs(int rounds, IReadOnlyList<Draft> drafts, Func<Draft, object> build)
    {
        var cpu = ThreadCpuMs();
        for (var r = 0; r < rounds; r++)
        {
            foreach (var draft in drafts) build(draft);
        }
        return (ThreadCpuMs() - cpu) * 1000 / (rounds * (double)drafts.Count);
    }

    private static void Measure(string name, int rounds, int count, Action round)
    {
        round();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = ThreadCpuMs();
        var wall = Stopwatch.StartNew();
        for (var r = 0; r < rounds; r++) round();
        var wallMs = wall.Elapsed.TotalMilliseconds;
        var cpuMs = ThreadCpuMs() - cpu;
        var operations = (double)rounds * count;
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / operations;
        Console.WriteLine($"| {name} | {operations / (cpuMs / 1000):N0} | {operations / (wallMs / 1000):N0} | " +
                          $"{cpuMs * 1000 / operations:N1} µs | {bytes:N0} B |");
    }

    /// <summary>This thread's user + system CPU time (getrusage RUSAGE_THREAD); the process's off Linux.</summary>
    private static double ThreadCpuMs()
    {
        if (!OperatingSystem.IsLinux()) return Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
        var usage = new long[18];
        if (GetResourceUsage(1, usage) != 0) throw new InvalidOperationException("getrusage failed");
        return (usage[0] + usage[2]) * 1000.0 + (usage[1] + usage[3]) / 1000.0;
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetResourceUsage(int who, [Out] long[] usage);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
