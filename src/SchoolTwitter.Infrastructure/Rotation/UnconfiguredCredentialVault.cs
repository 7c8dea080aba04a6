using SchoolTwitter.Application.Rotation;
using SchoolTwitter.Application.X;
using SchoolTwitter.Infrastructure.Configuration;

namespace SchoolTwitter.Infrastructure.Rotation;

/// <summary>Stands in when KeyVault__Uri is not set (a local run): status and rotation say so plainly instead of failing to start.</summary>
public sealed class UnconfiguredCredentialVault : ICredentialVault
{
    private static readonly string Message = $"Key Vault is not configured: set {SettingNames.KeyVaultUri} to rotate or inspect the X credentials.";

    public Task<IReadOnlyList<CredentialSecretState>> ReadAsync(CancellationToken ct) => throw new CredentialVaultException(Message);

    public Task<CredentialWriteResult> WriteNewVersionsAsync(XCredentials credentials, CredentialVersionSettings settings, CancellationToken ct) =>
        throw new CredentialVaultException(Message);
}
