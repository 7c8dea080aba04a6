using Microsoft.Extensions.Options;

namespace SchoolTwitter.Application.Security;

/// <summary>Decides whether an HTTP caller is SLT (see <see cref="SltDirectory"/>).</summary>
public interface ISltDirectory
{
    /// <param name="reading">The Easy Auth principal as read from the request (Functions: EasyAuthPrincipal.Read(request)).</param>
    /// <param name="claimedSubmitter">The e-mail the body names as submitter (used only when there is no principal).</param>
    Task<SltDecision> DecideAsync(PrincipalReading reading, string? claimedSubmitter, CancellationToken ct);
}

/// <summary>
/// Decides whether an HTTP caller is SLT. With an Easy Auth principal: the SLT app role, an SLT group, or the principal's
/// e-mail on the SLT list. Without one (the Power Automate connection, authorised by its function key): the claimed
/// submitter's e-mail on the SLT list. A forged principal is never SLT, whatever else the request says.
/// </summary>
public sealed class SltDirectory(ISltMemberList members, IOptions<SltOptions> options) : ISltDirectory
{
    private readonly SltOptions _options = options.Value;

    public async Task<SltDecision> DecideAsync(PrincipalReading reading, string? claimedSubmitter, CancellationToken ct)
    {
        if (reading.IsForged)
        {
            return new SltDecision(null, false, "forged principal: " + reading.ForgeryReason) { IsForged = true };
        }

        if (reading.Principal is { } principal)
        {
            var email = SltEmail.Normalise(principal.Email);
            var byRole = !string.IsNullOrWhiteSpace(_options.AppRole)
                         && principal.Roles.Contains(_options.AppRole, StringComparer.OrdinalIgnoreCase);
            var byGroup = principal.Groups.Intersect(_options.GroupIdList, StringComparer.OrdinalIgnoreCase).Any();
            var byList = !byRole && !byGroup && email is not null && await members.IsMemberAsync(email, ct);
            var isSlt = byRole || byGroup || byList;
            var caller = new Caller(CallerKind.Principal, email, principal.ObjectId, principal.Name, isSlt);
            return new SltDecision(caller, isSlt,
                byRole ? "SLT app role" : byGroup ? "SLT group" : byList ? "on the SLT list" : "signed-in user is not SLT");
        }

        var claimed = SltEmail.Normalise(claimedSubmitter);
        if (claimed is null)
        {
            return new SltDecision(null, false, string.IsNullOrWhiteSpace(claimedSubmitter)
                ? "no principal and no submitter named"
                : "submitter is not a valid e-mail address");
        }

        var member = await members.IsMemberAsync(claimed, ct);
        return new SltDecision(
            new Caller(CallerKind.ClaimedSubmitter, claimed, null, null, member),
            member,
            member ? "submitter on the SLT list" : "submitter is not on the SLT list");
    }
}
