using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using SchoolTwitter.Application.Rotation;
using SchoolTwitter.Core.Rotation;
using SchoolTwitter.Infrastructure.Rotation;
using SchoolTwitter.Testing.Azurite;

namespace SchoolTwitter.Integration.Tests.Rotation;

[Collection(AzuriteCollection.Name)]
public sealed class TableRotationStoreTests(AzuriteFixture azurite)
{
    private TableRotationStore NewStore(string accountId) =>
        new(new TableServiceClient(azurite.ConnectionString), Options.Create(new RotationOptions { AccountId = accountId }));

    private static string NewAccount() => "17" + Guid.NewGuid().ToString("N")[..16];

    [Fact]
    public async Task State_round_trips_with_its_cycle_and_claim()
    {
        var store = NewStore(NewAccount());
        var cycle = new RotationCycle("2026-27-autumn", CycleKind.Termly, "2026-27-autumn", new DateOnly(2026, 9, 3), "term started", [0, 1, 3], new DateOnly(2026, 9, 17));
        var state = new RotationState(cycle, "2026-27-autumn", new LastRotation(new DateTimeOffset(2026, 4, 20, 9, 0, 0, TimeSpan.Zero), "head@school.example", "2025-26-summer"),
            new RotationClaim("abc", "deputy@school.example", new DateTimeOffset(2026, 9, 4, 10, 0, 0, TimeSpan.Zero)));

        await store.SaveStateAsync(state, null, CancellationToken.None);
        var (read, etag) = await store.GetStateAsync(CancellationToken.None);

        read.ShouldBe(state);
        etag.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Nothing_stored_reads_as_an_empty_state_without_an_etag()
    {
        var (state, etag) = await NewStore(NewAccount()).GetStateAsync(CancellationToken.None);

        state.ShouldBe(new RotationState());
        etag.ShouldBeNull();
    }

    [Fact]
    public async Task A_save_with_a_stale_etag_is_a_conflict_and_changes_nothing()
    {
        var store = NewStore(NewAccount());
        await store.SaveStateAsync(new RotationState(LastTermHandled: "a"), null, CancellationToken.None);
        var (_, etag) = await store.GetStateAsync(CancellationToken.None);
        await store.SaveStateAsync(new RotationState(LastTermHandled: "b"), etag, CancellationToken.None);

        await Should.ThrowAsync<RotationConflictException>(() => store.SaveStateAsync(new RotationState(LastTermHandled: "c"), etag, CancellationToken.None));
        await Should.ThrowAsync<RotationConflictException>(() => store.SaveStateAsync(new RotationState(LastTermHandled: "d"), null, CancellationToken.None));
        (await store.GetStateAsync(CancellationToken.None)).State.LastTermHandled.ShouldBe("b");
    }

    [Fact]
    public async Task Two_racing_saves_from_the_same_read_let_exactly_one_win()
    {
        var store = NewStore(NewAccount());
        await store.SaveStateAsync(new RotationState(), null, CancellationToken.None);
        var (_, etag) = await store.GetStateAsync(CancellationToken.None);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await store.SaveStateAsync(new RotationState(LastTermHandled: $"writer-{i}"), etag, CancellationToken.None);
                return true;
            }
            catch (RotationConflictException)
            {
                return false;
            }
        }));

        outcomes.Count(won => won).ShouldBe(1);
    }

    [Fact]
    public async Task Terms_are_kept_per_school_and_replaced_per_academic_year()
    {
        var account = NewAccount();
        var store = NewStore(account);
        await store.SaveTermsAsync(EnglandTerms.For(2026), CancellationToken.None);
        var corrected = EnglandTerms.For(2026).Select(t => t with { End = t.End.AddDays(-1) }).ToList();
        await store.SaveTermsAsync(corrected, CancellationToken.None);
        await store.SaveTermsAsync(EnglandTerms.For(2027), CancellationToken.None);

        (await store.GetTermsAsync(CancellationToken.None)).ShouldBe([.. corrected, .. EnglandTerms.For(2027)]);
        (await NewStore(NewAccount()).GetTermsAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Cycles_are_recorded_newest_first_and_rewritten_in_place()
    {
        var store = NewStore(NewAccount());
        var autumn = new RotationCycle("2026-27-autumn", CycleKind.Termly, "2026-27-autumn", new DateOnly(2026, 9, 3), "r", [0]);
        var spring = new RotationCycle("2026-27-spring", CycleKind.Termly, "2026-27-spring", new DateOnly(2027, 1, 5), "r", [0]);
        await store.RecordCycleAsync(autumn, CancellationToken.None);
        await store.RecordCycleAsync(spring, CancellationToken.None);
        await store.RecordCycleAsync(autumn.Complete(new DateTimeOffset(2026, 9, 5, 10, 0, 0, TimeSpan.Zero), "deputy@school.example"), CancellationToken.None);

        var cycles = await store.GetCyclesAsync(CancellationToken.None);

        cycles.Select(c => (c.Id, c.Status)).ShouldBe([("2026-27-spring", CycleStatus.Open), ("2026-27-autumn", CycleStatus.Completed)]);
    }
}
