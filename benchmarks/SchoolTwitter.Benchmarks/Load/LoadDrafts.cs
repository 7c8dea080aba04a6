using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Application.Messaging;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.TestHost;

namespace SchoolTwitter.Benchmarks.Load;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/SchoolTwitter.Benchmarks -- load-drafts [count] [concurrency]</c>:
/// submits drafts concurrently through the real services on Azurite, while check and publish workers drain the
/// queues against the fake X (as the Functions host's queue listeners would), then proves that every draft was
/// posted exactly once. Reports submission throughput and the p50/p95 time from submission to "scheduled".
/// </summary>
public static class LoadDrafts
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 64;
        var workers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 16;

        Console.WriteLine($"load-drafts: {Environment.ProcessorCount} cores, load average {LoadAverage()}; {count} drafts, {concurrency} concurrent submitters, {workers} check + {workers} publish workers");
        using var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        await using var host = await SchoolTwitterTestHost.StartAsync(azurite);
        var submitter = $"head-{Guid.NewGuid():N}@school.example";
        await host.Get<ISltMemberList>().AddAsync(submitter, "Head", "load-drafts", CancellationToken.None);

        var submissions = host.Get<DraftSubmissionService>();
        var checks = host.Get<DraftCheckService>();
        var publisher = host.Get<DraftPublishService>();
        var messages = host.Get<IMessageQueue>();
        var queues = host.Get<QueueServiceClient>();
        var run = Guid.NewGuid().ToString("N")[..8];

        var submittedAt = new ConcurrentDictionary<string, long>();
        var scheduledAt = new ConcurrentDictionary<string, long>();
        var submitLatency = new ConcurrentBag<double>();
        var ids = new ConcurrentBag<string>();
        var failures = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();

        var store = host.Get<IDraftStore>();
        var settled = new ConcurrentDictionary<string, DraftStatus>();
        var checkTimes = new ConcurrentBag<double>();
        var checkWorkers = Enumerable.Range(0, workers).Select(_ => DrainAsync(queues.GetQueueClient(QueueNames.DraftsToCheck), async body =>
        {
            var checkStarted = clock.ElapsedTicks;
            await checks.CheckAsync(body, CancellationToken.None);
            var checkedAt = clock.ElapsedTicks;
            checkTimes.Add(Ms(checkedAt - checkStarted));
            if (DraftMessage.TryParse(body)?.DraftId is not { } id) return;
            var draft = await store.GetAsync(id, CancellationToken.None);
            if (draft?.Status == DraftStatus.Scheduled) scheduledAt.TryAdd(id, checkedAt);
            // Drafts the code of conduct stops are settled here: they must never reach X.
            else if (draft is not null) settled[id] = draft.Status;
        }, failures, stop.Token)).ToList();
        var publishWorkers = Enumerable.Range(0, workers).Select(_ => DrainAsync(queues.GetQueueClient(QueueNames.DraftsToPublish), async body =>
        {
            try
            {
                await publisher.PublishAsync(body, CancellationToken.None);
                if (DraftMessage.TryParse(body)?.DraftId is { } id && await store.GetAsync(id, CancellationToken.None) is { } draft
                    && DraftLifecycle.IsFinal(draft.Status))
                {
                    settled[id] = draft.Status;
                }
            }
            catch (DraftRetryLaterException later)
            {
                await messages.SendAsync(QueueNames.DraftsToPublish, body, later.Delay, CancellationToken.None);
            }
        }, failures, stop.Token)).ToList();

        // Distinct amounts make distinct drafts; "455" is skipped because the offensive rule reads it as leetspeak.
        var amounts = Enumerable.Range(1_000, int.MaxValue - 1_000).Where(n => !n.ToString(CultureInfo.InvariantCulture).Contains("455", StringComparison.Ordinal))
            .Take(count).ToArray();

        // Submit everything at once, at most `concurrency` in flight.
        // As the HTTP access check admits the school's flow (its own Entra token holding Flow.Submit).
        var flow = new Caller(CallerKind.Flow, null, Guid.NewGuid().ToString(), "Power Automate flow", false) { MayRelay = true };
        var submitClock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            var json = new JsonObject
            {
                ["id"] = $"load-{run}-{i}",
                ["text"] = $"Our Year {i % 6 + 1} pupils raised £{amounts[i].ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} for the local food bank this week.",
                ["submittedBy"] = submitter,
            };
            var started = clock.ElapsedTicks;
            var result = await submissions.SubmitAsync(Encoding.UTF8.GetBytes(json.ToJsonString()), flow, ct);
            var done = clock.ElapsedTicks;
            if (result.Outcome != SubmissionOutcome.Accepted)
            {
                failures.Add($"draft {i}: {result.Outcome} {string.Join("; ", result.Errors.Select(e => e.Message))}");
                return;
            }
            submittedAt[result.Draft!.Id] = started;
            submitLatency.Add(Ms(done - started));
            ids.Add(result.Draft.Id);
        });
        var submitSeconds = submitClock.Elapsed.TotalSeconds;

        // Wait until every draft has its outcome (or a generous deadline passes).
        var deadline = TimeSpan.FromMinutes(10);
        while (clock.Elapsed < deadline && settled.Count < ids.Count)
        {
            await Task.Delay(200);
        }
        var publishedSeconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await Task.WhenAll(checkWorkers.Concat(publishWorkers));

        // Zero lost, zero duplicated: every passing draft posted once (and its post recorded), every stopped draft never
        // posted, every post from exactly one draft.
        var posts = host.X.Posts;
        var postsByText = posts.GroupBy(p => p.Text).ToDictionary(g => g.Key, g => g.ToList());
        var lost = new List<string>();
        var stopped = new List<string>();
        foreach (var id in ids)
        {
            var draft = await store.GetAsync(id, CancellationToken.None);
            var posted = draft is null ? [] : postsByText.GetValueOrDefault(draft.Text, []);
            if (draft?.Status == DraftStatus.Published && posted.Count == 1 && posted[0].Id == draft.TweetId) continue;
            if (draft?.Status is DraftStatus.Blocked or DraftStatus.AwaitingApproval && posted.Count == 0)
            {
                stopped.Add($"{id}: {draft.Status.ToWire()} ({string.Join("; ", draft.Verdict?.Findings.Select(f => f.Rule + ": " + f.Message) ?? [])}) — \"{draft.Text}\"");
                continue;
            }
            lost.Add($"{id}: {draft?.Status.ToWire() ?? "missing"}, {posted.Count} posts");
        }
        var duplicated = posts.GroupBy(p => p.Text).Count(g => g.Count() > 1);
        var toScheduled = ids.Where(scheduledAt.ContainsKey).Select(id => Ms(scheduledAt[id] - submittedAt[id])).Order().ToList();

        Console.WriteLine();
        Console.WriteLine($"submitted        {ids.Count,6} drafts in {submitSeconds:F1} s  = {ids.Count / submitSeconds:F0} drafts/s (submit p50 {Percentile(submitLatency.Order().ToList(), 50):F0} ms, p95 {Percentile(submitLatency.Order().ToList(), 95):F0} ms)");
        var checkSorted = checkTimes.Order().ToList();
        Console.WriteLine($"check service    p50 {Percentile(checkSorted, 50):F0} ms, p95 {Percentile(checkSorted, 95):F0} ms per draft (inside DraftCheckService)");
        Console.WriteLine($"to 'scheduled'   p50 {Percentile(toScheduled, 50):F0} ms, p95 {Percentile(toScheduled, 95):F0} ms, max {toScheduled.LastOrDefault():F0} ms");
        Console.WriteLine($"published        {posts.Count,6} posts after {publishedSeconds:F1} s = {posts.Count / publishedSeconds:F0} drafts/s end to end");
        Console.WriteLine($"lost {lost.Count}, duplicated {duplicated}, refused or failed {failures.Count}, stopped by the code of conduct {stopped.Count}");
        foreach (var line in lost.Take(10).Concat(failures.Take(10)).Concat(stopped.Take(10))) Console.WriteLine("  " + line);

        var ok = ids.Count == count && lost.Count == 0 && duplicated == 0 && posts.Count + stopped.Count == count && failures.IsEmpty;
        Console.WriteLine(ok ? "OK: every draft posted exactly once" : "FAILED");
        return ok ? 0 : 1;
    }

    /// <summary>A queue listener: receive, handle, delete on success (a failure leaves the message to reappear).</summary>
    private static async Task DrainAsync(QueueClient queue, Func<string, Task> handle, ConcurrentBag<string> failures, CancellationToken stop)
    {
        await queue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
        while (!stop.IsCancellationRequested)
        {
            QueueMessage[] batch;
            try
            {
                batch = (await queue.ReceiveMessagesAsync(16, TimeSpan.FromSeconds(30), stop)).Value;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (batch.Length == 0)
            {
                try { await Task.Delay(50, stop); } catch (OperationCanceledException) { return; }
                continue;
            }
            foreach (var message in batch)
            {
                try
                {
                    await handle(message.Body.ToString());
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
                }
                catch (Exception ex)
                {
                    failures.Add($"{queue.Name}: {ex.GetType().Name}: {ex.Message}");
                }
            }
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static double Percentile(IReadOnlyList<double> sorted, int percentile) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
}
