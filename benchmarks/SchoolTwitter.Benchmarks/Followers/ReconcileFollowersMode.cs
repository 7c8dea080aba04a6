using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SchoolTwitter.Application.Followers;
using SchoolTwitter.Application.X;
using SchoolTwitter.Core.Followers;
using SchoolTwitter.Infrastructure.Configuration;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.FakeX;
using SchoolTwitter.Testing.TestHost;

namespace SchoolTwitter.Benchmarks.Followers;

/// <summary>
/// Timed console mode <c>reconcile-followers [--followers N[,M…]]</c>: the monthly full reconciliation of N followers (1% of the
/// known ones having unfollowed) from the fake X into Azurite, sampling this process's managed heap every few milliseconds.
/// The fake X runs in a child process (as X would be elsewhere), so its own page building is not counted; a streamed
/// reconciliation's peak should not grow with N.
/// </summary>
public static class ReconcileFollowersMode
{
    public const string Name = "reconcile-followers";

    /// <summary>The child-process mode serving the fake X.</summary>
    public const string FakeXName = "fake-x-followers";

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = Option(args, "--followers") is { } list
            ? list.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray()
            : [10_000, 100_000];

        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            Console.WriteLine("followers | pages | X requests | unfollowed | seconds | peak managed heap above baseline | peak live after GC above baseline | allocated | allocated per follower");
            foreach (var n in sizes)
            {
                var r = await MeasureAsync(azurite, n);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{n,9:N0} | {r.Pages,5} | {r.Requests,10} | {r.Unfollowed,10:N0} | {r.Elapsed.TotalSeconds,7:F1} | {r.PeakAboveBaseline / 1048576.0,10:F1} MiB | {r.PeakLiveAboveBaseline / 1048576.0,10:F1} MiB | {r.Allocated / 1048576.0,8:F0} MiB | {r.Allocated / (double)n,8:F0} B"));
            }
        }
        finally
        {
            await azurite.DisposeAsync();
        }
        return 0;
    }

    public sealed record Measurement(int Pages, int Requests, int Unfollowed, TimeSpan Elapsed, long PeakAboveBaseline, long PeakLiveAboveBaseline, long Allocated);

    public static async Task<Measurement> MeasureAsync(AzuriteFixture azurite, int followers)
    {
        var time = new ManualClock(new DateTimeOffset(2026, 11, 2, 7, 30, 0, TimeSpan.Zero));
        var accountId = "18" + Random.Shared.NextInt64(10_000_000_000_000_000, 99_999_999_999_999_999).ToString(CultureInfo.InvariantCulture);
        await using var fakeX = await ChildFakeX.StartAsync(followers, accountId);
        await using var host = await SchoolTwitterTestHost.StartAsync(azurite, o =>
        {
            o.Time = time;
            o.Settings[SettingNames.XAccountId] = accountId;
            o.Settings[SettingNames.XApiBaseUrl] = fakeX.BaseUrl;
            o.Settings["X:RequestTimeout"] = "00:02:00";
            o.Settings[SettingNames.FollowerInvocationBudget] = "01:00:00";
        });
        host.Credentials.Set(fakeX.Credentials);

        // Last month's state: every current follower known and assessed, plus 1% who have since unfollowed.
        var store = host.Services.GetRequiredService<IFollowerStore>();
        var seenAt = time.GetUtcNow().AddDays(-28);
        foreach (var chunk in Generate(followers + followers / 100, time.GetUtcNow()).Chunk(1_000))
        {
            await store.SaveAsync(accountId, chunk.Select(u => new FollowerRecord(
                new FollowerProfile(u.Id, u.Username, u.Name, u.Description, null, null, u.CreatedAt, u.FollowersCount, u.FollowingCount, u.PostCount, u.DefaultProfileImage),
                true, seenAt, "seed", "seed", null, FollowerSuggestion.Keep)).ToList(), CancellationToken.None);
        }
        var scans = host.Services.GetRequiredService<FollowerScanService>();

        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var peak = baseline;
        var peakLive = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                // What survived the last collection: the data the reconciliation really holds, without garbage awaiting collection.
                var gc = GC.GetGCMemoryInfo(GCKind.Any);
                if (gc.Index > 0) peakLive = Math.Max(peakLive, gc.HeapSizeBytes - gc.FragmentedBytes);
                try { await Task.Delay(2, sampling.Token); } catch (OperationCanceledException) { }
            }
        });

        var stopwatch = Stopwatch.StartNew();
        var result = await scans.RunScheduledAsync(CancellationToken.None);
        stopwatch.Stop();
        await sampling.CancelAsync();
        await sampler;

        if (result.Outcome != FollowerScanOutcome.Completed || result.Run!.FollowersSeen != followers || result.Run.NewFollowers != 0)
        {
            throw new InvalidOperationException($"Reconciliation ended {result.Outcome} having seen {result.Run?.FollowersSeen} of {followers} ({result.Run?.NewFollowers} new).");
        }
        return new Measurement(result.Run.PagesRead, await fakeX.FollowersRequestsAsync(), result.Run.Unfollowed, stopwatch.Elapsed,
            peak - baseline, Math.Max(0, peakLive - baseline), GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
    }

    /// <summary>Child-process mode: serves N followers from a fake X until stdin closes; "count" prints the followers requests.</summary>
    public static async Task<int> ServeFakeXAsync(string[] args)
    {
        var followers = int.Parse(args[0], CultureInfo.InvariantCulture);
        var accountId = args[1];
        await using var x = await FakeXServer.StartAsync(accountId: accountId);
        x.TimestampTolerance = TimeSpan.FromDays(3650); // the parent signs with its simulated clock
        x.SetFollowers(Generate(followers, DateTimeOffset.UtcNow), accountId);
        var c = x.Credentials;
        Console.WriteLine($"READY {x.BaseUrl} {c.ConsumerKey} {c.ConsumerSecret} {c.AccessToken} {c.AccessTokenSecret}");
        while (await Console.In.ReadLineAsync() is { } line)
        {
            if (line == "count") Console.WriteLine(x.RequestCount("GET", $"/2/users/{accountId}/followers").ToString(CultureInfo.InvariantCulture));
        }
        return 0;
    }

    /// <summary>Mostly ordinary followers with some bots, newest first; the same ids for the same index.</summary>
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

    /// <summary>This benchmark run again as a child process in <see cref="FakeXName"/> mode.</summary>
    private sealed class ChildFakeX : IAsyncDisposable
    {
        private readonly Process _process;

        private ChildFakeX(Process process, string baseUrl, XCredentials credentials)
        {
            _process = process;
            BaseUrl = baseUrl;
            Credentials = credentials;
        }

        public string BaseUrl { get; }
        public XCredentials Credentials { get; }

        public static async Task<ChildFakeX> StartAsync(int followers, string accountId)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") start.ArgumentList.Add(typeof(ChildFakeX).Assembly.Location);
            start.ArgumentList.Add(FakeXName);
            start.ArgumentList.Add(followers.ToString(CultureInfo.InvariantCulture));
            start.ArgumentList.Add(accountId);
            var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the fake X process.");
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (!line.StartsWith("READY ", StringComparison.Ordinal)) continue;
                var p = line.Split(' ');
                return new ChildFakeX(process, p[1], new XCredentials(p[2], p[3], p[4], p[5]));
            }
            throw new InvalidOperationException("The fake X process ended before it was ready.");
        }

        public async Task<int> FollowersRequestsAsync()
        {
            await _process.StandardInput.WriteLineAsync("count");
            await _process.StandardInput.FlushAsync();
            return int.Parse((await _process.StandardOutput.ReadLineAsync())!, CultureInfo.InvariantCulture);
        }

        public async ValueTask DisposeAsync()
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(10_000)) _process.Kill();
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }
}
