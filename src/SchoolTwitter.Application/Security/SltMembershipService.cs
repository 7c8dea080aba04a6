using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
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
}

/// <summary>What a request to read or change the SLT list came to.</summary>
public sealed record SltMembershipResult(SltMembershipOutcome Outcome, IReadOnlyList<SltMember> Members, IReadOnlyList<InputError> Errors)
{
    public static SltMembershipResult Of(SltMembershipOutcome outcome, params SltMember[] members) => new(outcome, members, []);

    public static SltMembershipResult Invalid(string field, string message) => new(SltMembershipOutcome.Invalid, [], [new InputError(field, message)]);
}

/// <summary>Body of PUT /api/slt/members/{email}: the member's display name and Entra object id (both optional).</summary>
public sealed record SltMemberRequest(string? Name, string? ObjectId);

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
/// Keeps the SLT list (table SltMembers) that lets the Power Automate flow submit for a named SLT member. The caller is a
/// signed-in principal holding the SLT app role or an SLT group (<see cref="Caller.ManagesSltList"/>), as the HTTP access
/// check established before any of this runs: being on the list, or being named by the flow, is not enough, or anyone on
/// the list could add others without Entra. Every change is audited (who, what, outcome).
/// </summary>
public sealed class SltMembershipService(
    ISltMemberList members,
    IAuditLog audit,
    TimeProvider time,
    ILogger<SltMembershipService> logger)
{
    public const int MaxNameLength = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public async Task<SltMembershipResult> ListAsync(CancellationToken ct)
    {
        var list = await members.ListAsync(ct);
        return new SltMembershipResult(SltMembershipOutcome.Listed, [.. list.OrderBy(m => m.Email, StringComparer.Ordinal)], []);
    }

    /// <summary>Adds <paramref name="email"/> to the list, or updates the name of a member already on it.</summary>
    /// <param name="manager">The signed-in SLT manager (role or group) making the change.</param>
    /// <param name="body">The JSON body ({"name": "...", "objectId": "..."}), or empty.</param>
    public async Task<SltMembershipResult> PutAsync(Caller manager, string? email, ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        var target = SltMemberEmail.Validate(email);
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
                return SltMembershipResult.Invalid(field, "Not valid here: the body is a JSON object that may only carry \"name\" and \"objectId\" (strings).");
            }
            if (request is null) return SltMembershipResult.Invalid("body", "A JSON object such as {\"name\": \"Jane Smith\"} is expected.");
        }

        var name = request?.Name?.Trim();
        if (name is { Length: > MaxNameLength }) return SltMembershipResult.Invalid("name", $"The name must be at most {MaxNameLength} characters.");
        if (name is not null && name.Any(char.IsControl)) return SltMembershipResult.Invalid("name", "The name must not contain control characters.");
        if (name is { Length: 0 }) name = null;
        var objectId = SltObjectId.Normalise(request?.ObjectId);
        if (objectId is null && !string.IsNullOrWhiteSpace(request?.ObjectId))
        {
            return SltMembershipResult.Invalid("objectId", "The objectId must be the member's Entra object id (a GUID: az ad user show --id <address> --query id).");
        }

        var existing = await members.FindAsync(target, ct);
        var now = time.GetUtcNow();
        await members.AddAsync(target, name, manager.Id, ct, objectId);
        var action = existing is not null ? SltMembershipAuditActions.Updated : SltMembershipAuditActions.Added;
        var detail = string.Join("; ", new[] { name is null ? null : $"name: {name}", objectId is null ? null : $"object id: {objectId}", manager.Reason }
            .Where(d => !string.IsNullOrEmpty(d)));
        await audit.AppendAsync(new AuditEntry(now, manager.Id, action, target, existing is not null ? "updated" : "added", detail), ct);
        logger.LogInformation("SLT list: {Member} {Change} by {Actor}", target, existing is not null ? "updated" : "added", manager.Id);
        return SltMembershipResult.Of(existing is not null ? SltMembershipOutcome.Updated : SltMembershipOutcome.Added,
            new SltMember(target, name, now, manager.Id, objectId ?? existing?.ObjectId, existing?.AgreementSignedOn));
    }

    public async Task<SltMembershipResult> RemoveAsync(Caller manager, string? email, CancellationToken ct)
    {
        var target = SltMemberEmail.Validate(email);
        if (target is null) return SltMembershipResult.Invalid("email", SltMemberEmail.Problem);

        if (!await members.IsMemberAsync(target, ct)) return SltMembershipResult.Of(SltMembershipOutcome.NotFound);

        await members.RemoveAsync(target, ct);
        await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), manager.Id, SltMembershipAuditActions.Removed, target, "removed", manager.Reason), ct);
        logger.LogInformation("SLT list: {Member} removed by {Actor}", target, manager.Id);
        return SltMembershipResult.Of(SltMembershipOutcome.Removed);
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
