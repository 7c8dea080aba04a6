using Azure;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Logging;
using SchoolTwitter.Application.Rotation;
using SchoolTwitter.Application.X;
using SchoolTwitter.Infrastructure.Configuration;

namespace SchoolTwitter.Infrastructure.Rotation;

/// <summary>
/// The X credentials read straight from Key Vault through <see cref="SecretClient"/> (a Key Vault reference in app settings
/// can lag a rotation by up to a day), cached for <see cref="CacheFor"/>, read afresh after <see cref="Invalidate"/> (the X
/// client calls it on a 401). Key Vault still returns expired secrets, so Enabled, NotBefore and ExpiresOn are checked here:
/// an unusable current version is an <see cref="XCredentialsUnavailableException"/> naming the secret, never a value.
/// </summary>
public sealed class KeyVaultXCredentialSource(SecretClient client, TimeProvider time, ILogger<KeyVaultXCredentialSource> logger) : IXCredentialSource, IDisposable
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Cached? _cached;

    public async ValueTask<XCredentials> GetAsync(CancellationToken ct)
    {
        if (_cached is { } hit && hit.Until > time.GetUtcNow()) return hit.Credentials;

        await _gate.WaitAsync(ct);
        try
        {
            var now = time.GetUtcNow();
            if (_cached is { } again && again.Until > now) return again.Credentials;

            var values = new Dictionary<string, string>();
            var until = now + CacheFor;
            foreach (var name in SecretNames.All)
            {
                var secret = await ReadAsync(name, ct);
                var p = secret.Properties;
                var state = new CredentialSecretState(name, p.Version, p.CreatedOn, p.Enabled ?? true, p.NotBefore, p.ExpiresOn, new Dictionary<string, string>());
                if (state.UnusableReason(now) is { } reason)
                    throw Unavailable(name, $"The current version ({p.Version}) of Key Vault secret {name} {reason}. Submit new credentials (POST /api/credentials/rotation).");
                if (string.IsNullOrEmpty(secret.Value))
                    throw Unavailable(name, $"Key Vault secret {name} (version {p.Version}) is empty. Submit new credentials (POST /api/credentials/rotation).");
                values[name] = secret.Value;
                if (p.ExpiresOn < until) until = p.ExpiresOn.Value; // never serve a version past its expiry from the cache
            }

            var credentials = new XCredentials(values[SecretNames.ConsumerKey], values[SecretNames.ConsumerSecret], values[SecretNames.AccessToken], values[SecretNames.AccessTokenSecret]);
            _cached = new Cached(credentials, until);
            logger.LogInformation("X credentials read from Key Vault; cached until {Until}", until);
            return credentials;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate()
    {
        _cached = null;
        logger.LogInformation("X credential cache cleared; the next call reads Key Vault");
    }

    public void Dispose() => _gate.Dispose();

    private async Task<KeyVaultSecret> ReadAsync(string name, CancellationToken ct)
    {
        try
        {
            return (await client.GetSecretAsync(name, cancellationToken: ct)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw Unavailable(name, $"Key Vault secret {name} does not exist or has no version. Set the X credentials (POST /api/credentials/rotation).");
        }
        catch (RequestFailedException e) when (e.Status == 403 && e.ErrorCode == "Forbidden" && e.Message.Contains("disabled", StringComparison.OrdinalIgnoreCase))
        {
            // Key Vault answers a read of a disabled current version with 403.
            throw Unavailable(name, $"The current version of Key Vault secret {name} is disabled. Submit new credentials (POST /api/credentials/rotation).");
        }
        catch (RequestFailedException e)
        {
            throw Unavailable(name, $"Key Vault secret {name} could not be read ({e.Status} {e.ErrorCode}). Check the function app's access to the vault.");
        }
    }

    private XCredentialsUnavailableException Unavailable(string name, string message)
    {
        logger.LogError("X credentials unavailable ({SecretName}): {Reason}", name, message);
        return new XCredentialsUnavailableException(message);
    }

    private sealed record Cached(XCredentials Credentials, DateTimeOffset Until);
}
