using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Application.Security;

public enum SltMembershipOutcome
{
    Listed,
    Added,
    Updated,
    Removed,
    NotFound,
    Invalid,
    Forbidden,
}

/// <summary>What a request to read or change the SLT list came to.</summary>
public sealed record SltMembershipResult(SltMembershipOutcome Outcome, IReadOnlyList<SltMember> Members, IReadOnlyList<InputError> Errors, string? Reason = null)
{
    public static SltMembershipResult Of(SltMembershipOutcome outcome, params SltMember[] members) => new(outcome, members, []);

    public static SltMembershipResult Invalid(string field, string message) => new(SltMembershipOutcome.Invalid, [], [new InputError(field, message)]);

    public static SltMembershipResult Forbidden(string reason) => new(SltMembershipOutcome.Forbidden, [], [], reason);
}

/// <summary>Body of PUT /api/slt/members/{email}: the member's display name (optional).</summary>
public sealed record SltMemberRequest(string? Name);

/// <summary>Audit actions for the SLT list (the audit log; subject = the member's e-mail, or <see cref="ListSubject"/>).</summary>
public static class SltMembershipAuditActions
{
    public const string ListSubject = "slt-members";
    public const string Added = "slt.member-added";
    public const string Updated = "slt.member-updated";
    public const string Removed = "slt.member-removed";
    public const string Refused = "slt.members-refused";
}

/// <summary>
/// Keeps the SLT list (table SltMembers) that lets the Power Automate connection submit for a named SLT member.
/// Only a signed-in Easy Auth principal holding the SLT app role or an SLT group may read or change it: being on the
/// list, or naming someone on it as <c>submittedBy</c>, is not enough, or anyone on the list could add others without Entra.
/// Every change and every refusal is audited (who, what, outcome).
/// </summary>
public sealed class SltMembershipService(
    ISltMemberList members,
    IAuditLog audit,
    IOptions<SltOptions> options,
    TimeProvider time,
    ILogger<SltMembershipService> logger)
{
    public const int MaxNameLength = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public async Task<SltMembershipResult> ListAsync(PrincipalReading reading, CancellationToken ct)
    {
        var manager = Authorise(reading);
        if (!manager.Allowed) return await RefuseAsync(manager, "list", SltMembershipAuditActions.ListSubject, ct);

        var list = await members.ListAsync(ct);
        return new SltMembershipResult(SltMembershipOutcome.Listed, [.. list.OrderBy(m => m.Email, StringComparer.Ordinal)], []);
    }

    /// <summary>Adds <paramref name="email"/> to the list, or updates the name of a member already on it.</summary>
    /// <param name="body">The JSON body ({"name": "..."}), or empty. Parsed only once the caller is known to be allowed.</param>
    public async Task<SltMembershipResult> PutAsync(PrincipalReading reading, string? email, ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        var manager = Authorise(reading);
        var target = SltMemberEmail.Validate(email);
        if (!manager.Allowed) return await RefuseAsync(manager, "add " + (target ?? "an invalid address"), target ?? SltMembershipAuditActions.ListSubject, ct);
        if (target is null) return SltMembershipResult.Invalid("email", SltMemberEmail.Problem);

        SltMemberRequest? request = null;
        if (!body.IsEmpty)
        {
            try
            {
                request = JsonSerializer.Deserialize<SltMemberRequest>(body.Span, Json);
            }
            catch (JsonException e)
            {
                var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
                return SltMembershipResult.Invalid(field, "Not valid here: the body is a JSON object that may only carry \"name\" (a string).");
            }
            if (request is null) return SltMembershipResult.Invalid("body", "A JSON object such as {\"name\": \"Jane Smith\"} is expected.");
        }

        var name = request?.Name?.Trim();
        if (name is { Length: > MaxNameLength }) return SltMembershipResult.Invalid("name", $"The name must be at most {MaxNameLength} characters.");
        if (name is not null && name.Any(char.IsControl)) return SltMembershipResult.Invalid("name", "The name must not contain control characters.");
        if (name is { Length: 0 }) name = null;

        var existed = await members.IsMemberAsync(target, ct);
        var now = time.GetUtcNow();
        await members.AddAsync(target, name, manager.Actor, ct);
        var action = existed ? SltMembershipAuditActions.Updated : SltMembershipAuditActions.Added;
        await audit.AppendAsync(new AuditEntry(now, manager.Actor, action, target, existed ? "updated" : "added",
            name is null ? manager.Reason : $"name: {name}; {manager.Reason}"), ct);
        logger.LogInformation("SLT list: {Member} {Change} by {Actor}", target, existed ? "updated" : "added", manager.Actor);
        return SltMembershipResult.Of(existed ? SltMembershipOutcome.Updated : SltMembershipOutcome.Added, new SltMember(target, name, now, manager.Actor));
    }

    public async Task<SltMembershipResult> RemoveAsync(PrincipalReading reading, string? email, CancellationToken ct)
    {
        var manager = Authorise(reading);
        var target = SltMemberEmail.Validate(email);
        if (!manager.Allowed) return await RefuseAsync(manager, "remove " + (target ?? "an invalid address"), target ?? SltMembershipAuditActions.ListSubject, ct);
        if (target is null) return SltMembershipResult.Invalid("email", SltMemberEmail.Problem);

        if (!await members.IsMemberAsync(target, ct)) return SltMembershipResult.Of(SltMembershipOutcome.NotFound);

        await members.RemoveAsync(target, ct);
        await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), manager.Actor, SltMembershipAuditActions.Removed, target, "removed", manager.Reason), ct);
        logger.LogInformation("SLT list: {Member} removed by {Actor}", target, manager.Actor);
        return SltMembershipResult.Of(SltMembershipOutcome.Removed);
    }

    private sealed record Manager(bool Allowed, string Actor, string Reason);

    /// <summary>Role or group from Easy Auth only: never the SLT list, never a claimed submitter.</summary>
    private Manager Authorise(PrincipalReading reading)
    {
        if (reading.IsForged) return new Manager(false, "forged-principal", "forged principal: " + reading.ForgeryReason);
        if (reading.Principal is not { } principal)
        {
            return new Manager(false, "anonymous", "no signed-in principal: only SLT signed in with Entra ID may manage the SLT list");
        }

        var actor = SltEmail.Normalise(principal.Email) ?? principal.ObjectId ?? principal.Name ?? "unknown-principal";
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.AppRole) && principal.Roles.Contains(settings.AppRole, StringComparer.OrdinalIgnoreCase))
        {
            return new Manager(true, actor, "SLT app role");
        }

        return principal.Groups.Intersect(settings.GroupIdList, StringComparer.OrdinalIgnoreCase).Any()
            ? new Manager(true, actor, "SLT group")
            : new Manager(false, actor, "signed-in user holds neither the SLT app role nor an SLT group");
    }

    private async Task<SltMembershipResult> RefuseAsync(Manager manager, string attempted, string subject, CancellationToken ct)
    {
        await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), manager.Actor, SltMembershipAuditActions.Refused, subject,
            "refused: not SLT", $"{attempted}; {manager.Reason}"), ct);
        logger.LogWarning("SLT list change refused for {Actor}: {Reason}", manager.Actor, manager.Reason);
        return SltMembershipResult.Forbidden(manager.Reason);
    }
}

/// <summary>
/// Stricter than <see cref="SltEmail.Normalise"/> for addresses being put on the list: a plain addr-spec
/// (local@domain.tld, no display name, quotes or comments), lower case.
/// </summary>
public static class SltMemberEmail
{
    public const string Problem = "A plain e-mail address such as name@school.example is required.";

    private const string LocalSpecials = "!#$%&'*+/=?^_`{|}~.-";

    public static string? Validate(string? raw)
    {
        if (SltEmail.Normalise(raw) is not { } email) return null;
        var at = email.IndexOf('@');
        var local = email[..at];
        var domain = email[(at + 1)..];
        if (local.Length > 64 || local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal)
            || !local.All(c => char.IsAsciiLetterOrDigit(c) || LocalSpecials.Contains(c)))
        {
            return null;
        }

        var labels = domain.Split('.');
        return labels.Length >= 2 && labels.All(l => l.Length is > 0 and <= 63 && !l.StartsWith('-') && !l.EndsWith('-')
                   && l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            ? email
            : null;
    }
}
