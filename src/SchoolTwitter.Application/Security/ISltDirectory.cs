namespace SchoolTwitter.Application.Security;

/// <summary>The one place that decides who a caller is and whether they are SLT (see <see cref="SltDirectory"/>).</summary>
public interface ISltDirectory
{
    /// <summary>Who the request's Easy Auth principal is: a person (SLT or not), the school's flow, another app, or nobody.</summary>
    /// <param name="reading">The principal as read from the request (Functions: EasyAuthPrincipal.Read), or AuthenticationOff.</param>
    Task<Caller> ResolveAsync(PrincipalReading reading, CancellationToken ct);

    /// <summary>
    /// The SLT member the flow names (<c>submittedBy</c> / <c>approvedBy</c>). Only a <see cref="CallerKind.Flow"/> caller
    /// that <see cref="Caller.MayRelay"/> can name anyone; the result is SLT only if the address is on the SLT list.
    /// </summary>
    Task<Caller> RelayAsync(Caller flow, string? claimedEmail, CancellationToken ct);

    /// <summary>
    /// Four eyes: whether <paramref name="caller"/> is the person who submitted as <paramref name="submitter"/> (with
    /// <paramref name="submitterObjectId"/>), under any address or object id the SLT list links to them.
    /// </summary>
    Task<bool> IsSamePersonAsync(Caller caller, string submitter, string? submitterObjectId, CancellationToken ct);
}
