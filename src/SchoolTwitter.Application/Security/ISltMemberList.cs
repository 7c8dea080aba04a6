namespace SchoolTwitter.Application.Security;

/// <summary>The school's SLT e-mail list (table SltMembers): who the Power Automate connection may submit for.</summary>
public interface ISltMemberList
{
    Task<bool> IsMemberAsync(string email, CancellationToken ct);

    Task AddAsync(string email, string? name, string addedBy, CancellationToken ct);

    Task RemoveAsync(string email, CancellationToken ct);

    Task<IReadOnlyList<SltMember>> ListAsync(CancellationToken ct);
}

public sealed record SltMember(string Email, string? Name, DateTimeOffset? AddedAt, string? AddedBy);

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
