using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Roster;
using SchoolTwitter.Infrastructure.Drafts;
using SchoolTwitter.Testing.Azurite;

namespace SchoolTwitter.Integration.Tests.Drafts;

/// <summary>
/// A check reads the roster as one upload left it, never a mixture, never half of one, while uploads land; and a draft
/// with pictures is never passed when there is no roster to check pupils' names and consent against.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RosterAtomicityTests(AzuriteFixture azurite) : DraftKitTests(azurite)
{
    private const int PupilCount = 150;

    /// <summary>A full school: Zephyrine (P0000) in every version, the rest renamed per version so a mixture would show.</summary>
    private static PupilRoster Version(int version) => new(Enumerable.Range(0, PupilCount).Select(i => i == 0
        ? new Pupil("P0000", "Zephyrine", "Quillfeather", true)
        : new Pupil($"P{i:D4}", $"Child{version}x{i}", "Pupil", i % 2 == 0)));

    [Fact]
    public async Task Checks_and_reads_while_uploads_land_always_see_one_whole_roster()
    {
        var store = Kit.Get<IPupilRosterStore>();
        await store.ReplaceAsync(Version(0), CancellationToken.None);
        var image = DraftTestKit.Image(TestImages.Png(), "mural.png", "The new mural in the hall");
        var drafts = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var text = DraftTestKit.UniqueText("Zephyrine and her class painted the hall mural. The class raised");
            drafts.Add((await Kit.SubmitAsync(DraftTestKit.DraftJson(text, Slt, media: [image.DeepClone()]))).Str("id"));
        }

        var uploading = Task.Run(async () =>
        {
            for (var version = 1; version <= 4; version++) await store.ReplaceAsync(Version(version), CancellationToken.None);
        });
        var seen = new ConcurrentBag<(int Count, int Versions)>();
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!uploading.IsCompleted)
            {
                var roster = await store.GetAsync(CancellationToken.None);
                seen.Add((roster.Pupils.Count, roster.Pupils.Skip(1).Select(p => p.FirstName.Split('x')[0]).Distinct().Count()));
            }
        })).ToList();
        var checks = Task.Run(() => Kit.RunCheckQueueAsync([.. drafts]));
        await Task.WhenAll([uploading, checks, .. readers]);

        seen.ShouldNotBeEmpty();
        seen.ShouldAllBe(s => s.Count == PupilCount && s.Versions == 1);
        foreach (var id in drafts)
        {
            var verdict = (await Kit.DraftAsync(id))!.Verdict.ShouldNotBeNull();
            verdict.Outcome.ShouldBe(VerdictOutcome.Blocked);
            verdict.Findings.ShouldContain(f => f.Rule == RuleIds.PupilName && f.Message.Contains("Zephyrine"));
        }
    }

    [Fact]
    public async Task A_check_that_read_the_pointer_before_an_upload_replaced_the_roster_still_reads_the_whole_old_roster()
    {
        var uploader = Kit.Get<IPupilRosterStore>();
        await uploader.ReplaceAsync(Version(1), CancellationToken.None);
        // A reader whose partition query waits until a whole upload (pointer swap and clean-up included) has landed.
        var gate = new PartitionReadGate();
        var options = new TableClientOptions();
        options.AddPolicy(gate, Azure.Core.HttpPipelinePosition.PerCall);
        var reader = new TablePupilRosterStore(new TableServiceClient(Azurite.ConnectionString, options), TimeProvider.System);

        var reading = reader.GetAsync(CancellationToken.None);
        await gate.Waiting.WaitAsync(TimeSpan.FromSeconds(30));
        await uploader.ReplaceAsync(Version(2), CancellationToken.None);
        gate.Open();
        var roster = await reading;

        roster.Pupils.Count.ShouldBe(PupilCount, "the old roster, whole: it must not be deleted from under a reader");
        roster.Find("P0001")!.FirstName.ShouldBe("Child1x1");
        (await reader.GetAsync(CancellationToken.None)).Find("P0001")!.FirstName.ShouldBe("Child2x1");
    }

    /// <summary>Holds the first query of a roster partition until <see cref="Open"/>.</summary>
    private sealed class PartitionReadGate : Azure.Core.Pipeline.HttpPipelinePolicy
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly SemaphoreSlim _waiting = new(0);
        private int _held;

        public SemaphoreSlim Waiting => _waiting;

        public void Open() => _open.TrySetResult();

        public override void Process(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
        {
            var uri = Uri.UnescapeDataString(message.Request.Uri.ToString());
            if (message.Request.Method == Azure.Core.RequestMethod.Get && uri.Contains("PartitionKey eq 'roster-", StringComparison.Ordinal)
                && Interlocked.Exchange(ref _held, 1) == 0)
            {
                _waiting.Release();
                await _open.Task;
            }
            await ProcessNextAsync(message, pipeline);
        }
    }

    /// <summary>Runs <paramref name="test"/> with no roster uploaded (the pointer removed), then puts one back for later tests.</summary>
    private async Task WithoutRosterAsync(Func<Task> test)
    {
        await Kit.Get<TableServiceClient>().GetTableClient(TableNames.Pupils).DeleteEntityAsync("roster", "current");
        try
        {
            await test();
        }
        finally
        {
            await Kit.Get<IPupilRosterStore>().ReplaceAsync(DraftTestKit.StandInRoster, CancellationToken.None);
        }
    }

    [Fact]
    public Task A_draft_with_pictures_and_no_roster_is_blocked_with_the_reason() => WithoutRosterAsync(async () =>
    {
        var photo = DraftTestKit.Image(TestImages.Png(), "hall.png", "Paintings on the hall wall");
        var id = (await Kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), Slt, media: [photo]))).Str("id");

        await Kit.RunCheckQueueAsync(id);

        var draft = (await Kit.DraftAsync(id))!;
        draft.Status.ShouldBe(DraftStatus.Blocked);
        draft.Verdict!.Findings.ShouldContain(f => f.Rule == RuleIds.PupilName && f.Severity == Severity.Block && f.Message == DraftVerdicts.NoRosterMessage);
    });

    [Fact]
    public Task A_text_only_draft_needs_no_roster() => WithoutRosterAsync(async () =>
    {
        var id = (await Kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), Slt))).Str("id");
        await Kit.RunCheckQueueAsync(id);
        (await Kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.Scheduled);
    });

    [Fact]
    public async Task A_superseded_upload_is_kept_for_the_grace_period_then_deleted()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var tables = Kit.Get<TableServiceClient>();
        var store = new TablePupilRosterStore(tables, time);
        var table = tables.GetTableClient(TableNames.Pupils);
        await store.ReplaceAsync(Version(1), CancellationToken.None);
        var first = (await table.GetEntityAsync<TableEntity>("roster", "current")).Value.GetString("Partition");

        await store.ReplaceAsync(Version(2), CancellationToken.None);
        (await RowsAsync(table, first)).ShouldBe(PupilCount, "a check that read the old pointer may still be reading it");

        time.Advance(TablePupilRosterStore.RetiredGrace + TimeSpan.FromMinutes(1));
        await store.ReplaceAsync(Version(3), CancellationToken.None);
        (await RowsAsync(table, first)).ShouldBe(0);
        (await store.GetAsync(CancellationToken.None)).Pupils.Count.ShouldBe(PupilCount);
    }

    private static async Task<int> RowsAsync(TableClient table, string partition)
    {
        var rows = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey"])) rows++;
        return rows;
    }
}
