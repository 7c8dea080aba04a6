namespace SchoolTwitter.Application.Security;

/// <summary>
/// The school's SLT list (table SltMembers): who the Power Automate flow may act for, and who counts as SLT when signed in
/// without the role or group. Each member is an e-mail and, when known, their Entra object id (so four eyes compares people).
/// </summary>
public interface ISltMemberList
{
    Task<bool> IsMemberAsync(string email, CancellationToken ct);

    Task<SltMember?> FindAsync(string email, CancellationToken ct);

    /// <summary>The member whose recorded Entra object id is <paramref name="objectId"/>, if any.</summary>
    Task<SltMember?> FindByObjectIdAsync(string objectId, CancellationToken ct);

    /// <summary>Adds or renames a member; keeps a recorded object id unless <paramref name="objectId"/> replaces it.</summary>
    Task AddAsync(string email, string? name, string addedBy, CancellationToken ct, string? objectId = null);

    /// <summary>Records the member's Entra object id (learnt from their own sign-in, or given by an SLT manager).</summary>
    Task SetObjectIdAsync(string email, string objectId, CancellationToken ct);

    Task RemoveAsync(string email, CancellationToken ct);

    /// <summary>Records (or, with null, clears) the date the member signed the Social Media User Agreement; false when not on the list.</summary>
    Task<bool> SetAgreementAsync(string email, DateOnly? signedOn, CancellationToken ct);

    Task<IReadOnlyList<SltMember>> ListAsync(CancellationToken ct);
}

/// <param name="AgreementSignedOn">When they signed the council's Social Media User Agreement (policy 6.1); without it they may not submit or approve.</param>
public sealed record SltMember(string Email, string? Name, DateTimeOffset? AddedAt, string? AddedBy, string? ObjectId = null, DateOnly? AgreementSignedOn = null);

/// <summary>E-mail normalisation for SLT checks: trimmed, lower case, exactly one @ with text either side.</summary>
public static class SltEmail
{
    public static string? Normalise(string? email)
    {
        var e = email?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(e) || e.Length > 254 || e.Count(c => c == '@') != 1 || e.StartsWith('@') || e.EndsWith('@')
            || e.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return null;
        }

        return e;
    }
}

/// <summary>Entra object ids compared as GUIDs (case and braces do not make a second person).</summary>
public static class SltObjectId
{
    public static string? Normalise(string? objectId) =>
        Guid.TryParse(objectId?.Trim(), out var id) && id != Guid.Empty ? id.ToString("D") : null;
}
