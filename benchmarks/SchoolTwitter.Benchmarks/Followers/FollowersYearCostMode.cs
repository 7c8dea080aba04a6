using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SchoolTwitter.Application.Followers;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Application.X;
using SchoolTwitter.Core.Time;
using SchoolTwitter.Infrastructure.Configuration;
using SchoolTwitter.Infrastructure.X;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.FakeX;
using SchoolTwitter.Testing.TestHost;

namespace SchoolTwitter.Benchmarks.Followers;

/// <summary>
/// Console mode <c>followers-year-cost [--mention-weeks N]</c>: a simulated school year against the fake X — 2,000 followers,
/// 20 new a week, the weekly scan every Monday (monthly reconciliation), inbound moderation every 15 minutes — counting the
/// requests and the resources (users, posts) X returns, and pricing them with X's pay-per-use owned-read price.
/// </summary>
public static class FollowersYearCostMode
{
    public const string Name = "followers-year-cost";
    public const decimal OwnedReadPerResource = 0.001m;

    public static async Task<int> RunAsync(string[] args)
    {
        var mentionWeeks = ReconcileFollowersMode.Option(args, "--mention-weeks") is { } w ? int.Parse(w, CultureInfo.InvariantCulture) : 4;
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            var counts = await SimulateAsync(azurite, weeks: 52, mentionWeeks, initialFollowers: 2_000, newPerWeek: 20, following: 60, mentionsPerWeek: 10);
            Console.WriteLine("endpoint | requests in a year | resources read | cost (USD)");
            decimal total = 0;
            foreach (var (endpoint, c) in counts.OrderBy(c => c.Key))
            {
                var cost = c.Billable ? c.Resources * OwnedReadPerResource : 0m;
                total += cost;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{endpoint} | {c.Requests:N0} | {c.Resources:N0} | {(c.Billable ? cost.ToString("F2", CultureInfo.InvariantCulture) : "not priced in X-API.md")}"));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total owned reads | | | {total:F2}"));
        }
        finally
        {
            await azurite.DisposeAsync();
        }
        return 0;
    }

    public sealed class Count
    {
        public long Requests;
        public long Resources;
        public bool Billable = true;
    }

    public static async Task<Dictionary<string, Count>> SimulateAsync(
        AzuriteFixture azurite, int weeks, int mentionWeeks, int initialFollowers, int newPerWeek, int following, int mentionsPerWeek)
    {
        var firstMonday = new DateOnly(2026, 1, 5);
        var time = new ManualClock(UkTime.ToUtc(firstMonday, new TimeOnly(7, 30)));
        var accountId = "19" + Random.Shared.NextInt64(10_000_000_000_000_000, 99_999_999_999_999_999).ToString(CultureInfo.InvariantCulture);
        var counts = new Dictionary<string, Count>();
        await using var host = await SchoolTwitterTestHost.StartAsync(azurite, o =>
        {
            o.Time = time;
            o.Settings[SettingNames.XAccountId] = accountId;
            o.ConfigureServices = services =>
            {
                var client = services.Single(d => d.ServiceType == typeof(IXAccount));
                services.Remove(client);
                services.Add(new ServiceDescriptor(typeof(XApiClient), client.ImplementationFactory!, client.Lifetime));
                services.AddTransient<IXAccount>(sp => new CountingXAccount(sp.GetRequiredService<XApiClient>(), counts));
            };
        });
        var credentials = FakeXServer.NewCredentials();
        host.X.AcceptCredentials(credentials, accountId);
        host.Credentials.Set(credentials);

        var now = time.GetUtcNow();
        var followers = ReconcileFollowersMode.Generate(initialFollowers, now).ToList();
        host.X.SetFollowers(followers, accountId);
        host.X.SetFollowing(Enumerable.Range(0, following).Select(i => new XUser((4_000_000_000L + i).ToString(CultureInfo.InvariantCulture), $"council{i}", $"Council {i}")), accountId);
        var slt = new Caller(CallerKind.Principal, "head@example.sch.uk", null, "Head", true);
        for (var i = 0; i < following - 2; i++)
        {
            await host.Services.GetRequiredService<FollowPolicyService>().AddAsync(slt, new ApprovedFollowRequest($"council{i}", "council", null), CancellationToken.None);
        }

        var scans = host.Services.GetRequiredService<FollowerScanService>();
        var moderation = host.Services.GetRequiredService<InboundModerationService>();
        var nextId = 5_000_000_000_000L;
        var mentionRequestsSimulated = 0L;
        for (var week = 0; week < weeks; week++)
        {
            var monday = firstMonday.AddDays(7 * week);
            var scanAt = UkTime.ToUtc(monday, new TimeOnly(7, 30));
            if (scanAt > time.GetUtcNow()) time.SetUtcNow(scanAt);
            var fresh = Enumerable.Range(0, newPerWeek).Select(_ => new XUser((nextId++).ToString(CultureInfo.InvariantCulture), $"new{nextId}", $"New {nextId}",
                "Grandparent and school governor.", "https://pbs.twimg.com/p.jpg", time.GetUtcNow().AddYears(-3), 80, 90, 300)).ToList();
            followers.InsertRange(0, fresh);
            host.X.SetFollowers(followers, accountId);
            var result = await scans.RunScheduledAsync(CancellationToken.None);
            if (result.Outcome != FollowerScanOutcome.Completed) throw new InvalidOperationException($"Week {week}: {result.Outcome}");

            if (week < mentionWeeks)
            {
                // A week of 15-minute checks with a few mentions arriving.
                var before = counts.TryGetValue("GET mentions", out var m) ? m.Requests : 0;
                for (var slot = 0; slot < 7 * 96; slot++)
                {
                    if (slot % (7 * 96 / mentionsPerWeek) == 3)
                    {
                        host.X.AddMention(new XPost("", "@school thank you for the lovely concert", (nextId++).ToString(CultureInfo.InvariantCulture)), accountId);
                    }
                    await moderation.RunAsync(CancellationToken.None);
                    time.Advance(TimeSpan.FromMinutes(15));
                }
                mentionRequestsSimulated += counts["GET mentions"].Requests - before;
            }
        }

        // Scale the simulated mention weeks up to the year.
        if (mentionWeeks < weeks && counts.TryGetValue("GET mentions", out var mentions))
        {
            mentions.Requests = mentions.Requests * weeks / mentionWeeks;
            mentions.Resources = mentions.Resources * weeks / mentionWeeks;
        }
        return counts;
    }

    /// <summary>Passes every call to the real client, counting requests and the resources each read returned.</summary>
    private sealed class CountingXAccount(IXAccount inner, Dictionary<string, Count> counts) : ForwardingXAccount(inner)
    {
        private T Add<T>(string endpoint, T result, int resources, bool billable = true)
        {
            lock (counts)
            {
                if (!counts.TryGetValue(endpoint, out var c)) counts[endpoint] = c = new Count { Billable = billable };
                c.Requests++;
                c.Resources += resources;
            }
            return result;
        }


        public override async Task<XPage<XUser>> GetFollowersAsync(string userId, string? paginationToken, CancellationToken ct, int? maxResults = null)
        {
            var page = await Inner.GetFollowersAsync(userId, paginationToken, ct, maxResults);
            return Add("GET followers", page, page.Items.Count);
        }

        public override async Task<XPage<XUser>> GetFollowingAsync(string userId, string? paginationToken, CancellationToken ct)
        {
            var page = await Inner.GetFollowingAsync(userId, paginationToken, ct);
            return Add("GET following", page, page.Items.Count);
        }

        public override async Task<XPage<XPost>> GetMentionsAsync(string userId, string? sinceId, string? paginationToken, CancellationToken ct)
        {
            var page = await Inner.GetMentionsAsync(userId, sinceId, paginationToken, ct);
            return Add("GET mentions", page, page.Items.Count);
        }

        public override async Task MuteAsync(string userId, string targetUserId, CancellationToken ct)
        {
            await Inner.MuteAsync(userId, targetUserId, ct);
            Add("POST muting", 0, 0, billable: false);
        }

        public override async Task HideReplyAsync(string postId, CancellationToken ct)
        {
            await Inner.HideReplyAsync(postId, ct);
            Add("PUT hidden", 0, 0, billable: false);
        }
    }
}
