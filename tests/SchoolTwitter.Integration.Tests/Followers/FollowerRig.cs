using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Followers;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Application.X;
using SchoolTwitter.Infrastructure.Configuration;
using SchoolTwitter.Infrastructure.X;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.FakeX;
using SchoolTwitter.Testing.TestHost;

namespace SchoolTwitter.Integration.Tests.Followers;

/// <summary>
/// The test host (Azurite, fake X, fake webhook) acting for a school account of its own (a fresh X user id, so tests sharing one
/// Azurite never see each other's rows), with a fake clock and a pass-through X client that can time faults to a given page.
/// </summary>
internal sealed class FollowerRig : IAsyncDisposable
{
    private readonly SchoolTwitterTestHost _host;
    private readonly PageHooks _hooks;

    private FollowerRig(SchoolTwitterTestHost host, FakeTimeProvider time, string accountId, PageHooks hooks)
    {
        _host = host;
        Time = time;
        AccountId = accountId;
        _hooks = hooks;
    }

    public FakeXServer X => _host.X;
    public SchoolTwitterTestHost Host => _host;
    public FakeTimeProvider Time { get; }
    public string AccountId { get; }
    public FollowerScanService Scans => Get<FollowerScanService>();

    public Caller Slt { get; } = new(CallerKind.Principal, "head@stmarys.example.sch.uk", Guid.NewGuid().ToString(), "Head Teacher", true);

    /// <param name="services">Service changes on top of the rig's own (e.g. the fake Azure AI credential).</param>
    public static async Task<FollowerRig> StartAsync(AzuriteFixture azurite, DateTimeOffset now, TimeSpan? budget = null, IReadOnlyDictionary<string, string>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var time = new FakeTimeProvider(now);
        var accountId = "17" + Random.Shared.NextInt64(10_000_000_000_000_000, 99_999_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var hooks = new PageHooks();
        var host = await SchoolTwitterTestHost.StartAsync(azurite, o =>
        {
            o.Time = time;
            o.Settings[SettingNames.XAccountId] = accountId;
            o.Settings[SettingNames.WeeklyFollowerScanSchedule] = "0 5 * * * 1";
            if (budget is { } b) o.Settings[SettingNames.FollowerInvocationBudget] = b.ToString();
            foreach (var (name, value) in settings ?? new Dictionary<string, string>()) o.Settings[name] = value;
            o.ConfigureServices = collection =>
            {
                services?.Invoke(collection);
                // The real client, wrapped so a test can time a fault to the Nth followers page or move the clock per page.
                var client = collection.Single(d => d.ServiceType == typeof(IXAccount));
                collection.Remove(client);
                collection.Add(new ServiceDescriptor(typeof(XApiClient), client.ImplementationFactory ?? (sp => ActivatorUtilities.CreateInstance(sp, client.ImplementationType!)), client.Lifetime));
                collection.AddTransient<IXAccount>(sp => new HookedXAccount(sp.GetRequiredService<XApiClient>(), hooks));
            };
        });

        // Act as the fresh account: the fake accepts new credentials for it.
        var credentials = FakeXServer.NewCredentials();
        host.X.AcceptCredentials(credentials, accountId);
        host.Credentials.Set(credentials);
        hooks.X = host.X;
        hooks.AccountId = accountId;
        hooks.Time = time;
        return new FollowerRig(host, time, accountId, hooks);
    }

    public IServiceProvider Services => _host.Services;

    public T Get<T>() where T : notnull => _host.Services.GetService<T>() ?? ActivatorUtilities.CreateInstance<T>(_host.Services);

    public static TimerInfo Timer() => new() { ScheduleStatus = new ScheduleStatus() };

    /// <summary>The <paramref name="nth"/> followers request from now on gets <paramref name="fault"/> from the fake X.</summary>
    public void FailFollowersPage(int nth, FakeFault fault) => _hooks.FailAt = (_hooks.Calls + nth, fault);

    /// <summary>Every followers page the services asked for: the page size requested and how many followers X returned (what X bills).</summary>
    public IReadOnlyList<(int? Requested, int Returned)> FollowersPages => _hooks.Pages;

    /// <summary>Followers X returned so far, at $0.001 each (X-API.md, owned reads).</summary>
    public int FollowersReturned => _hooks.Pages.Sum(p => p.Returned);

    /// <summary>Each followers page moves the fake clock on (a slow X), to run out an invocation's time budget.</summary>
    public void AdvanceClockOnEveryFollowersPage(TimeSpan step) => _hooks.ClockStep = step;

    public async Task ApproveAsync(string handle, string category) =>
        (await Get<FollowPolicyService>().AddAsync(Slt, new ApprovedFollowRequest(handle, category, null), CancellationToken.None))
            .Outcome.ShouldBe(FollowPolicyOutcome.Saved);

    public async Task<FollowerScanState> ScanStateAsync()
    {
        var json = await Get<IFollowerCheckpointStore>().GetAsync(AccountId, "scan", CancellationToken.None);
        return JsonSerializer.Deserialize<FollowerScanState>(json!, FollowerScanState.Json)!;
    }

    public async Task<List<FollowerRecord>> FollowerRecordsAsync()
    {
        var list = new List<FollowerRecord>();
        await foreach (var r in Get<IFollowerStore>().ListAsync(AccountId, CancellationToken.None)) list.Add(r);
        return list;
    }

    public async Task<HashSet<string>> AddedInRunAsync(string runId) =>
        (await FollowerRecordsAsync()).Where(r => r.AddedInRun == runId).Select(r => r.FollowerId).ToHashSet();

    public Task<FollowerReviewItem?> ReviewItemAsync(string id) => Get<IFollowerReviewStore>().GetAsync(AccountId, id, CancellationToken.None);

    public Task<IReadOnlyList<AuditEntry>> AuditAsync(string subject) => Get<IAuditLog>().ReadAsync(subject, CancellationToken.None);

    /// <summary>Waits for the webhook to receive a card whose JSON mentions <paramref name="text"/>; returns that JSON.</summary>
    public async Task<string> WaitForWebhookAsync(string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var bodies = _host.Webhook.Received.Select(n => n.ToJsonString()).ToList();
            if (bodies.FirstOrDefault(b => b.Contains(text, StringComparison.Ordinal) || b.Contains("Weekly follower check", StringComparison.Ordinal)) is { } found)
            {
                return found;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"No webhook body mentioning {text}.");
    }

    /// <summary>Receives this run's continuation message from the real queue (it becomes visible at the 429 reset); returns its text as the trigger would get it.</summary>
    public async Task<string> ReceiveContinuationAsync(string runId, TimeSpan timeout)
    {
        var queue = Get<QueueServiceClient>().GetQueueClient(QueueNames.FollowerScanContinuations);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var message in (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(1))).Value)
            {
                var text = message.Body.ToString();
                if (text.Contains(runId, StringComparison.Ordinal))
                {
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                    return text;
                }
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"No continuation for run {runId} within {timeout}.");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    internal sealed class PageHooks
    {
        public FakeXServer X { get; set; } = null!;
        public string AccountId { get; set; } = "";
        public FakeTimeProvider Time { get; set; } = null!;
        public int Calls;
        public (int At, FakeFault Fault)? FailAt;
        public TimeSpan? ClockStep;
        private readonly List<(int? Requested, int Returned)> _pages = [];

        public IReadOnlyList<(int? Requested, int Returned)> Pages { get { lock (_pages) return [.. _pages]; } }

        public void Record(int? requested, int returned)
        {
            lock (_pages) _pages.Add((requested, returned));
        }

        public void BeforeFollowersPage()
        {
            var call = Interlocked.Increment(ref Calls);
            if (FailAt is { } f && f.At == call) X.InjectFault("GET", $"/2/users/{AccountId}/followers", f.Fault);
        }

        public void AfterFollowersPage()
        {
            if (ClockStep is { } step) Time.Advance(step);
        }
    }

    /// <summary>Passes every call to the real X client; only observes followers pages.</summary>
    private sealed class HookedXAccount(IXAccount inner, PageHooks hooks) : ForwardingXAccount(inner)
    {
        public override async Task<XPage<XUser>> GetFollowersAsync(string userId, string? paginationToken, CancellationToken ct, int? maxResults = null)
        {
            hooks.BeforeFollowersPage();
            var page = await Inner.GetFollowersAsync(userId, paginationToken, ct, maxResults);
            hooks.Record(maxResults, page.Items.Count);
            hooks.AfterFollowersPage();
            return page;
        }
    }
}
