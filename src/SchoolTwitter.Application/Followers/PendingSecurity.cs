// TEMPORARY: a copy of platform's Application/Security/Caller.cs until it lands on main; deleted at the merge.
namespace SchoolTwitter.Application.Security;

public enum CallerKind
{
    Principal,
    ClaimedSubmitter,
    System,
}

public sealed record Caller(CallerKind Kind, string? Email, string? ObjectId, string? Name, bool IsSlt)
{
    public static Caller System { get; } = new(CallerKind.System, null, null, "system", false);

    public string Id => Email ?? ObjectId ?? (Kind == CallerKind.System ? "system" : "anonymous");
}
