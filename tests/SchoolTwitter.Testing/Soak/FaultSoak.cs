using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Azure;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Application.Messaging;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Application.X;
using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Core.Roster;
using SchoolTwitter.Infrastructure.Storage;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.FakeX;
using SchoolTwitter.Testing.TestHost;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace SchoolTwitter.Testing.Soak;

/// <summary>How big and how hostile a soak is.</summary>
public sealed record FaultSoakOptions
{
    public int Drafts { get; init; } = 200;

    /// <summary>Listeners per queue (the Functions host's queue batch, scaled down).</summary>
    public int Workers { get; init; } = 4;

    /// <summary>Chance that one step (a draft write, a queue send, a create-post answer) is where the process stops.</summary>
    public double CrashRate { get; init; } = 0.01;

    /// <summary>Chance, every fault tick, that X's next create-post, upload or timeline read fails (5xx, timeout, dropped, 429).</summary>
    public double XFaultRate { get; init; } = 0.35;

    /// <summary>Chance that a queue message is delivered twice at once.</summary>
    public double DuplicateDeliveryRate { get; init; } = 0.05;

    /// <summary>Chance that a stopped process is also restarted (a fresh service provider: every in-memory cache lost).</summary>
    public double RestartRate { get; init; } = 0.2;

    /// <summary>
    /// The sweep's grace and overdue times. Longer than the queue's backlog, or the sweep adds a message to every draft
    /// still waiting in it (harmless, since publishing is exactly once, but it feeds the backlog).
    /// </summary>
    public TimeSpan SweepGrace { get; init; } = TimeSpan.FromSeconds(4);

    public TimeSpan SweepOverdue { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The soak fails if the drafts have not settled by then.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(50);

    public int Seed { get; init; } = 20_260_902;
}

/// <summary>What a soak did and what became of every draft.</summary>
public sealed record FaultSoakReport(
    int Drafts,
    TimeSpan Elapsed,
    IReadOnlyDictionary<string, int> Outcomes,
    IReadOnlyDictionary<string, int> Faults,
    int PostedTwice,
    int Lost,
    int SltNotTold,
    int BlockedButPosted,
    int PostedButUnrecorded,
    IReadOnlyList<string> Problems)
{
    public bool Ok => PostedTwice == 0 && Lost == 0 && SltNotTold == 0 && BlockedButPosted == 0 && Problems.Count == 0;

    public override string ToString()
    {
        var lines = new List<string>
        {
            $"{Drafts} drafts in {Elapsed.TotalSeconds:F1} s: " + string.Join(", ", Outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}")),
            $"posted twice {PostedTwice}, lost {Lost}, needing a person with SLT not told {SltNotTold}, blocked but posted {BlockedButPosted}, " +
            $"posted but left for a person to reconcile {PostedButUnrecorded}",
            "faults: " + string.Join(", ", Faults.OrderBy(f => f.Key).Select(f => $"{f.Key} {f.Value}")),
        };
        lines.AddRange(Problems.Take(20).Select(p => "  " + p));
        return string.Join(Environment.NewLine, lines);
    }
}

/// <summary>
/// The draft pipeline under fire, on Azurite and the fake X: drafts of every kind (text, photos, a pictured pupil,
/// warnings for a second SLT member, code breaches, later times) go through the real services while the harness plays
/// the Functions host (queue listeners, poison queues, retry-later copies, the sweep timer) and injects a fault at every
/// step: X 5xx, timeouts, connections dropped after the post was made, 429s, the webhook down, the process stopped
/// between steps (and restarted), duplicate deliveries, roster uploads during checks. Then every draft must have settled:
/// posted once, stopped by the code, failed, or left for a person with SLT told. Bounded by count and time.
/// </summary>
public static class FaultSoak
{
    private const int MaxDequeueCount = 5;
    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(2);

    private enum Kind { Plain, Photo, PupilPhoto, Review, Blocked, Later }

    private sealed record Tracked(string Id, Kind Kind, string Text);

    public static async Task<FaultSoakReport> RunAsync(AzuriteFixture azurite, FaultSoakOptions options, Action<string>? progress = null)
    {
        var faults = new SoakFaults(options.Seed);
        await using var host = await SchoolTwitterTestHost.StartAsync(azurite, h =>
        {
            h.Settings["X:RequestTimeout"] = "00:00:00.600";
            h.ConfigureServices = services =>
            {
                services.Configure<DraftPipelineOptions>(p =>
                {
                    p.PublishLease = TimeSpan.FromSeconds(2);
                    p.ReconcileLookAgain = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(900)];
                    p.SweepGrace = options.SweepGrace;
                    p.SweepOverdue = options.SweepOverdue;
                });
                SoakFaults.Decorate<IDraftStore>(services, inner => new CrashingDraftStore(inner, faults, options.CrashRate));
                SoakFaults.Decorate<IMessageQueue>(services, inner => new CrashingQueue(inner, faults, options.CrashRate));
                SoakFaults.Decorate<IXAccount>(services, inner => new CrashingXAccount(inner, faults, options.CrashRate * 5));
            };
        });
        host.X.SlowReplyDelay = TimeSpan.FromMilliseconds(900);
        host.X.RateLimitWindow = TimeSpan.FromSeconds(2);
        var clock = Stopwatch.StartNew();
        var submitter = $"head-{Guid.NewGuid():N}@school.example";
        var approver = $"deputy-{Guid.NewGuid():N}@school.example";
        // Signed-in SLT members who have signed the user agreement, as Easy Auth and the SLT list make them.
        var submitterCaller = new Caller(CallerKind.Principal, submitter, Guid.NewGuid().ToString(), "Head", true) { AgreementSignedOn = new DateOnly(2026, 9, 1) };
        var approverCaller = new Caller(CallerKind.Principal, approver, Guid.NewGuid().ToString(), "Deputy", true) { AgreementSignedOn = new DateOnly(2026, 9, 1) };
        var roster = new PupilRoster([new Pupil("S001", "Hermione", "Ashgrove", true), new Pupil("S002", "Lysander", "Penhallow", false)]);
        faults.Enabled = false;
        await host.Get<IPupilRosterStore>().ReplaceAsync(roster, CancellationToken.None);
        faults.Enabled = true;

        using var stop = new CancellationTokenSource();
        var restarting = new SemaphoreSlim(1);
        var problems = new ConcurrentBag<string>();
        var trace = new ConcurrentDictionary<string, ConcurrentQueue<string>>(StringComparer.Ordinal);
        void Trace(string? draftId, string what)
        {
            if (draftId is not null) trace.GetOrAdd(draftId, _ => new()).Enqueue($"{clock.Elapsed.TotalSeconds:F2} {what}");
        }

        async Task StoppedAsync(SimulatedCrashException _)
        {
            if (!faults.Roll("process restarted", options.RestartRate) || !await restarting.WaitAsync(0)) return;
            try
            {
                await host.RestartAsync();
            }
            finally
            {
                restarting.Release();
            }
        }

        // The Functions host: listeners that delete a message only when its function succeeds, poison after five tries.
        // Base64, as host.json and the services send.
        var queues = new QueueServiceClient(azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        Task Listen(string queueName, string poisonName, Func<IServiceProvider, string, Task> function) => Task.Run(async () =>
        {
            var queue = queues.GetQueueClient(queueName);
            await queue.CreateIfNotExistsAsync();
            while (!stop.IsCancellationRequested)
            {
                Azure.Storage.Queues.Models.QueueMessage[] batch;
                try
                {
                    batch = (await queue.ReceiveMessagesAsync(4, Visibility)).Value;
                }
                catch (RequestFailedException)
                {
                    batch = [];
                }
                if (batch.Length == 0)
                {
                    await Task.Delay(200);
                    continue;
                }
                foreach (var message in batch)
                {
                    var body = message.Body.ToString();
                    var draftId = DraftMessage.TryParse(body)?.DraftId;
                    var outcome = "ok";
                    try
                    {
                        if (message.DequeueCount > MaxDequeueCount)
                        {
                            faults.Count("message poisoned");
                            await host.Services.GetRequiredService<PoisonDraftService>().HandleAsync(poisonName, body, CancellationToken.None);
                        }
                        else if (faults.Roll("duplicate delivery", options.DuplicateDeliveryRate))
                        {
                            await Task.WhenAll(function(host.Services, body), function(host.Services, body));
                        }
                        else
                        {
                            await function(host.Services, body);
                        }
                        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                    }
                    catch (SimulatedCrashException crash)
                    {
                        outcome = crash.Message;
                        await StoppedAsync(crash);
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                        // A failed function: the message reappears after its visibility timeout, as on the host.
                        outcome = ex.GetType().Name + ": " + ex.Message;
                        faults.Count("function failed: " + ex.GetType().Name);
                    }
                    Trace(draftId, $"{queueName} #{message.DequeueCount} {outcome}");
                }
            }
        });

        var listeners = Enumerable.Range(0, options.Workers).SelectMany(_ => new[]
        {
            Listen(QueueNames.DraftsToCheck, QueueNames.DraftsToCheckPoison, (sp, body) => sp.GetRequiredService<DraftCheckService>().CheckAsync(body, CancellationToken.None)),
            Listen(QueueNames.DraftsToPublish, QueueNames.DraftsToPublishPoison, async (sp, body) =>
            {
                try
                {
                    await sp.GetRequiredService<DraftPublishService>().PublishAsync(body, CancellationToken.None);
                }
                catch (DraftRetryLaterException later)
                {
                    // As the PublishDraft trigger does: a hidden copy, this delivery completed.
                    await sp.GetRequiredService<IMessageQueue>().SendAsync(QueueNames.DraftsToPublish, body, later.Delay, CancellationToken.None);
                }
            }),
        }).ToList();

        // Trouble from outside, on timers: X failing, the webhook down, roster uploads, the sweep, an SLT member approving.
        var tracked = new ConcurrentDictionary<string, Tracked>();
        var approved = new ConcurrentDictionary<string, bool>();
        Task Every(TimeSpan period, Func<Task> tick) => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await tick();
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // A crashed timer run is retried by the next tick.
                }
                await Task.Delay(period);
            }
        });
        var xFaults = new (string Kind, string Method, string Path, FakeFault Fault)[]
        {
            ("X 500 on create-post", "POST", "/2/tweets", FakeFault.ServerError500),
            ("X 503 on create-post", "POST", "/2/tweets", FakeFault.ServiceUnavailable503),
            ("X timeout on create-post (posted late)", "POST", "/2/tweets", FakeFault.SlowReply),
            ("X dropped the connection after posting", "POST", "/2/tweets", FakeFault.DropConnectionAfterCreate),
            ("X 429 on create-post", "POST", "/2/tweets", FakeFault.RateLimited),
            ("X 503 on media upload", "POST", "/2/media/upload", FakeFault.ServiceUnavailable503),
            ("X 503 on the timeline read", "GET", "/2/users/", FakeFault.ServiceUnavailable503),
        };
        var background = new List<Task>
        {
            Every(TimeSpan.FromMilliseconds(150), () =>
            {
                if (!faults.Roll("x fault tick", options.XFaultRate)) return Task.CompletedTask;
                var (kind, method, path, fault) = faults.Pick(xFaults);
                faults.Count(kind);
                host.X.InjectFault(method, path, fault);
                return Task.CompletedTask;
            }),
            Every(TimeSpan.FromMilliseconds(1500), async () =>
            {
                faults.Count("webhook down");
                host.Webhook.FailNext(int.MaxValue, 503);
                await Task.Delay(400);
                host.Webhook.FailNext(0);
            }),
            Every(TimeSpan.FromMilliseconds(600), async () =>
            {
                await host.Services.GetRequiredService<IPupilRosterStore>().ReplaceAsync(roster, CancellationToken.None);
                faults.Count("roster uploaded during checks");
            }),
            Every(TimeSpan.FromSeconds(2), async () =>
            {
                try
                {
                    var swept = await host.Services.GetRequiredService<DraftSweepService>().RunAsync(CancellationToken.None);
                    faults.Count("sweep sent a lost publish message", swept.PublishMessagesSent);
                    faults.Count("sweep sent an unsent approval request", swept.ApprovalRequestsSent);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    faults.Count("sweep run failed: " + ex.GetType().Name);
                }
            }),
            Every(TimeSpan.FromMilliseconds(400), async () =>
            {
                var store = host.Services.GetRequiredService<IDraftStore>();
                foreach (var draft in tracked.Values.Where(t => t.Kind == Kind.Review && !approved.ContainsKey(t.Id)))
                {
                    var record = await store.GetAsync(draft.Id, CancellationToken.None);
                    // Approve, and approve again when the first approval's answer was an error (the draft scheduled, no message noted).
                    if (record is not ({ Status: DraftStatus.Received or DraftStatus.Checking or DraftStatus.AwaitingApproval }
                        or { Status: DraftStatus.Scheduled, ApprovedBy: not null, PublishQueuedAt: null }))
                    {
                        approved[draft.Id] = true;
                    }
                    else if (record.Status != DraftStatus.Received && record.Status != DraftStatus.Checking)
                    {
                        try
                        {
                            await host.Services.GetRequiredService<DraftApprovalService>().ApproveAsync(draft.Id, approverCaller, null, CancellationToken.None);
                        }
                        catch (SimulatedCrashException crash)
                        {
                            await StoppedAsync(crash);
                        }
                    }
                }
            }),
        };

        // SLT submit, through a flow that retries a failed call with the same Form response id.
        var amount = Random.Shared.Next(10_000, 90_000) * 10;
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Drafts), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            var kind = (i % 20) switch { < 11 => Kind.Plain, < 14 => Kind.Photo, 14 => Kind.PupilPhoto, < 17 => Kind.Review, < 19 => Kind.Blocked, _ => Kind.Later };
            var draft = Draft(kind, i, Interlocked.Increment(ref amount), submitter);
            for (var attempt = 1; attempt <= 8; attempt++)
            {
                try
                {
                    var result = await host.Services.GetRequiredService<DraftSubmissionService>().AcceptAsync(draft, submitterCaller, CancellationToken.None);
                    tracked[result.Draft!.Id] = new Tracked(result.Draft.Id, kind, draft.Text);
                    return;
                }
                catch (SimulatedCrashException crash)
                {
                    await StoppedAsync(crash);
                }
                catch (Exception ex) when (ex is RequestFailedException or ObjectDisposedException or InvalidOperationException)
                {
                }
            }
            problems.Add($"draft {i} could not be submitted in 8 tries");
        });
        progress?.Invoke($"{tracked.Count} drafts accepted after {clock.Elapsed.TotalSeconds:F1} s");

        // Until every draft has settled, or the budget is spent.
        var final = new Dictionary<string, DraftRecord?>(StringComparer.Ordinal);
        var reported = TimeSpan.Zero;
        while (true)
        {
            var store = host.Services.GetRequiredService<IDraftStore>();
            foreach (var t in tracked.Values.Where(t => !Settled(final.GetValueOrDefault(t.Id)))) final[t.Id] = await store.GetAsync(t.Id, CancellationToken.None);
            var unsettled = tracked.Values.Count(t => !Settled(final.GetValueOrDefault(t.Id)));
            if (unsettled == 0 || clock.Elapsed > options.Budget) break;
            if (clock.Elapsed - reported > TimeSpan.FromSeconds(5))
            {
                reported = clock.Elapsed;
                progress?.Invoke($"{clock.Elapsed.TotalSeconds:F0} s: {unsettled} drafts not yet settled");
            }
            await Task.Delay(500);
        }
        faults.Enabled = false;
        await stop.CancelAsync();
        host.Webhook.FailNext(0);
        await Task.WhenAll(listeners.Concat(background));
        var reader = host.Services.GetRequiredService<IDraftStore>();
        foreach (var t in tracked.Values) final[t.Id] = await reader.GetAsync(t.Id, CancellationToken.None);

        var report = Judge(options, clock.Elapsed, faults, host, tracked, final, problems);
        foreach (var stuck in final.Values.Where(d => d is not null && !Settled(d)).Take(5))
        {
            var history = await host.Services.GetRequiredService<Application.Audit.IAuditLog>().ReadAsync(stuck!.Id, CancellationToken.None);
            progress?.Invoke($"{stuck.Id}: {stuck.Status.ToWire()}, updated {stuck.UpdatedAt:HH:mm:ss.fff}, queued {stuck.PublishQueuedAt:HH:mm:ss.fff}, " +
                $"claimed {stuck.ClaimedAt:HH:mm:ss.fff}, alerted {stuck.SltAlertedAt:HH:mm:ss.fff}, due {stuck.ScheduledFor:HH:mm:ss.fff}, reason {stuck.FailureReason}; " +
                string.Join(" | ", history.Select(e => $"{e.At:HH:mm:ss.fff} {e.Action} {e.Outcome}")) + Environment.NewLine + "    " +
                string.Join(Environment.NewLine + "    ", trace.GetValueOrDefault(stuck.Id) ?? []));
        }
        return report;
    }

    private static bool Settled(DraftRecord? draft) =>
        draft is not null && (DraftLifecycle.IsFinal(draft.Status) || draft is { Status: DraftStatus.NeedsReconciliation, SltAlertedAt: not null });

    private static FaultSoakReport Judge(FaultSoakOptions options, TimeSpan elapsed, SoakFaults faults, SchoolTwitterTestHost host,
        ConcurrentDictionary<string, Tracked> tracked, Dictionary<string, DraftRecord?> final, ConcurrentBag<string> problems)
    {
        var posts = host.X.Posts;
        var postsByText = posts.GroupBy(p => p.Text).ToDictionary(g => g.Key, g => g.ToList());
        // What reached the SLT channel: a card for it alone, or one sent to the submitter and the channel both.
        var cards = host.Webhook.Received.Where(c => c["recipient"] is null || c["sltChannel"]?.GetValue<bool>() == true).Select(c => c.ToJsonString()).ToList();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        int lost = 0, sltNotTold = 0, blockedButPosted = 0, unrecorded = 0;
        foreach (var t in tracked.Values)
        {
            var draft = final.GetValueOrDefault(t.Id);
            var status = draft?.Status.ToWire() ?? "missing";
            outcomes[status] = outcomes.GetValueOrDefault(status) + 1;
            var posted = postsByText.GetValueOrDefault(t.Text, []);
            if (!Settled(draft))
            {
                lost++;
                problems.Add($"{t.Id} ({t.Kind}) is still {status}");
                continue;
            }
            if (t.Kind == Kind.Blocked && (posted.Count > 0 || draft!.Status != DraftStatus.Blocked))
            {
                blockedButPosted++;
                problems.Add($"{t.Id} breaks the code but is {status} with {posted.Count} posts");
            }
            if (draft!.Status == DraftStatus.Published && (posted.Count != 1 || posted[0].Id != draft.TweetId))
            {
                problems.Add($"{t.Id} is published as {draft.TweetId} but X holds {posted.Count} posts of its text");
            }
            if (draft.Status == DraftStatus.NeedsReconciliation)
            {
                if (!cards.Any(c => c.Contains(t.Id, StringComparison.Ordinal) && c.Contains(DraftOutcomeNotifier.NeedsReconciliation, StringComparison.Ordinal)))
                {
                    sltNotTold++;
                    problems.Add($"{t.Id} needs a person but the SLT channel never heard");
                }
                if (posted.Count > 0) unrecorded++;
            }
            if (draft.Status == DraftStatus.Failed && t.Kind != Kind.Blocked && posted.Count > 0)
            {
                problems.Add($"{t.Id} is marked failed but was posted");
            }
        }
        var tweetIds = final.Values.Where(d => d?.TweetId is not null).GroupBy(d => d!.TweetId).Count(g => g.Count() > 1);
        if (tweetIds > 0) problems.Add($"{tweetIds} tweets are recorded for more than one draft");
        var postedTwice = posts.GroupBy(p => p.Text).Count(g => g.Count() > 1);
        var counted = faults.Counts.Where(f => f.Key != "x fault tick").ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        return new FaultSoakReport(tracked.Count, elapsed, outcomes, counted, postedTwice, lost, sltNotTold, blockedButPosted, unrecorded,
            [.. problems.Order(StringComparer.Ordinal)]);
    }

    private static Draft Draft(Kind kind, int i, int amount, string submitter)
    {
        var pounds = amount.ToString("N0", CultureInfo.GetCultureInfo("en-GB"));
        var text = kind switch
        {
            Kind.Review => $"Our pupils will recieve their certificates on Friday after raising £{pounds} for charity.",
            Kind.Blocked => $"See you l8r at the summer fair, where we hope to raise £{pounds}.",
            Kind.PupilPhoto => $"Our Year 4 relay team raised £{pounds} for the sports hall this week.",
            _ => $"Our Year {i % 6 + 1} pupils raised £{pounds} for the local food bank this week.",
        };
        IReadOnlyList<DraftImage> images = kind switch
        {
            Kind.Photo => [new DraftImage("hall.png", Png(i), "Paintings on the hall wall", [], true, true)],
            Kind.PupilPhoto => [new DraftImage("relay.png", Png(i), "The relay team on the field", ["S001"], false, true)],
            _ => [],
        };
        var later = kind == Kind.Later ? DateTimeOffset.UtcNow.AddSeconds(3) : (DateTimeOffset?)null;
        return new Draft($"soak-{Guid.NewGuid():N}", text, submitter, images, null, later);
    }

    private static byte[] Png(int seed)
    {
        using var image = new Image<Rgba32>(12, 12, new Rgba32((byte)seed, (byte)(seed >> 8), 90));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }
}
