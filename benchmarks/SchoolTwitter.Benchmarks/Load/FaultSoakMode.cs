using System.Globalization;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.Soak;

namespace SchoolTwitter.Benchmarks.Load;

/// <summary>
/// Console mode <c>fault-soak [drafts] [minutes] [--seed N]</c> (default 2,000 drafts, 15 minutes): the heavy fault-injection
/// soak on Azurite and the fake X (see <see cref="FaultSoak"/>; tests/SchoolTwitter.Integration.Tests runs 200 drafts of it).
/// Prints what became of every draft and every fault injected; exit code 1 if any draft was posted twice, lost, or left
/// for a person without SLT told.
/// </summary>
public static class FaultSoakMode
{
    public const string Name = "fault-soak";

    public static async Task<int> RunAsync(string[] args)
    {
        var positional = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && !IsOptionValue(args, a)).ToList();
        var options = new FaultSoakOptions
        {
            Drafts = positional.Count > 0 ? int.Parse(positional[0], CultureInfo.InvariantCulture) : 2_000,
            Budget = TimeSpan.FromMinutes(positional.Count > 1 ? double.Parse(positional[1], CultureInfo.InvariantCulture) : 15),
            Workers = 8,
            // A few thousand drafts queue for minutes on one Azurite: the sweep must not mistake the backlog for lost messages.
            SweepGrace = TimeSpan.FromSeconds(30),
            SweepOverdue = TimeSpan.FromMinutes(5),
            Seed = Option(args, "--seed") is { } seed ? int.Parse(seed, CultureInfo.InvariantCulture) : new FaultSoakOptions().Seed,
        };
        Console.WriteLine($"{Name}: {options.Drafts} drafts, budget {options.Budget}, seed {options.Seed}, {Environment.ProcessorCount} cores, " +
            $"load average {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a")}");
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            var report = await FaultSoak.RunAsync(azurite, options, line => Console.WriteLine("  " + line));
            Console.WriteLine(report);
            Console.WriteLine(report.Ok ? "OK: none posted twice, none lost, SLT told of every draft left for a person" : "FAILED");
            return report.Ok ? 0 : 1;
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static bool IsOptionValue(string[] args, string value)
    {
        var at = Array.IndexOf(args, value);
        return at > 0 && args[at - 1].StartsWith("--", StringComparison.Ordinal);
    }
}
