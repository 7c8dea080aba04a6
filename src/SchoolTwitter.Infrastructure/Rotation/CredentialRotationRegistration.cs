using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SchoolTwitter.Application.Rotation;
using SchoolTwitter.Application.X;
using SchoolTwitter.Infrastructure.Configuration;

namespace SchoolTwitter.Infrastructure.Rotation;

/// <summary>Registers termly credential rotation and the Key Vault credential source.</summary>
public static class CredentialRotationRegistration
{
    public static IServiceCollection AddCredentialRotation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RotationOptions>().Configure(o =>
        {
            o.AccountId = Setting(configuration, SettingNames.XAccountId) ?? "";
            o.HeadTeacherContact = Setting(configuration, SettingNames.HeadTeacherContact);
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        services.TryAddSingleton(_ => StorageTables(configuration));
        services.TryAddSingleton<IRotationStore, TableRotationStore>();

        if (Setting(configuration, SettingNames.KeyVaultUri) is { Length: > 0 } vaultUri)
        {
            services.TryAddSingleton(sp => new SecretClient(new Uri(vaultUri), sp.GetRequiredService<TokenCredential>()));
            services.TryAddSingleton<ICredentialVault, KeyVaultCredentialVault>();
            services.TryAddSingleton<KeyVaultXCredentialSource>();
            // With a vault configured, the X client reads the credentials from it: this replaces any settings-based source
            // registered for local runs, so production can never fall back to a stale copy in app settings.
            services.Replace(ServiceDescriptor.Singleton<IXCredentialSource>(sp => sp.GetRequiredService<KeyVaultXCredentialSource>()));
        }
        else
        {
            services.TryAddSingleton<ICredentialVault, UnconfiguredCredentialVault>();
        }

        // Transient: they hold nothing, and the X client they use is a typed HttpClient.
        services.TryAddTransient<TermCalendarService>();
        services.TryAddTransient<RotationCheckService>();
        services.TryAddTransient<CredentialRotationService>();
        services.TryAddTransient<CredentialStatusService>();
        return services;
    }

    // App settings say X__AccountId; configuration keys say X:AccountId. Either works.
    private static string? Setting(IConfiguration configuration, string name) =>
        configuration[name.Replace("__", ":", StringComparison.Ordinal)] is { Length: > 0 } value ? value : configuration[name];

    // Used only when the platform registration has not already provided a TableServiceClient.
    private static TableServiceClient StorageTables(IConfiguration configuration)
    {
        if (configuration[SettingNames.StorageConnection] is { Length: > 0 } connectionString)
            return new TableServiceClient(connectionString);
        var uri = Setting(configuration, $"{SettingNames.StorageConnection}__tableServiceUri")
            ?? throw new InvalidOperationException($"Set {SettingNames.StorageConnection} or {SettingNames.StorageConnection}__tableServiceUri.");
        var clientId = Setting(configuration, $"{SettingNames.StorageConnection}__clientId");
        return new TableServiceClient(new Uri(uri), clientId is null ? new DefaultAzureCredential() : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId)));
    }
}
