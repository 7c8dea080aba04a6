using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Rotation;
using SchoolTwitter.Application.X;
using SchoolTwitter.Infrastructure;
using SchoolTwitter.Infrastructure.Configuration;
using SchoolTwitter.Infrastructure.Rotation;
using SchoolTwitter.Infrastructure.X;
using SchoolTwitter.Testing.Azurite;

namespace SchoolTwitter.Integration.Tests.Rotation;

[Collection(AzuriteCollection.Name)]
public sealed class CredentialRotationRegistrationTests(AzuriteFixture azurite)
{
    private ServiceProvider Build(string? vaultUri)
    {
        var settings = new Dictionary<string, string?>
        {
            [SettingNames.StorageConnection] = azurite.ConnectionString,
            ["X:AccountId"] = "1500000000000000001",
            ["Rotation:HeadTeacherContact"] = "head@school.example",
            ["KeyVault:Uri"] = vaultUri,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IXCredentialSource>(new StaticXCredentialSource(FakeCredentials)); // e.g. a local-run source
        services.AddInfrastructure(configuration).AddApplication();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static readonly XCredentials FakeCredentials = new("a", "b", "c", "d");

    [Fact]
    public void With_a_vault_configured_the_X_client_reads_credentials_from_Key_Vault()
    {
        using var provider = Build("https://kv-school.vault.azure.net/");

        provider.GetRequiredService<IXCredentialSource>().ShouldBeOfType<KeyVaultXCredentialSource>();
        provider.GetRequiredService<ICredentialVault>().ShouldBeOfType<KeyVaultCredentialVault>();
        provider.GetRequiredService<Azure.Security.KeyVault.Secrets.SecretClient>().VaultUri.ShouldBe(new Uri("https://kv-school.vault.azure.net/"));
        provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<RotationOptions>>().Value.HeadTeacherContact.ShouldBe("head@school.example");
        provider.GetRequiredService<CredentialRotationService>().ShouldNotBeNull();
        provider.GetRequiredService<RotationCheckService>().ShouldNotBeNull();
    }

    [Fact]
    public async Task Without_a_vault_the_existing_source_stays_and_rotation_says_Key_Vault_is_not_configured()
    {
        using var provider = Build(null);

        provider.GetRequiredService<IXCredentialSource>().ShouldBeOfType<StaticXCredentialSource>();
        var e = await Should.ThrowAsync<CredentialVaultException>(() => provider.GetRequiredService<ICredentialVault>().ReadAsync(CancellationToken.None));
        e.Message.ShouldBe("Key Vault is not configured: set KeyVault__Uri to rotate or inspect the X credentials.");
        (await provider.GetRequiredService<CredentialStatusService>().GetAsync(CancellationToken.None)).SecretsError.ShouldBe(e.Message);
    }
}
