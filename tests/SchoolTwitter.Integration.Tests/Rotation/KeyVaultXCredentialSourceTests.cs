using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SchoolTwitter.Application.Rotation;
using SchoolTwitter.Application.X;
using SchoolTwitter.Infrastructure.Configuration;
using SchoolTwitter.Infrastructure.Rotation;

using SchoolTwitter.Testing.KeyVault;

namespace SchoolTwitter.Integration.Tests.Rotation;

public class KeyVaultXCredentialSourceTests
{
    private static readonly XCredentials Creds = new("ck-value-111", "cs-value-222", "at-value-333", "ats-value-444");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 9, 3, 8, 0, 0, TimeSpan.Zero));
    private readonly FakeKeyVault _vault;
    private readonly KeyVaultXCredentialSource _sut;

    public KeyVaultXCredentialSourceTests()
    {
        _vault = new FakeKeyVault(_time);
        _sut = new KeyVaultXCredentialSource(_vault.Client(), _time, NullLogger<KeyVaultXCredentialSource>.Instance);
    }

    private void Seed(XCredentials c, DateTimeOffset? expires = null)
    {
        foreach (var (name, value) in KeyVaultCredentialVaultTests.Pairs(c)) _vault.Seed(name, value, expires ?? _time.GetUtcNow().AddDays(100));
    }

    [Fact]
    public async Task Reads_the_four_secrets_and_caches_them_briefly()
    {
        Seed(Creds);

        (await _sut.GetAsync(CancellationToken.None)).ShouldBe(Creds);
        var requests = _vault.RequestCount;
        _time.Advance(TimeSpan.FromMinutes(4));
        (await _sut.GetAsync(CancellationToken.None)).ShouldBe(Creds);
        _vault.RequestCount.ShouldBe(requests);

        _time.Advance(TimeSpan.FromMinutes(2));
        await _sut.GetAsync(CancellationToken.None);
        _vault.RequestCount.ShouldBeGreaterThan(requests);
    }

    [Fact]
    public async Task Invalidate_after_a_401_picks_up_rotated_credentials_without_a_restart()
    {
        Seed(Creds);
        await _sut.GetAsync(CancellationToken.None);
        var rotated = Creds with { AccessToken = "at-rotated-555", AccessTokenSecret = "ats-rotated-666" };
        Seed(rotated);

        (await _sut.GetAsync(CancellationToken.None)).ShouldBe(Creds); // still cached
        _sut.Invalidate();
        (await _sut.GetAsync(CancellationToken.None)).ShouldBe(rotated);
    }

    [Fact]
    public async Task An_expired_current_version_is_an_error_naming_the_secret_never_a_value()
    {
        // Key Vault returns expired secrets: the check is ours.
        Seed(Creds, expires: _time.GetUtcNow().AddDays(-1));

        var e = await Should.ThrowAsync<XCredentialsUnavailableException>(async () => await _sut.GetAsync(CancellationToken.None));

        e.Message.ShouldContain($"Key Vault secret {SecretNames.ConsumerKey} expired on 2026-09-02");
        e.Message.ShouldContain("POST /api/credentials/rotation");
        e.ToString().ShouldNotContain("ck-value-111");
    }

    [Fact]
    public async Task The_cache_never_outlives_the_versions_expiry()
    {
        Seed(Creds, expires: _time.GetUtcNow().AddMinutes(2));
        await _sut.GetAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(3));

        await Should.ThrowAsync<XCredentialsUnavailableException>(async () => await _sut.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_disabled_current_version_is_an_error()
    {
        Seed(Creds);
        _vault.Seed(SecretNames.AccessToken, "at-disabled-777", enabled: false);

        var e = await Should.ThrowAsync<XCredentialsUnavailableException>(async () => await _sut.GetAsync(CancellationToken.None));

        e.Message.ShouldBe($"The current version of Key Vault secret {SecretNames.AccessToken} is disabled. Submit new credentials (POST /api/credentials/rotation).");
    }

    [Fact]
    public async Task A_version_not_yet_valid_is_an_error()
    {
        Seed(Creds);
        _vault.Seed(SecretNames.AccessTokenSecret, "ats-future-888", notBefore: _time.GetUtcNow().AddDays(1));

        var e = await Should.ThrowAsync<XCredentialsUnavailableException>(async () => await _sut.GetAsync(CancellationToken.None));

        e.Message.ShouldContain("is not valid before 2026-09-04 08:00 UTC");
        e.ToString().ShouldNotContain("ats-future-888");
    }

    [Fact]
    public async Task A_missing_secret_is_an_error_saying_how_to_set_it()
    {
        var e = await Should.ThrowAsync<XCredentialsUnavailableException>(async () => await _sut.GetAsync(CancellationToken.None));

        e.Message.ShouldContain($"Key Vault secret {SecretNames.ConsumerKey} does not exist");
    }

    [Fact]
    public async Task A_vault_failure_is_an_error_with_status_and_code_only()
    {
        Seed(Creds);
        _vault.Fail("GET", SecretNames.ConsumerSecret);

        var e = await Should.ThrowAsync<XCredentialsUnavailableException>(async () => await _sut.GetAsync(CancellationToken.None));

        e.Message.ShouldBe($"Key Vault secret {SecretNames.ConsumerSecret} could not be read (500 InternalError). Check the function app's access to the vault.");
        e.ToString().ShouldNotContain("ck-value-111");
    }
}
