namespace SchoolTwitter.Application.Security;

/// <summary>How the caller was identified.</summary>
public enum CallerKind
{
    /// <summary>Signed in through Easy Auth (X-MS-CLIENT-PRINCIPAL).</summary>
    Principal,

    /// <summary>The Power Automate connection (function key, no principal) naming the submitter in the body.</summary>
    ClaimedSubmitter,

    /// <summary>The system itself (timers, queues, CLI run by IT).</summary>
    System,
}

/// <summary>Who is calling, for decisions and the audit log. <see cref="Id"/> is what audit entries record as the actor.</summary>
public sealed record Caller(CallerKind Kind, string? Email, string? ObjectId, string? Name, bool IsSlt)
{
    public static Caller System { get; } = new(CallerKind.System, null, null, "system", false);

    /// <summary>The e-mail (lower case) when known, else the object id, else "system"/"anonymous".</summary>
    public string Id => Email ?? ObjectId ?? (Kind == CallerKind.System ? "system" : "anonymous");

    /// <summary>True when this and <paramref name="other"/> are the same person (four eyes: an approver must differ from the submitter).</summary>
    public bool IsSamePersonAs(Caller other) =>
        (Email is not null && string.Equals(Email, other.Email, StringComparison.OrdinalIgnoreCase))
        || (ObjectId is not null && string.Equals(ObjectId, other.ObjectId, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The decision on an HTTP caller: SLT or not, and why (for the audit log and the 403).</summary>
public sealed record SltDecision(Caller? Caller, bool IsSlt, string Reason)
{
    public bool IsForged { get; init; }
}
