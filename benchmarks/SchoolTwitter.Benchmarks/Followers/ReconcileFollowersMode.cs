using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SchoolTwitter.Application.Followers;
using SchoolTwitter.Application.X;
using SchoolTwitter.Infrastructure.Configuration;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.FakeX;
using SchoolTwitter.Testing.TestHost;

namespace SchoolTwitter.Benchmarks.Followers;

/// <summary>
/// Timed console mode <c>reconcile-followers [--followers N[,M…]]</c>: a full reconciliation of N followers from the fake X into
/// Azurite, sampling the managed heap every few milliseconds. A streamed reconciliation's peak should not grow with N.
/// </summary>
public static class ReconcileFollowersMode
{
    public const string Name = "reconcile-followers";

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = Option(args, "--followers") is { } list
            ? list.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray()
            : [10_000, 100_000];

        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            Console.WriteLine("followers | pages | X requests | seconds | peak managed heap above baseline | allocated | bytes allocated per follower");
            foreach (var n in sizes)
            {
                var r = await MeasureAsync(azurite, n);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{n,9:N0} | {r.Pages,5} | {r.Requests,10} | {r.Elapsed.TotalSeconds,7:F1} | {r.PeakAboveBaseline / 1048576.0,10:F1} MiB | {r.Allocated / 1048576.0,8:F0} MiB | {r.Allocated / (double)n,8:F0}"));
            }
        }
        finally
        {
            await azurite.DisposeAsync();
        }
        return 0;
    }

    public sealed record Measurement(int Pages, int Requests, TimeSpan Elapsed, long PeakAboveBaseline, long Allocated);

    public static async Task<Measurement> MeasureAsync(AzuriteFixture azurite, int followers)
    {
        var time = new ManualClock(new DateTimeOffset(2026, 11, 2, 7, 30, 0, TimeSpan.Zero));
        var accountId = "18" + Random.Shared.NextInt64(10_000_000_000_000_000, 99_999_999_999_999_999).ToString(CultureInfo.InvariantCulture);
        await using var host = await SchoolTwitterTestHost.StartAsync(azurite, o =>
        {
            o.Time = time;
            o.Settings[SettingNames.XAccountId] = accountId;
            o.Settings[SettingNames.FollowerInvocationBudget] = "01:00:00";
        });
        var credentials = FakeXServer.NewCredentials();
        host.X.AcceptCredentials(credentials, accountId);
        host.Credentials.Set(credentials);
        host.X.SetFollowers(Generate(followers, time.GetUtcNow()), accountId);
        var scans = host.Services.GetRequiredService<FollowerScanService>();

        // The fake X's follower list is in this process too: it is part of the baseline, not of the peak.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                try { await Task.Delay(5, sampling.Token); } catch (OperationCanceledException) { }
            }
        });

        var stopwatch = Stopwatch.StartNew();
        var result = await scans.RunScheduledAsync(CancellationToken.None);
        stopwatch.Stop();
        await sampling.CancelAsync();
        await sampler;
        peak = Math.Max(peak, GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes);

        if (result.Outcome != FollowerScanOutcome.Completed || result.Run!.FollowersSeen != followers)
        {
            throw new InvalidOperationException($"Reconciliation ended {result.Outcome} having seen {result.Run?.FollowersSeen} of {followers}.");
        }
        return new Measurement(result.Run.PagesRead, host.X.RequestCount("GET", $"/2/users/{accountId}/followers"), stopwatch.Elapsed,
            peak - baseline, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
    }

    /// <summary>Mostly ordinary followers with some bots, newest first.</summary>
    public static IEnumerable<XUser> Generate(int count, DateTimeOffset now)
    {
        for (var i = 0; i < count; i++)
        {
            var id = (3_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture);
            yield return i % 50 == 7
                ? new XUser(id, $"promo{id[^9..]}", "Promo", null, null, now.AddDays(-3), 10, 4000, 2, DefaultProfileImage: true)
                : new XUser(id, $"parent_{i}", $"Parent {i}", "Mum of two. Loves reading week.", "https://pbs.twimg.com/p.jpg",
                    new DateTimeOffset(2018, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(i % 2000), 150, 200, 800);
        }
    }

    internal static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
