using SchoolTwitter.Application.X;

namespace SchoolTwitter.Application.Rotation;

/// <summary>
/// Where the X credentials live (Azure Key Vault): one secret per credential, a new version per rotation. Reads return
/// each secret's metadata, never its value.
/// </summary>
public interface ICredentialVault
{
    /// <summary>The current (latest) version of each credential secret, without values.</summary>
    Task<IReadOnlyList<CredentialSecretState>> ReadAsync(CancellationToken ct);

    /// <summary>
    /// Writes each credential as a new secret version with the expiry and tags given, then disables every earlier version.
    /// If a write fails part-way, the secrets already written are put back to their previous values before it throws,
    /// so the X client never reads a mix of old and new credentials.
    /// </summary>
    Task<CredentialWriteResult> WriteNewVersionsAsync(XCredentials credentials, CredentialVersionSettings settings, CancellationToken ct);
}

/// <summary>One credential secret's current version, as Key Vault describes it (no value).</summary>
/// <param name="Version">Null when the secret has no version yet.</param>
/// <param name="EnabledOlderVersions">Earlier versions still enabled (a finished rotation leaves none).</param>
public sealed record CredentialSecretState(
    string Name,
    string? Version,
    DateTimeOffset? CreatedOn,
    bool Enabled,
    DateTimeOffset? NotBefore,
    DateTimeOffset? ExpiresOn,
    IReadOnlyDictionary<string, string> Tags,
    int EnabledOlderVersions = 0)
{
    public bool Exists => Version is not null;

    /// <summary>Whether the X client may use this version at <paramref name="now"/>: Key Vault still returns expired secrets, so it is checked here.</summary>
    public string? UnusableReason(DateTimeOffset now) =>
        !Exists ? "has no value"
        : !Enabled ? "is disabled"
        : NotBefore > now ? $"is not valid before {NotBefore:yyyy-MM-dd HH:mm} UTC"
        : ExpiresOn <= now ? $"expired on {ExpiresOn:yyyy-MM-dd HH:mm} UTC"
        : null;
}

/// <param name="Tags">e.g. term, rotated-by, cycle: never anything secret.</param>
public sealed record CredentialVersionSettings(DateTimeOffset ExpiresOn, IReadOnlyDictionary<string, string> Tags);

public sealed record CredentialWriteResult(IReadOnlyList<WrittenSecretVersion> Written, int PreviousVersionsDisabled);

public sealed record WrittenSecretVersion(string Name, string Version);

/// <summary>The credential store could not be read or written. The message names secrets and versions, never values.</summary>
public sealed class CredentialVaultException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The X credentials cannot be used: a secret is missing, disabled, not yet valid or expired. Never carries a value.</summary>
public sealed class XCredentialsUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
