using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Security;

namespace SchoolTwitter.Application.Followers;

/// <summary>Only SLT use the account: every follower decision and follow-policy change checks the caller, and a refusal is audited.</summary>
public sealed class FollowerSltGate(IAuditLog audit, TimeProvider time)
{
    /// <summary>True when the caller is SLT (decided by the SLT directory); otherwise appends a refusal for <paramref name="action"/> on <paramref name="subject"/>.</summary>
    public async Task<bool> AllowAsync(Caller caller, string action, string subject, CancellationToken ct)
    {
        if (caller.IsSlt) return true;
        await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), caller.Id, action, subject, "refused: not SLT"), ct);
        return false;
    }
}
