using Microsoft.Extensions.Options;
using SchoolTwitter.Application.Followers;
using SchoolTwitter.Application.X;

namespace SchoolTwitter.Application.Page;

/// <param name="Unapproved">Null when X was not asked, or could not be asked just now (<see cref="XProblem"/> says so).</param>
public sealed record FollowPolicyView(IReadOnlyList<ApprovedFollow> Approved, IReadOnlyList<UnapprovedFollow>? Unapproved, string? XProblem);

/// <summary>
/// The follow policy on one screen: the approved accounts, and, when asked for, the accounts the school follows that are not
/// approved. X bills every account a following page returns, so that is read only when SLT press for it, not on every view.
/// </summary>
public sealed class FollowPolicyOverview(IApprovedFollowStore approved, FollowPolicyService policy, IOptions<FollowerOptions> options)
{
    public async Task<FollowPolicyView> GetAsync(bool readFollowing, CancellationToken ct)
    {
        var list = new List<ApprovedFollow>();
        await foreach (var follow in approved.ListAsync(options.Value.AccountId, ct)) list.Add(follow);
        list.Sort((a, b) => string.CompareOrdinal(a.Category, b.Category) is var c and not 0 ? c : string.CompareOrdinal(a.Handle, b.Handle));
        if (!readFollowing) return new(list, null, null);
        try
        {
            return new(list, await policy.FindUnapprovedAsync(ct), null);
        }
        catch (XApiException)
        {
            return new(list, null, "X could not be asked which accounts the school follows just now; try again later.");
        }
    }
}
