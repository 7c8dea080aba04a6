using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Notifications;
using SchoolTwitter.Application.X;
using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Core.Rotation;
using SchoolTwitter.Core.Time;

namespace SchoolTwitter.Application.Rotation;

public enum RotationOutcome
{
    Rotated,

    /// <summary>The body is malformed (400): nothing was tried.</summary>
    Invalid,

    /// <summary>X refused the credentials, or they belong to another account (422): nothing changed.</summary>
    Refused,

    /// <summary>Another submission holds the cycle (409): nothing changed.</summary>
    Conflict,

    /// <summary>X or Key Vault could not be reached (503): nothing changed; try again.</summary>
    Unavailable,
}

/// <summary>The answer to a submission. <see cref="Message"/> is safe to show: it never contains a credential.</summary>
public sealed record RotationSubmissionResult(
    RotationOutcome Outcome,
    string Message,
    IReadOnlyList<InputError> Errors,
    string? CycleId = null,
    DateTimeOffset? ExpiresOn = null,
    IReadOnlyList<WrittenSecretVersion>? Versions = null);

/// <summary>
/// POST /api/credentials/rotation (SLT): claims the open cycle (ETag), checks the new credentials with X (GET /2/users/me
/// must answer with the school's account id), writes them to Key Vault as new versions expiring at the end of next term,
/// disables the old versions, closes the cycle and audits — never a value. Any refusal or failure leaves everything as it was.
/// </summary>
public sealed class CredentialRotationService(
    IRotationStore store,
    ICredentialVault vault,
    IXAccount x,
    IXCredentialSource credentialSource,
    INotifier notifier,
    IAuditLog audit,
    IOptions<RotationOptions> options,
    TimeProvider time,
    ILogger<CredentialRotationService> logger)
{
    private const int MaxAttempts = 5;
    private const int MaxCredentialLength = 200;

    /// <summary>Reads <c>{"consumerKey","consumerSecret","accessToken","accessTokenSecret"}</c>; errors name the field, never echo a value.</summary>
    public static InputResult<XCredentials> Parse(string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            // JsonException's message can quote the body: keep it out.
            return InputResult<XCredentials>.Fail(new InputError("$", "The body is not valid JSON."));
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return InputResult<XCredentials>.Fail(new InputError("$", "Give a JSON object with consumerKey, consumerSecret, accessToken and accessTokenSecret."));

            var errors = new List<InputError>();
            string Read(string field)
            {
                if (!doc.RootElement.TryGetProperty(field, out var p) || p.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(p.GetString()))
                {
                    errors.Add(new InputError(field, $"Give {field} as a non-empty string."));
                    return "";
                }

                var value = p.GetString()!.Trim();
                if (value.Length > MaxCredentialLength)
                    errors.Add(new InputError(field, $"{field} is longer than {MaxCredentialLength} characters: paste only the value."));
                else if (value.Any(c => c <= ' ' || c > '~'))
                    errors.Add(new InputError(field, $"{field} contains spaces or characters X never uses: paste only the value."));
                return value;
            }

            var credentials = new XCredentials(Read("consumerKey"), Read("consumerSecret"), Read("accessToken"), Read("accessTokenSecret"));
            return errors.Count > 0 ? InputResult<XCredentials>.Fail(errors) : InputResult<XCredentials>.Ok(credentials);
        }
    }

    public async Task<RotationSubmissionResult> SubmitAsync(string json, string actor, CancellationToken ct)
    {
        var parsed = Parse(json);
        if (!parsed.IsValid)
        {
            logger.LogInformation("Credential submission from {Actor} refused: {Fields} invalid", actor, string.Join(",", parsed.Errors.Select(e => e.Field)));
            return new RotationSubmissionResult(RotationOutcome.Invalid, "The submission is not valid.", parsed.Errors);
        }

        return await SubmitAsync(parsed.Value!, actor, ct);
    }

    public async Task<RotationSubmissionResult> SubmitAsync(XCredentials credentials, string actor, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = UkTime.Today(time);
        var claim = new RotationClaim(Guid.NewGuid().ToString("N"), actor, now);

        if (await IsInstalledTokenAsync(credentials, ct))
        {
            // X would accept them (they are still valid), but nothing would have been rotated.
            logger.LogWarning("Credentials submitted by {Actor} carry the access token already installed", actor);
            await AuditAsync(actor, "credentials.rotation-refused", "credentials", "refused: tokens not regenerated", null, ct);
            return new RotationSubmissionResult(RotationOutcome.Refused,
                "This access token is the one already installed: regenerate the access token and secret in the X developer console, then submit the new ones. Nothing was changed.", []);
        }

        var claimed = await ClaimAsync(claim, today, ct);
        if (claimed.Refusal is { } busy) return busy;
        var cycle = claimed.Cycle!;

        try
        {
            var refusal = await VerifyAsync(credentials, actor, cycle, ct);
            if (refusal is not null)
            {
                await ReleaseAsync(claim, claimed.CreatedCycle, ct);
                return refusal;
            }

            var calendar = TermCalendar.Around(today, await store.GetTermsAsync(ct));
            var term = calendar.LatestStarted(today);
            var next = term is null ? calendar.Terms.First(t => t.Start > today) : calendar.After(term)!;
            // Expires at the end of next term: by then the next termly rotation must have happened.
            var expiresOn = UkTime.ToUtc(next.End.AddDays(1), TimeOnly.MinValue);
            var tags = new Dictionary<string, string>
            {
                ["term"] = term?.Id ?? next.Id,
                ["rotated-by"] = actor,
                ["cycle"] = cycle.Id,
            };

            CredentialWriteResult written;
            try
            {
                written = await vault.WriteNewVersionsAsync(credentials, new CredentialVersionSettings(expiresOn, tags), ct);
            }
            catch (CredentialVaultException e)
            {
                logger.LogError(e, "Credentials from {Actor} verified but not stored for cycle {CycleId}", actor, cycle.Id);
                await ReleaseAsync(claim, claimed.CreatedCycle, ct);
                await AuditAsync(actor, "credentials.rotation-failed", cycle.Id, "failed: Key Vault", e.Message, ct);
                return new RotationSubmissionResult(RotationOutcome.Unavailable, "Key Vault could not store the new credentials; nothing was changed. Please try again shortly.", []);
            }

            var completed = cycle.Complete(time.GetUtcNow(), actor);
            await CompleteAsync(claim, completed, ct);
            credentialSource.Invalidate();

            var versions = string.Join(", ", written.Written.Select(w => $"{w.Name}@{w.Version}"));
            await AuditAsync(actor, "credentials.rotated", cycle.Id, "accepted",
                $"New versions {versions}; {written.PreviousVersionsDisabled} earlier versions disabled; expire {expiresOn:yyyy-MM-dd}.", ct);
            logger.LogInformation("Credentials rotated by {Actor} for cycle {CycleId}: new versions {Versions}, {Disabled} earlier versions disabled, expiring {ExpiresOn}",
                actor, cycle.Id, versions, written.PreviousVersionsDisabled, expiresOn);
            await NotifyRotatedAsync(completed, actor, expiresOn, ct);

            return new RotationSubmissionResult(RotationOutcome.Rotated, "The new credentials were verified with X and installed.", [], cycle.Id, expiresOn, written.Written);
        }
        catch (Exception e) when (e is not OperationCanceledException && claimed.Cycle is not null)
        {
            logger.LogError(e, "Credential submission by {Actor} for cycle {CycleId} failed", actor, cycle.Id);
            await ReleaseAsync(claim, claimed.CreatedCycle, CancellationToken.None);
            throw;
        }
    }

    private async Task<bool> IsInstalledTokenAsync(XCredentials submitted, CancellationToken ct)
    {
        XCredentials current;
        try
        {
            current = await credentialSource.GetAsync(ct);
        }
        catch (Exception e) when (e is XCredentialsUnavailableException or CredentialVaultException)
        {
            return false; // nothing usable is installed, so these cannot be the installed ones
        }

        return SameSecret(submitted.AccessToken, current.AccessToken) || SameSecret(submitted.AccessTokenSecret, current.AccessTokenSecret);
    }

    private static bool SameSecret(string a, string b) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(a), System.Text.Encoding.UTF8.GetBytes(b));

    private async Task<(RotationCycle? Cycle, bool CreatedCycle, RotationSubmissionResult? Refusal)> ClaimAsync(RotationClaim claim, DateOnly today, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (state, etag) = await store.GetStateAsync(ct);
            if (state.Claim is { } other && other.IsLive(claim.At))
            {
                logger.LogWarning("Credential submission by {Actor} refused: {Other} is submitting for cycle {CycleId}", claim.By, other.By, state.OpenCycle?.Id);
                await AuditAsync(claim.By, "credentials.rotation-refused", state.OpenCycle?.Id ?? "credentials", "refused: another submission in progress", $"by {other.By}", ct);
                return (null, false, new RotationSubmissionResult(RotationOutcome.Conflict,
                    $"{other.By} is submitting new credentials right now; nothing was changed. Check GET /api/credentials/status in a few minutes.", []));
            }

            // No cycle open (e.g. a suspected compromise mid-term): the submission opens one on demand, to claim and close.
            var created = state.OpenCycle is null;
            var cycle = state.OpenCycle ?? new RotationCycle($"ondemand-{today:yyyy-MM-dd}-{claim.Id[..6]}", CycleKind.OnDemand, null, today, $"Submitted by {claim.By}.", []);
            try
            {
                await store.SaveStateAsync(state with { OpenCycle = cycle, Claim = claim }, etag, ct);
                return (cycle, created, null);
            }
            catch (RotationConflictException) when (attempt < MaxAttempts)
            {
                // The daily check or another submission wrote first: look again (a live claim now refuses us above).
            }
        }
    }

    private async Task<RotationSubmissionResult?> VerifyAsync(XCredentials credentials, string actor, RotationCycle cycle, CancellationToken ct)
    {
        XUser me;
        try
        {
            me = await x.GetMeAsync(credentials, ct);
        }
        catch (XUnauthorizedException)
        {
            logger.LogWarning("Credentials submitted by {Actor} for cycle {CycleId} refused by X (401)", actor, cycle.Id);
            await AuditAsync(actor, "credentials.rotation-refused", cycle.Id, "refused: X rejected the credentials", null, ct);
            return new RotationSubmissionResult(RotationOutcome.Refused,
                "X did not accept these credentials (401). Check that the access token and secret were regenerated for the school's app and pasted in full; nothing was changed.", []);
        }
        catch (Exception e) when (e is XApiException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Credentials submitted by {Actor} for cycle {CycleId} could not be verified: X unavailable", actor, cycle.Id);
            await AuditAsync(actor, "credentials.rotation-failed", cycle.Id, "failed: X unavailable", null, ct);
            return new RotationSubmissionResult(RotationOutcome.Unavailable, "X could not be reached to check the credentials; nothing was changed. Please try again shortly.", []);
        }

        if (me.Id == options.Value.AccountId) return null;

        logger.LogWarning("Credentials submitted by {Actor} for cycle {CycleId} belong to X account {OtherAccountId} (@{Username}), not the school's", actor, cycle.Id, me.Id, me.Username);
        await AuditAsync(actor, "credentials.rotation-refused", cycle.Id, "refused: another account", $"@{me.Username} ({me.Id})", ct);
        return new RotationSubmissionResult(RotationOutcome.Refused,
            $"These credentials belong to @{me.Username}, not the school's account; nothing was changed. Regenerate the tokens while signed in as the school's account.", []);
    }

    private async Task CompleteAsync(RotationClaim claim, RotationCycle completed, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (state, etag) = await store.GetStateAsync(CancellationToken.None);
            if (state.Claim?.Id != claim.Id)
                logger.LogWarning("Claim of {Actor} on cycle {CycleId} lapsed before completion; completing anyway as the credentials are installed", claim.By, completed.Id);
            var next = state with
            {
                // The daily check may have opened a newer cycle meanwhile; only ours is closed.
                OpenCycle = state.OpenCycle?.Id == completed.Id ? null : state.OpenCycle,
                Claim = state.Claim?.Id == claim.Id ? null : state.Claim,
                LastRotation = new LastRotation(completed.CompletedAt!.Value, claim.By, completed.Id),
            };
            try
            {
                await store.SaveStateAsync(next, etag, CancellationToken.None);
                break;
            }
            catch (RotationConflictException) when (attempt < MaxAttempts)
            {
            }
        }

        await store.RecordCycleAsync(completed, CancellationToken.None);
    }

    private async Task ReleaseAsync(RotationClaim claim, bool createdCycle, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var (state, etag) = await store.GetStateAsync(ct);
            if (state.Claim?.Id != claim.Id) return;
            var next = state with { Claim = null, OpenCycle = createdCycle && state.OpenCycle?.Kind == CycleKind.OnDemand ? null : state.OpenCycle };
            try
            {
                await store.SaveStateAsync(next, etag, ct);
                return;
            }
            catch (RotationConflictException)
            {
            }
        }

        logger.LogWarning("Could not release the claim of {Actor}; it lapses after {Lifetime}", claim.By, RotationClaim.Lifetime);
    }

    private async Task NotifyRotatedAsync(RotationCycle cycle, string actor, DateTimeOffset expiresOn, CancellationToken ct)
    {
        try
        {
            await notifier.NotifyAsync(RotationNotifications.Rotated(cycle, actor, expiresOn), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The rotation is done and audited; a lost confirmation card must not turn it into a failure.
            logger.LogWarning(e, "Confirmation of rotation {CycleId} could not be sent", cycle.Id);
        }
    }

    private Task AuditAsync(string actor, string action, string subject, string outcome, string? detail, CancellationToken ct) =>
        audit.AppendAsync(new AuditEntry(time.GetUtcNow(), actor, action, subject, outcome, detail), ct);
}
