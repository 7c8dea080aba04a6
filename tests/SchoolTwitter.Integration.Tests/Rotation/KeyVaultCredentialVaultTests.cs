using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SchoolTwitter.Application.Rotation;
using SchoolTwitter.Application.X;
using SchoolTwitter.Infrastructure.Configuration;
using SchoolTwitter.Infrastructure.Rotation;

using SchoolTwitter.Testing.KeyVault;

namespace SchoolTwitter.Integration.Tests.Rotation;

public class KeyVaultCredentialVaultTests
{
    private static readonly XCredentials Old = new("old-ck-1a2b", "old-cs-3c4d", "old-at-5e6f", "old-ats-7g8h");
    private static readonly XCredentials New = new("new-ck-9i0j", "new-cs-1k2l", "new-at-3m4n", "new-ats-5o6p");
    private static readonly DateTimeOffset Expiry = new(2027, 3, 20, 0, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 9, 3, 8, 0, 0, TimeSpan.Zero));
    private readonly FakeKeyVault _vault;
    private readonly KeyVaultCredentialVault _sut;

    public KeyVaultCredentialVaultTests()
    {
        _vault = new FakeKeyVault(_time);
        _sut = new KeyVaultCredentialVault(_vault.Client(), NullLogger<KeyVaultCredentialVault>.Instance);
    }

    private void SeedOld(DateTimeOffset? expires = null)
    {
        foreach (var (name, value) in Pairs(Old)) _vault.Seed(name, value, expires ?? new DateTimeOffset(2026, 12, 19, 0, 0, 0, TimeSpan.Zero), createdOn: new DateTimeOffset(2026, 4, 20, 9, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Write_adds_a_new_version_of_each_secret_with_expiry_and_tags_then_disables_every_older_version()
    {
        SeedOld();
        _vault.Seed(SecretNames.AccessToken, "older-still", createdOn: new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero)); // a forgotten enabled version
        var tags = new Dictionary<string, string> { ["term"] = "2026-27-autumn", ["rotated-by"] = "head@school.example", ["cycle"] = "2026-27-autumn" };

        var result = await _sut.WriteNewVersionsAsync(New, new CredentialVersionSettings(Expiry, tags), CancellationToken.None);

        result.Written.Select(w => w.Name).ShouldBe(SecretNames.All);
        result.PreviousVersionsDisabled.ShouldBe(5);
        foreach (var (name, value) in Pairs(New))
        {
            var versions = _vault.VersionsOf(name);
            var current = versions[^1];
            current.Value.ShouldBe(value);
            current.Enabled.ShouldBeTrue();
            current.Expires.ShouldBe(Expiry);
            current.Tags.ShouldBe(tags, ignoreOrder: true);
            current.ContentType.ShouldBe("text/plain");
            result.Written.Single(w => w.Name == name).Version.ShouldBe(current.Id);
            versions.Take(versions.Count - 1).ShouldAllBe(v => !v.Enabled);
        }
    }

    [Fact]
    public async Task Read_describes_each_current_version_without_a_value()
    {
        SeedOld();
        _vault.Seed(SecretNames.ConsumerKey, "second", expiresOn: Expiry);

        var states = await _sut.ReadAsync(CancellationToken.None);

        states.Select(s => s.Name).ShouldBe(SecretNames.All);
        var key = states.Single(s => s.Name == SecretNames.ConsumerKey);
        key.Version.ShouldBe(_vault.Current(SecretNames.ConsumerKey)!.Id);
        key.ExpiresOn.ShouldBe(Expiry);
        key.EnabledOlderVersions.ShouldBe(1);
        states.Single(s => s.Name == SecretNames.AccessToken).CreatedOn.ShouldBe(new DateTimeOffset(2026, 4, 20, 9, 0, 0, TimeSpan.Zero));
        typeof(CredentialSecretState).GetProperties().Select(p => p.Name).ShouldNotContain("Value");
    }

    [Fact]
    public async Task Read_reports_a_secret_that_does_not_exist_as_missing()
    {
        var states = await _sut.ReadAsync(CancellationToken.None);

        states.ShouldAllBe(s => !s.Exists);
        states[0].UnusableReason(_time.GetUtcNow()).ShouldBe("has no value");
    }

    [Fact]
    public async Task A_write_failing_part_way_puts_the_previous_values_back_and_disables_nothing()
    {
        SeedOld();
        _vault.Fail("PUT", SecretNames.AccessToken);

        var e = await Should.ThrowAsync<CredentialVaultException>(() =>
            _sut.WriteNewVersionsAsync(New, new CredentialVersionSettings(Expiry, new Dictionary<string, string>()), CancellationToken.None));

        e.Message.ShouldContain(SecretNames.AccessToken);
        e.Message.ShouldContain("previous credentials are still current");
        foreach (var (name, value) in Pairs(Old))
        {
            _vault.Current(name)!.Value.ShouldBe(value);
            _vault.Current(name)!.Enabled.ShouldBeTrue();
        }

        _vault.VersionsOf(SecretNames.ConsumerKey).Select(v => (v.Value, v.Enabled)).ShouldBe([(Old.ConsumerKey, true), (New.ConsumerKey, false), (Old.ConsumerKey, true)]);
        _vault.Current(SecretNames.ConsumerKey)!.Tags["restored-from"].ShouldBe(_vault.VersionsOf(SecretNames.ConsumerKey)[0].Id);
        _vault.Current(SecretNames.ConsumerKey)!.Expires.ShouldBe(new DateTimeOffset(2026, 12, 19, 0, 0, 0, TimeSpan.Zero));
        foreach (var value in Pairs(New).Select(p => p.Value).Concat(Pairs(Old).Select(p => p.Value))) e.ToString().ShouldNotContain(value);
    }

    [Fact]
    public async Task A_first_write_failing_part_way_disables_the_lone_new_versions()
    {
        _vault.Fail("PUT", SecretNames.AccessTokenSecret);

        await Should.ThrowAsync<CredentialVaultException>(() =>
            _sut.WriteNewVersionsAsync(New, new CredentialVersionSettings(Expiry, new Dictionary<string, string>()), CancellationToken.None));

        _vault.Current(SecretNames.ConsumerKey)!.Enabled.ShouldBeFalse();
        _vault.Current(SecretNames.AccessToken)!.Enabled.ShouldBeFalse();
    }

    [Fact]
    public async Task A_failure_listing_versions_is_a_vault_error_naming_the_secret()
    {
        SeedOld();
        _vault.Fail("GET", SecretNames.ConsumerSecret);

        var e = await Should.ThrowAsync<CredentialVaultException>(() => _sut.ReadAsync(CancellationToken.None));

        e.Message.ShouldBe($"Key Vault could not list the versions of {SecretNames.ConsumerSecret} (500 InternalError).");
    }

    internal static IEnumerable<(string Name, string Value)> Pairs(XCredentials c) =>
    [
        (SecretNames.ConsumerKey, c.ConsumerKey),
        (SecretNames.ConsumerSecret, c.ConsumerSecret),
        (SecretNames.AccessToken, c.AccessToken),
        (SecretNames.AccessTokenSecret, c.AccessTokenSecret),
    ];
}
