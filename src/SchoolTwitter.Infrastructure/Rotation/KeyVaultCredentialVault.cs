using Azure;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Logging;
using SchoolTwitter.Application.Rotation;
using SchoolTwitter.Application.X;
using SchoolTwitter.Infrastructure.Configuration;

namespace SchoolTwitter.Infrastructure.Rotation;

/// <summary>
/// The X credentials in Azure Key Vault through <see cref="SecretClient"/>: one secret per credential (<see cref="SecretNames"/>),
/// a new version per rotation. Errors carry the secret's name, the HTTP status and Key Vault's error code — never a value
/// (a <see cref="RequestFailedException"/>'s message quotes the response, so it is not passed on).
/// </summary>
public sealed class KeyVaultCredentialVault(SecretClient client, ILogger<KeyVaultCredentialVault> logger) : ICredentialVault
{
    public async Task<IReadOnlyList<CredentialSecretState>> ReadAsync(CancellationToken ct)
    {
        var states = new List<CredentialSecretState>();
        foreach (var name in SecretNames.All)
        {
            var versions = await VersionsAsync(name, ct);
            var current = versions.FirstOrDefault();
            states.Add(current is null
                ? new CredentialSecretState(name, null, null, false, null, null, new Dictionary<string, string>())
                : new CredentialSecretState(name, current.Version, current.CreatedOn, current.Enabled ?? true, current.NotBefore, current.ExpiresOn,
                    new Dictionary<string, string>(current.Tags), versions.Skip(1).Count(v => v.Enabled ?? true)));
        }

        return states;
    }

    public async Task<CredentialWriteResult> WriteNewVersionsAsync(XCredentials credentials, CredentialVersionSettings settings, CancellationToken ct)
    {
        var values = new (string Name, string Value)[]
        {
            (SecretNames.ConsumerKey, credentials.ConsumerKey),
            (SecretNames.ConsumerSecret, credentials.ConsumerSecret),
            (SecretNames.AccessToken, credentials.AccessToken),
            (SecretNames.AccessTokenSecret, credentials.AccessTokenSecret),
        };

        var previous = new Dictionary<string, IReadOnlyList<SecretProperties>>();
        foreach (var (name, _) in values) previous[name] = await VersionsAsync(name, ct);

        var written = new List<WrittenSecretVersion>();
        foreach (var (name, value) in values)
        {
            var secret = new KeyVaultSecret(name, value);
            secret.Properties.ExpiresOn = settings.ExpiresOn;
            secret.Properties.ContentType = "text/plain";
            foreach (var (key, tag) in settings.Tags) secret.Properties.Tags[key] = tag;
            try
            {
                var response = await client.SetSecretAsync(secret, ct);
                written.Add(new WrittenSecretVersion(name, response.Value.Properties.Version));
            }
            catch (RequestFailedException e)
            {
                logger.LogError("Writing a new version of {SecretName} failed ({Status} {ErrorCode}); restoring {Count} secrets already written", name, e.Status, e.ErrorCode, written.Count);
                await RestoreAsync(written, previous, ct);
                throw new CredentialVaultException($"Key Vault refused a new version of {name} ({e.Status} {e.ErrorCode}); the previous credentials are still current.");
            }
        }

        // Only once every new version is in place: disable the old ones, so nothing can use them.
        var disabled = 0;
        foreach (var (name, versions) in previous)
        {
            foreach (var old in versions.Where(v => v.Enabled ?? true))
            {
                try
                {
                    old.Enabled = false;
                    await client.UpdateSecretPropertiesAsync(old, ct);
                    disabled++;
                }
                catch (RequestFailedException e)
                {
                    logger.LogWarning("Could not disable {SecretName} version {Version} ({Status} {ErrorCode}); the new version is current", name, old.Version, e.Status, e.ErrorCode);
                }
            }
        }

        logger.LogInformation("Wrote {Count} new credential versions expiring {ExpiresOn}; disabled {Disabled} earlier versions", written.Count, settings.ExpiresOn, disabled);
        return new CredentialWriteResult(written, disabled);
    }

    // Puts back the previous value of each secret already given a new version, as a newer version still, with its old expiry and tags.
    private async Task RestoreAsync(List<WrittenSecretVersion> written, Dictionary<string, IReadOnlyList<SecretProperties>> previous, CancellationToken ct)
    {
        foreach (var w in written)
        {
            var before = previous[w.Name].FirstOrDefault();
            try
            {
                if (before is null)
                {
                    // There was nothing before: the new version is disabled, so the secret reads as missing, not half-rotated.
                    await client.UpdateSecretPropertiesAsync(new SecretProperties(new Uri(client.VaultUri, $"secrets/{w.Name}/{w.Version}")) { Enabled = false }, ct);
                    continue;
                }

                var old = (await client.GetSecretAsync(w.Name, before.Version, ct)).Value;
                var again = new KeyVaultSecret(w.Name, old.Value);
                again.Properties.ExpiresOn = before.ExpiresOn;
                again.Properties.NotBefore = before.NotBefore;
                again.Properties.ContentType = before.ContentType;
                foreach (var (key, tag) in before.Tags) again.Properties.Tags[key] = tag;
                again.Properties.Tags["restored-from"] = before.Version;
                await client.SetSecretAsync(again, ct);
                // The abandoned new version is disabled too, so only the restored one can be read.
                await client.UpdateSecretPropertiesAsync(new SecretProperties(new Uri(client.VaultUri, $"secrets/{w.Name}/{w.Version}")) { Enabled = false }, ct);
            }
            catch (RequestFailedException e)
            {
                logger.LogCritical("Could not restore {SecretName} to version {Version} ({Status} {ErrorCode}): the X credentials are now mixed; submit the new credentials again",
                    w.Name, before?.Version, e.Status, e.ErrorCode);
                throw new CredentialVaultException($"Key Vault failed part-way and {w.Name} could not be restored ({e.Status} {e.ErrorCode}); submit the new credentials again.");
            }
        }
    }

    // All versions of a secret, newest first; none when the secret does not exist.
    private async Task<IReadOnlyList<SecretProperties>> VersionsAsync(string name, CancellationToken ct)
    {
        try
        {
            var versions = new List<SecretProperties>();
            await foreach (var v in client.GetPropertiesOfSecretVersionsAsync(name, ct)) versions.Add(v);
            return versions.OrderByDescending(v => v.CreatedOn).ToList();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }
        catch (RequestFailedException e)
        {
            throw new CredentialVaultException($"Key Vault could not list the versions of {name} ({e.Status} {e.ErrorCode}).");
        }
    }
}
