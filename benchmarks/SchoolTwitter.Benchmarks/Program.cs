using BenchmarkDotNet.Running;
using SchoolTwitter.Benchmarks.Checker;

// Timed console modes spawn whole processes (see Checker/CliProcessTimer.cs); everything else is BenchmarkDotNet.
return args.FirstOrDefault() switch
{
    "cli-startup" => CliProcessTimer.Startup(args[1..]),
    "cli-jsonl" => CliProcessTimer.JsonLines(args[1..]),
    "checker-cpu" => CheckerCpuTimer.Run(args[1..]),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(CheckerBenchmarks).Assembly).Run(args);
    return 0;
}
