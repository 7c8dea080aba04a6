using Microsoft.Extensions.Options;

namespace SchoolTwitter.Application.Security;

/// <summary>
/// Decides who an HTTP caller is. A person signed in through Easy Auth is SLT by the SLT app role, an SLT group, or the
/// SLT list (by e-mail, unless the list records a different object id for it, or by object id). The school's flow app
/// (Slt__FlowClientId) is never SLT itself: holding Flow.Submit it may name an SLT-list member it acts for. Any other app,
/// no principal, a forged one, or App Service Authentication being off means nobody is trusted.
/// </summary>
public sealed class SltDirectory(ISltMemberList members, IOptions<SltOptions> options) : ISltDirectory
{
    private readonly SltOptions _options = options.Value;

    public async Task<Caller> ResolveAsync(PrincipalReading reading, CancellationToken ct)
    {
        if (reading.IsAuthenticationOff) return Caller.Anonymous(PrincipalReading.AuthenticationOffReason);
        if (reading.IsForged) return Caller.Anonymous("forged principal: " + reading.ForgeryReason);
        if (reading.Principal is not { } principal) return Caller.Anonymous("no signed-in principal");

        var objectId = SltObjectId.Normalise(principal.ObjectId);
        if (principal.IsApplication) return Application(principal, objectId);

        var email = SltEmail.Normalise(principal.Email);
        var byRole = !string.IsNullOrWhiteSpace(_options.AppRole)
                     && principal.Roles.Contains(_options.AppRole, StringComparer.OrdinalIgnoreCase);
        var byGroup = principal.Groups.Intersect(_options.GroupIdList, StringComparer.OrdinalIgnoreCase).Any();
        var listed = await ListedMemberAsync(email, objectId, ct);
        var byList = !byRole && !byGroup && listed is not null;
        var isSlt = byRole || byGroup || byList;
        return new Caller(CallerKind.Principal, email, objectId, principal.Name, isSlt)
        {
            ManagesSltList = byRole || byGroup,
            AgreementSignedOn = isSlt ? listed?.AgreementSignedOn : null,
            Reason = byRole ? "SLT app role" : byGroup ? "SLT group" : byList ? "on the SLT list" : "signed-in user is not SLT",
        };
    }

    public async Task<Caller> RelayAsync(Caller flow, string? claimedEmail, CancellationToken ct)
    {
        var claimed = SltEmail.Normalise(claimedEmail);
        if (flow is not { Kind: CallerKind.Flow, MayRelay: true })
        {
            return flow with { IsSlt = false, Reason = "only the school's flow holding the Flow.Submit app role may name a submitter or approver" };
        }
        if (claimed is null)
        {
            return Relayed(null, null, null, false, string.IsNullOrWhiteSpace(claimedEmail)
                ? "the flow named no submitter or approver"
                : "the flow named something that is not an e-mail address");
        }

        var member = await members.FindAsync(claimed, ct);
        if (member is null) return Relayed(claimed, null, null, false, "the person the flow named is not on the SLT list");
        // Council policy 6.1: nobody uses the account (the flow only submits and approves) without a signed agreement.
        return member.AgreementSignedOn is null
            ? Relayed(member.Email, SltObjectId.Normalise(member.ObjectId), member.Name, false, SltAgreement.MissingReason(member.Email))
            : Relayed(member.Email, SltObjectId.Normalise(member.ObjectId), member.Name, true, "on the SLT list, named by the flow") with { AgreementSignedOn = member.AgreementSignedOn };
    }

    public async Task<bool> IsSamePersonAsync(Caller caller, string submitter, string? submitterObjectId, CancellationToken ct)
    {
        var callerIds = await IdentitiesAsync(caller.Email, caller.ObjectId, ct);
        var submitterIds = await IdentitiesAsync(submitter, submitterObjectId, ct);
        return callerIds.Overlaps(submitterIds);
    }

    /// <summary>The e-mails and object id of one person: as given, plus what the SLT list links to either.</summary>
    private async Task<HashSet<string>> IdentitiesAsync(string? email, string? objectId, CancellationToken ct)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var mail = SltEmail.Normalise(email);
        var oid = SltObjectId.Normalise(objectId) ?? SltObjectId.Normalise(email); // an oid-only principal's id is its oid
        if (mail is not null)
        {
            ids.Add("mail:" + mail);
            if (SltObjectId.Normalise((await members.FindAsync(mail, ct))?.ObjectId) is { } linked) ids.Add("oid:" + linked);
        }
        if (oid is not null)
        {
            ids.Add("oid:" + oid);
            if (await members.FindByObjectIdAsync(oid, ct) is { } member) ids.Add("mail:" + member.Email);
        }
        return ids;
    }

    /// <summary>The SLT-list entry that is this person (read for role and group holders too: it carries their agreement date).</summary>
    private async Task<SltMember?> ListedMemberAsync(string? email, string? objectId, CancellationToken ct)
    {
        if (email is not null && await members.FindAsync(email, ct) is { } member)
        {
            var recorded = SltObjectId.Normalise(member.ObjectId);
            if (recorded is null && objectId is not null)
            {
                // Their own Entra sign-in links the address to the person, so four eyes can recognise them later under another address.
                await members.SetObjectIdAsync(member.Email, objectId, ct);
                return member;
            }
            // An address given to someone else since (a leaver's mailbox reused) is not the person the list meant.
            if (recorded is null || recorded == objectId) return member;
        }
        return objectId is not null ? await members.FindByObjectIdAsync(objectId, ct) : null;
    }

    private Caller Application(ClientPrincipal principal, string? objectId)
    {
        var isFlow = !string.IsNullOrWhiteSpace(_options.FlowClientId)
                     && string.Equals(principal.AppId, _options.FlowClientId.Trim(), StringComparison.OrdinalIgnoreCase);
        if (!isFlow)
        {
            return new Caller(CallerKind.Application, null, objectId ?? principal.AppId, principal.Name, false)
            {
                Reason = string.IsNullOrWhiteSpace(_options.FlowClientId)
                    ? "an application is calling, and no flow app is configured (Slt__FlowClientId)"
                    : "an application other than the school's flow is calling",
            };
        }

        var mayRelay = principal.Roles.Contains(SltOptions.FlowAppRole, StringComparer.Ordinal);
        return new Caller(CallerKind.Flow, null, objectId ?? principal.AppId, "Power Automate flow", false)
        {
            MayRelay = mayRelay,
            Reason = mayRelay ? "the school's flow (Flow.Submit)" : "the school's flow app does not hold the Flow.Submit app role",
        };
    }

    private static Caller Relayed(string? email, string? objectId, string? name, bool isSlt, string reason) =>
        new(CallerKind.ThroughFlow, email, objectId, name, isSlt) { Reason = reason };
}
