// TEMPORARY: stands in for platform's Application/Security until it lands on main; deleted at the merge.
namespace SchoolTwitter.Application.Security;

public sealed record Caller(string Email, IReadOnlyList<string> Roles, IReadOnlyList<string> GroupIds);

public interface ISltDirectory
{
    Task<bool> IsSltAsync(Caller caller, CancellationToken ct);
}
