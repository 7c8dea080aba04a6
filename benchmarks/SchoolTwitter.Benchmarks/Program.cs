using BenchmarkDotNet.Running;
using SchoolTwitter.Benchmarks.Checker;
using SchoolTwitter.Benchmarks.Evaluation;
using SchoolTwitter.Benchmarks.Followers;
using SchoolTwitter.Benchmarks.Load;

// Timed console modes spawn whole processes or drive real storage (see each class); everything else is BenchmarkDotNet.
return args.FirstOrDefault() switch
{
    "cli-startup" => CliProcessTimer.Startup(args[1..]),
    "cli-jsonl" => CliProcessTimer.JsonLines(args[1..]),
    "checker-cpu" => CheckerCpuTimer.Run(args[1..]),
    "load-drafts" => await LoadDrafts.RunAsync(args[1..]),
    FaultSoakMode.Name => await FaultSoakMode.RunAsync(args[1..]),
    ReconcileFollowersMode.Name => await ReconcileFollowersMode.RunAsync(args[1..]),
    ReconcileFollowersMode.FakeXName => await ReconcileFollowersMode.ServeFakeXAsync(args[1..]),
    EvaluationMode.Name => EvaluationMode.Run(args[1..]),
    FollowersYearCostMode.Name => await FollowersYearCostMode.RunAsync(args[1..]),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(CheckerBenchmarks).Assembly).Run(args);
    return 0;
}
