namespace SchoolTwitter.Application.Security;

/// <summary>How the caller was identified.</summary>
public enum CallerKind
{
    /// <summary>Nobody the app can trust: no principal, forged headers, or App Service Authentication off.</summary>
    Anonymous,

    /// <summary>A person signed in through Easy Auth (X-MS-CLIENT-PRINCIPAL).</summary>
    Principal,

    /// <summary>The school's Power Automate flow: its own Entra app token, acting only for an SLT member it names.</summary>
    Flow,

    /// <summary>An SLT member named by the flow (submittedBy / approvedBy) and found on the SLT list.</summary>
    ThroughFlow,

    /// <summary>An application other than the school's flow: never acts as SLT.</summary>
    Application,

    /// <summary>The system itself (timers, queues, CLI run by IT).</summary>
    System,
}

/// <summary>
/// Who is calling, as <see cref="ISltDirectory"/> resolved it once per request, for decisions and the audit log.
/// <see cref="Id"/> is what audit entries record as the actor; <see cref="Reason"/> says why the caller is (not) SLT.
/// </summary>
public sealed record Caller(CallerKind Kind, string? Email, string? ObjectId, string? Name, bool IsSlt)
{
    public static Caller System { get; } = new(CallerKind.System, null, null, "system", false) { Reason = "the system itself" };

    /// <summary>Why the caller is or is not SLT (for the audit log, the log and the 401/403 answer).</summary>
    public string Reason { get; init; } = "";

    /// <summary>SLT by the app role or an SLT group (not by the list alone): may change the SLT list.</summary>
    public bool ManagesSltList { get; init; }

    /// <summary>The date this person signed the Social Media User Agreement (council policy 6.1), from the SLT list; null when none is recorded.</summary>
    public DateOnly? AgreementSignedOn { get; init; }

    /// <summary>The flow app holding the Flow.Submit app role: may name the SLT member it acts for.</summary>
    public bool MayRelay { get; init; }

    /// <summary>The e-mail (lower case) when known, else the object id, else what kind of caller it is.</summary>
    public string Id => Email ?? Kind switch
    {
        CallerKind.System => "system",
        CallerKind.Flow => "flow:" + (ObjectId ?? "unknown"),
        CallerKind.Application => "app:" + (ObjectId ?? "unknown"),
        _ => ObjectId ?? "anonymous",
    };

    /// <summary>A signed-in SLT person (not the flow, not an app).</summary>
    public bool IsSignedInSlt => Kind == CallerKind.Principal && IsSlt;

    /// <summary>For audit details: how a flow-relayed member reached the app, else null.</summary>
    public string? Via => Kind == CallerKind.ThroughFlow ? "through the flow" : null;

    public static Caller Anonymous(string reason) => new(CallerKind.Anonymous, null, null, null, false) { Reason = reason };
}
