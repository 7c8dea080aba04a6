using Microsoft.Extensions.Options;
using SchoolTwitter.Application.Rotation;
using SchoolTwitter.Application.X;
using SchoolTwitter.Core.Rotation;
using SchoolTwitter.Infrastructure.Configuration;
using SchoolTwitter.Infrastructure.Rotation;
using SchoolTwitter.Infrastructure.X;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.FakeX;

namespace SchoolTwitter.Integration.Tests.Rotation;

[Collection(AzuriteCollection.Name)]
public sealed class CredentialRotationServiceTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 9, 4, 10, 0, 0, TimeSpan.Zero);
    private RotationHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await RotationHarness.StartAsync(azurite, new DateTimeOffset(2026, 9, 2, 23, 30, 0, TimeSpan.Zero));
        _h.SeedCredentials(_h.X.Credentials, new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero));
        await _h.Check.RunAsync(CancellationToken.None); // opens the autumn cycle (England's default: Wednesday 2 September)
        _h.Time.SetUtcNow(Start);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<(RotationState State, IReadOnlyList<int> VersionCounts)> SnapshotAsync()
    {
        var (state, _) = await _h.Store.GetStateAsync(CancellationToken.None);
        return (state, SecretNames.All.Select(n => _h.Vault.VersionsOf(n).Count).ToList());
    }

    private async Task ShouldBeUnchangedAsync((RotationState State, IReadOnlyList<int> VersionCounts) before)
    {
        var after = await SnapshotAsync();
        after.State.ShouldBe(before.State);
        after.VersionCounts.ShouldBe(before.VersionCounts);
    }

    [Fact]
    public async Task Credentials_for_the_school_account_are_installed_and_the_cycle_closed()
    {
        var fresh = FakeXServer.NewCredentials();
        _h.X.AcceptCredentials(fresh, _h.AccountId);

        var result = await _h.Rotation.SubmitAsync(SchoolYearTests.Json(fresh), "deputy@school.example", CancellationToken.None);

        result.Outcome.ShouldBe(RotationOutcome.Rotated);
        result.CycleId.ShouldBe("2026-27-autumn");
        result.ExpiresOn.ShouldBe(new DateTimeOffset(2027, 3, 20, 0, 0, 0, TimeSpan.Zero)); // default spring ends Friday 19 March 2027
        result.Versions!.Select(v => v.Name).ShouldBe(SecretNames.All);
        (await _h.CredentialSource.GetAsync(CancellationToken.None)).ShouldBe(fresh);
        var (state, _) = await _h.Store.GetStateAsync(CancellationToken.None);
        state.OpenCycle.ShouldBeNull();
        state.LastRotation.ShouldBe(new LastRotation(Start, "deputy@school.example", "2026-27-autumn"));
    }

    [Fact]
    public async Task Another_instance_still_caching_the_old_credentials_recovers_on_its_first_401()
    {
        // A second function instance whose X client has the old credentials cached.
        var otherSource = new KeyVaultXCredentialSource(_h.Vault.Client(), _h.Time, _h.Logger<KeyVaultXCredentialSource>());
        var otherClient = new XApiClient(XHttpClients.Signed(_h.Time), otherSource, _h.Time, Options.Create(new XApiOptions { BaseUrl = _h.X.BaseUrl }), _h.Logger<XApiClient>());
        (await otherClient.GetMeAsync(CancellationToken.None)).Id.ShouldBe(_h.AccountId);
        var fresh = FakeXServer.NewCredentials();
        _h.X.AcceptCredentials(fresh, _h.AccountId);
        (await _h.Rotation.SubmitAsync(SchoolYearTests.Json(fresh), "deputy@school.example", CancellationToken.None)).Outcome.ShouldBe(RotationOutcome.Rotated);
        _h.X.RevokeCredentials(_h.X.Credentials);

        (await otherClient.GetMeAsync(CancellationToken.None)).Id.ShouldBe(_h.AccountId);

        (await otherSource.GetAsync(CancellationToken.None)).ShouldBe(fresh);
    }

    [Fact]
    public async Task Credentials_X_refuses_change_nothing_and_the_next_submission_can_proceed()
    {
        var before = await SnapshotAsync();

        var result = await _h.Rotation.SubmitAsync(SchoolYearTests.Json(FakeXServer.NewCredentials()), "deputy@school.example", CancellationToken.None);

        result.Outcome.ShouldBe(RotationOutcome.Refused);
        var after = await SnapshotAsync();
        after.VersionCounts.ShouldBe(before.VersionCounts);
        after.State.ShouldBe(before.State);
        after.State.Claim.ShouldBeNull();
    }

    [Fact]
    public async Task The_installed_tokens_submitted_again_are_refused_as_not_regenerated()
    {
        // X would accept them: a password change alone leaves the tokens valid, which is why they must be regenerated.
        var sameTokens = FakeXServer.NewCredentials() with { AccessToken = _h.X.Credentials.AccessToken, AccessTokenSecret = _h.X.Credentials.AccessTokenSecret };
        var before = await SnapshotAsync();

        var result = await _h.Rotation.SubmitAsync(SchoolYearTests.Json(sameTokens), "deputy@school.example", CancellationToken.None);

        result.Outcome.ShouldBe(RotationOutcome.Refused);
        result.Message.ShouldStartWith("This access token is the one already installed");
        await ShouldBeUnchangedAsync(before);
        _h.X.RequestCount("GET", "/2/users/me").ShouldBe(0);
    }

    [Fact]
    public async Task Credentials_of_another_account_are_refused_naming_it()
    {
        var other = FakeXServer.NewCredentials();
        _h.X.AcceptCredentials(other, "1888888888888888888");
        var before = await SnapshotAsync();

        var result = await _h.Rotation.SubmitAsync(SchoolYearTests.Json(other), "deputy@school.example", CancellationToken.None);

        result.Outcome.ShouldBe(RotationOutcome.Refused);
        result.Message.ShouldStartWith("These credentials belong to @school8888, not the school's account");
        await ShouldBeUnchangedAsync(before);
        (await _h.Audit.ReadAllAsync()).ShouldContain(e => e.Action == "credentials.rotation-refused" && e.Detail == "@school8888 (1888888888888888888)");
    }

    [Fact]
    public async Task X_unavailable_is_reported_as_such_and_changes_nothing()
    {
        var fresh = FakeXServer.NewCredentials();
        _h.X.AcceptCredentials(fresh, _h.AccountId);
        _h.X.InjectFault("GET", "/2/users/me", FakeFault.ServiceUnavailable503, times: 10);
        var before = await SnapshotAsync();

        var result = await _h.Rotation.SubmitAsync(SchoolYearTests.Json(fresh), "deputy@school.example", CancellationToken.None);

        result.Outcome.ShouldBe(RotationOutcome.Unavailable);
        await ShouldBeUnchangedAsync(before);
    }

    [Fact]
    public async Task Key_Vault_failing_part_way_leaves_the_old_credentials_current_and_the_cycle_open()
    {
        var fresh = FakeXServer.NewCredentials();
        _h.X.AcceptCredentials(fresh, _h.AccountId);
        _h.Vault.Fail("PUT", SecretNames.AccessTokenSecret);

        var result = await _h.Rotation.SubmitAsync(SchoolYearTests.Json(fresh), "deputy@school.example", CancellationToken.None);

        result.Outcome.ShouldBe(RotationOutcome.Unavailable);
        result.Message.ShouldContain("Key Vault");
        _h.CredentialSource.Invalidate();
        (await _h.CredentialSource.GetAsync(CancellationToken.None)).ShouldBe(_h.X.Credentials);
        var (state, _) = await _h.Store.GetStateAsync(CancellationToken.None);
        state.OpenCycle!.Id.ShouldBe("2026-27-autumn");
        state.Claim.ShouldBeNull();
    }

    [Fact]
    public async Task A_malformed_submission_names_each_field_and_never_echoes_a_value()
    {
        var result = await _h.Rotation.SubmitAsync("""{"consumerKey":"has space-S3CRET","consumerSecret":"","accessToken":12}""", "deputy@school.example", CancellationToken.None);

        result.Outcome.ShouldBe(RotationOutcome.Invalid);
        result.Errors.Select(e => e.Field).ShouldBe(["consumerKey", "consumerSecret", "accessToken", "accessTokenSecret"]);
        result.Errors.ShouldAllBe(e => !e.Message.Contains("S3CRET"));
        (await _h.Rotation.SubmitAsync("not json S3CRET", "deputy@school.example", CancellationToken.None)).Errors.ShouldHaveSingleItem().Message.ShouldBe("The body is not valid JSON.");
    }

    [Fact]
    public async Task With_no_cycle_open_a_submission_opens_one_on_demand_and_closes_it()
    {
        var first = FakeXServer.NewCredentials();
        _h.X.AcceptCredentials(first, _h.AccountId);
        (await _h.Rotation.SubmitAsync(SchoolYearTests.Json(first), "deputy@school.example", CancellationToken.None)).Outcome.ShouldBe(RotationOutcome.Rotated);

        _h.Time.Advance(TimeSpan.FromDays(20)); // a suspected compromise mid-term
        var second = FakeXServer.NewCredentials();
        _h.X.AcceptCredentials(second, _h.AccountId);
        var result = await _h.Rotation.SubmitAsync(SchoolYearTests.Json(second), "head@school.example", CancellationToken.None);

        result.Outcome.ShouldBe(RotationOutcome.Rotated);
        result.CycleId.ShouldStartWith("ondemand-2026-09-24-");
        var cycles = await _h.Store.GetCyclesAsync(CancellationToken.None);
        cycles.ShouldContain(c => c.Id == result.CycleId && c.Kind == CycleKind.OnDemand && c.Status == CycleStatus.Completed && c.CompletedBy == "head@school.example");
        (await _h.Store.GetStateAsync(CancellationToken.None)).State.OpenCycle.ShouldBeNull();
    }

    [Fact]
    public async Task A_refused_on_demand_submission_leaves_no_cycle_open()
    {
        var first = FakeXServer.NewCredentials();
        _h.X.AcceptCredentials(first, _h.AccountId);
        await _h.Rotation.SubmitAsync(SchoolYearTests.Json(first), "deputy@school.example", CancellationToken.None);

        (await _h.Rotation.SubmitAsync(SchoolYearTests.Json(FakeXServer.NewCredentials()), "deputy@school.example", CancellationToken.None)).Outcome.ShouldBe(RotationOutcome.Refused);

        (await _h.Store.GetStateAsync(CancellationToken.None)).State.OpenCycle.ShouldBeNull();
    }

    [Fact]
    public async Task A_claim_left_by_a_crashed_submission_lapses_after_five_minutes()
    {
        var (state, etag) = await _h.Store.GetStateAsync(CancellationToken.None);
        await _h.Store.SaveStateAsync(state with { Claim = new RotationClaim("crashed", "bursar@school.example", _h.Time.GetUtcNow()) }, etag, CancellationToken.None);
        var fresh = FakeXServer.NewCredentials();
        _h.X.AcceptCredentials(fresh, _h.AccountId);

        var blocked = await _h.Rotation.SubmitAsync(SchoolYearTests.Json(fresh), "deputy@school.example", CancellationToken.None);
        _h.Time.Advance(RotationClaim.Lifetime);
        var later = await _h.Rotation.SubmitAsync(SchoolYearTests.Json(fresh), "deputy@school.example", CancellationToken.None);

        blocked.Outcome.ShouldBe(RotationOutcome.Conflict);
        blocked.Message.ShouldStartWith("bursar@school.example is submitting new credentials right now");
        later.Outcome.ShouldBe(RotationOutcome.Rotated);
    }
}
