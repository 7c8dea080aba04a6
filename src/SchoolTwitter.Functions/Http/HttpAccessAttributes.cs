using SchoolTwitter.Application.Security;

namespace SchoolTwitter.Functions.Http;

/// <summary>
/// Who may call an HTTP function. Every HTTP function carries exactly one (a test enumerates them); <see cref="HttpAccessMiddleware"/>
/// enforces it before the function runs and audits a refusal once as <see cref="AuditAction"/> on <see cref="AuditSubject"/>.
/// </summary>
/// <param name="auditAction">The audit action a refusal is recorded under (e.g. "draft.refused").</param>
/// <param name="auditSubject">The audit subject: literal text, or "{name}" for a route value (e.g. "{id}").</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public abstract class HttpAccessAttribute(string auditAction, string auditSubject) : Attribute
{
    public string AuditAction { get; } = auditAction;

    public string AuditSubject { get; } = auditSubject;

    /// <summary>
    /// Submitting and approving drafts: a signed-in member also needs a signed Social Media User Agreement on record (council
    /// policy 6.1). The flow's caller is checked when it names the member (ISltDirectory.RelayAsync).
    /// </summary>
    public bool RequiresUserAgreement { get; set; }

    /// <summary>For a caller <see cref="Refusal"/> admitted: why they still may not, when the function needs a signed agreement they lack.</summary>
    public string? AgreementRefusal(Caller caller) =>
        RequiresUserAgreement && caller.Kind == CallerKind.Principal && caller.AgreementSignedOn is null
            ? SltAgreement.MissingReason(caller.Email ?? caller.Id)
            : null;

    /// <summary>Null when <paramref name="caller"/> may call the function; otherwise why not, in plain words.</summary>
    public abstract string? Refusal(Caller caller);

    /// <summary>What every rule refuses first: nobody trusted, or an app other than the flow.</summary>
    protected static string? Untrusted(Caller caller) => caller.Kind switch
    {
        CallerKind.Anonymous or CallerKind.Application or CallerKind.System => caller.Reason,
        _ => null,
    };
}

/// <summary>Only a signed-in SLT member (SLT app role, SLT group, or the SLT list): not the flow, whoever it names.</summary>
public sealed class SltOnlyAttribute(string auditAction, string auditSubject) : HttpAccessAttribute(auditAction, auditSubject)
{
    public override string? Refusal(Caller caller) => Untrusted(caller) ?? caller switch
    {
        { IsSignedInSlt: true } => null,
        { Kind: CallerKind.Flow } => "the flow may only submit and approve drafts; this needs an SLT member signed in with the school's Entra ID",
        _ => caller.Reason,
    };
}

/// <summary>A signed-in SLT member, or the school's flow holding Flow.Submit (it then names the SLT member it acts for).</summary>
public sealed class FlowOrSltAttribute(string auditAction, string auditSubject) : HttpAccessAttribute(auditAction, auditSubject)
{
    public override string? Refusal(Caller caller) => Untrusted(caller) ?? caller switch
    {
        { IsSignedInSlt: true } => null,
        { Kind: CallerKind.Flow, MayRelay: true } => null,
        _ => caller.Reason,
    };
}

/// <summary>Only a signed-in SLT member holding the SLT app role or an SLT group: being on the SLT list is not enough.</summary>
public sealed class SltManagersOnlyAttribute(string auditAction, string auditSubject) : HttpAccessAttribute(auditAction, auditSubject)
{
    public override string? Refusal(Caller caller) => Untrusted(caller) ?? caller switch
    {
        { IsSignedInSlt: true, ManagesSltList: true } => null,
        { IsSignedInSlt: true } => "only SLT with the SLT app role or an SLT group may manage the SLT list; being on the list is not enough",
        { Kind: CallerKind.Flow } => "the flow may not manage the SLT list",
        _ => caller.Reason,
    };
}
