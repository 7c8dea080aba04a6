using System.Globalization;
using Azure.Data.Tables;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Testing.Azurite;

namespace SchoolTwitter.Integration.Tests.Drafts;

/// <summary>The Drafts table adapter on Azurite: ETag concurrency, key claims, long values.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableDraftStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private DraftTestKit _kit = null!;
    private IDraftStore _store = null!;

    public async Task InitializeAsync()
    {
        _kit = await DraftTestKit.StartAsync(azurite);
        _store = _kit.Get<IDraftStore>();
    }

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    private static DraftRecord NewDraft(string text = "Sports day is on Friday.") => new()
    {
        Id = DraftIds.New(),
        Text = text,
        SubmittedBy = "head@school.example",
        Images = [],
        ContentHash = DraftContentHash.Compute(Draft.FromText(text)),
        Status = DraftStatus.Received,
        SubmittedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public async Task Transition_fails_when_someone_else_changed_the_draft_first()
    {
        var created = await _store.CreateAsync(NewDraft(), CancellationToken.None);

        var first = await _store.TryTransitionAsync(created, DraftStatus.Checking, DateTimeOffset.UtcNow, null, CancellationToken.None);
        var second = await _store.TryTransitionAsync(created, DraftStatus.Failed, DateTimeOffset.UtcNow, null, CancellationToken.None);

        first.ShouldNotBeNull();
        second.ShouldBeNull("the second writer read a version that no longer exists");
        (await _store.GetAsync(created.Id, CancellationToken.None))!.Status.ShouldBe(DraftStatus.Checking);
    }

    [Fact]
    public async Task Only_one_of_many_concurrent_claims_wins()
    {
        var created = await _store.CreateAsync(NewDraft(), CancellationToken.None);
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            _store.TryTransitionAsync(created, DraftStatus.Checking, DateTimeOffset.UtcNow, null, CancellationToken.None)));
        results.Count(r => r is not null).ShouldBe(1);
    }

    [Fact]
    public async Task Transition_the_lifecycle_forbids_never_reaches_storage()
    {
        var created = await _store.CreateAsync(NewDraft(), CancellationToken.None);
        await Should.ThrowAsync<InvalidDraftTransitionException>(() =>
            _store.TryTransitionAsync(created, DraftStatus.Publishing, DateTimeOffset.UtcNow, null, CancellationToken.None));
        (await _store.GetAsync(created.Id, CancellationToken.None))!.Status.ShouldBe(DraftStatus.Received);
    }

    [Fact]
    public async Task Draft_round_trips_with_a_verdict_longer_than_one_table_property()
    {
        var findings = Enumerable.Range(0, 2_000)
            .Select(i => new Finding(RuleIds.Spelling, Severity.Warn, $"“wurd{i}” is not in the British English word list.", i, 5, "word")).ToList();
        var verdict = Verdict.From("x", 9_000, findings);
        var created = await _store.CreateAsync(NewDraft(new string('a', 10_000)), CancellationToken.None);

        var stored = await _store.TryTransitionAsync(created, DraftStatus.Checking, DateTimeOffset.UtcNow, d => d with { Verdict = verdict }, CancellationToken.None);
        stored.ShouldNotBeNull();

        var read = (await _store.GetAsync(created.Id, CancellationToken.None))!;
        read.Text.Length.ShouldBe(10_000);
        read.Verdict!.Findings.Count.ShouldBe(2_000);
        read.Verdict.Findings[1_999].Message.ShouldBe(findings[1_999].Message);
        read.Verdict.Outcome.ShouldBe(VerdictOutcome.Review);
    }

    [Fact]
    public async Task A_verdict_too_large_for_one_table_row_is_stored_capped_and_keeps_its_outcome()
    {
        // A 10,000-character draft the real checker finds thousands of faults in: more than a table entity holds (1 MiB).
        var text = string.Concat(Enumerable.Repeat("#a u ", 2_000));
        var verdict = CodeOfConductFactory.CreateDefault().Check(Draft.FromText(text));
        verdict.Outcome.ShouldBe(VerdictOutcome.Blocked);
        verdict.Findings.Count.ShouldBeGreaterThan(4_000);
        var created = await _store.CreateAsync(NewDraft(text), CancellationToken.None);
        var checking = await _store.TryTransitionAsync(created, DraftStatus.Checking, DateTimeOffset.UtcNow, null, CancellationToken.None);

        var stored = await _store.TryTransitionAsync(checking!, DraftStatus.Blocked, DateTimeOffset.UtcNow, d => d with { Verdict = verdict }, CancellationToken.None);

        stored.ShouldNotBeNull();
        var read = (await _store.GetAsync(created.Id, CancellationToken.None))!;
        read.Status.ShouldBe(DraftStatus.Blocked);
        read.Verdict!.Outcome.ShouldBe(VerdictOutcome.Blocked);
        read.Verdict.Findings.Count.ShouldBeLessThan(verdict.Findings.Count);
        var rest = read.Verdict.Findings[^1];
        rest.Severity.ShouldBe(Severity.Block);
        var kept = read.Verdict.Findings.Count - 1;
        rest.Message.ShouldContain((verdict.Findings.Count - kept).ToString("N0", CultureInfo.InvariantCulture) + " more findings");
        read.Verdict.Findings.Take(kept).ShouldBe(verdict.Findings.Where(read.Verdict.Findings.Take(kept).Contains));
        stored.Verdict!.Findings.ShouldBe(read.Verdict.Findings, "the record the store hands back is the one it stored");
    }

    [Fact]
    public async Task A_long_draft_with_thousands_of_findings_ends_blocked_not_failed()
    {
        var slt = await _kit.NewSltMemberAsync();
        var id = (await _kit.SubmitAsync(DraftTestKit.DraftJson(string.Concat(Enumerable.Repeat("#a u ", 2_000)), slt))).Str("id");

        (await _kit.RunCheckQueueAsync(id)).ShouldBe(1);

        var status = await _kit.GetAsync(id);
        status.Str("status").ShouldBe("blocked");
        status.Body!["verdict"]!["verdict"]!.GetValue<string>().ShouldBe("blocked");
        status.Body["verdict"]!["findings"]!.AsArray()[^1]!["message"]!.GetValue<string>().ShouldContain("more findings");
    }

    [Fact]
    public void Long_text_is_split_over_properties_of_at_most_64_KiB_and_never_inside_a_surrogate_pair()
    {
        // An emoji straddling the first split point.
        var text = new string('a', 29_999) + "😀" + new string('b', 40_000);
        var entity = new TableEntity("p", "r");

        Infrastructure.Drafts.TableEntityText.Write(entity, "Long", text);

        var parts = entity.Keys.Where(k => k.StartsWith("Long", StringComparison.Ordinal)).Select(k => entity.GetString(k)!).ToList();
        parts.Count.ShouldBe(3);
        parts.ShouldAllBe(p => p.Length * 2 <= 64 * 1024 && !char.IsHighSurrogate(p[p.Length - 1]) && !char.IsLowSurrogate(p[0]));
        Infrastructure.Drafts.TableEntityText.Read(entity, "Long").ShouldBe(text);
    }

    [Fact]
    public async Task Key_claim_returns_the_holder_inside_the_window_and_passes_to_the_newcomer_after_it()
    {
        var key = "content:" + Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        (await _store.ClaimKeyAsync(key, "first", now, TimeSpan.FromMinutes(10), CancellationToken.None)).ShouldBe("first");
        (await _store.ClaimKeyAsync(key, "second", now.AddMinutes(9), TimeSpan.FromMinutes(10), CancellationToken.None)).ShouldBe("first");
        (await _store.ClaimKeyAsync(key, "third", now.AddMinutes(11), TimeSpan.FromMinutes(10), CancellationToken.None)).ShouldBe("third");
        (await _store.FindByKeyAsync(key, now.AddMinutes(12), TimeSpan.FromMinutes(10), CancellationToken.None)).ShouldBe("third");
    }
}
