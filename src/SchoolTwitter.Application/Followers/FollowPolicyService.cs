using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Application.X;
using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Application.Followers;

public sealed record ApprovedFollowRequest(string? Handle, string? Category, string? Note);

public enum FollowPolicyOutcome
{
    Saved,
    Removed,
    NotFound,
    Invalid,
}

public sealed record FollowPolicyResult(FollowPolicyOutcome Outcome, ApprovedFollow? Follow = null, IReadOnlyList<InputError>? Errors = null);

/// <summary>
/// The follow policy: the account follows only educationally linked accounts. SLT keep the approved list (with a category each);
/// the weekly scan reports accounts the school follows that are not on it (following through the API is no longer possible, so
/// the list is a record of what a person may follow in the X app). The caller is an SLT member, as the HTTP access check
/// established.
/// </summary>
public sealed partial class FollowPolicyService(
    IApprovedFollowStore approved,
    IXAccount x,
    IAuditLog audit,
    TimeProvider time,
    IOptions<FollowerOptions> options)
{
    public static IReadOnlyList<string> Categories { get; } =
    [
        "school", "nursery", "college", "university", "council", "government", "author", "illustrator",
        "museum", "library", "gallery", "theatre", "charity", "sport", "health", "community",
    ];

    private readonly string _accountId = options.Value.AccountId;

    public async Task<FollowPolicyResult> AddAsync(Caller caller, ApprovedFollowRequest request, CancellationToken ct)
    {
        var errors = new List<InputError>();
        var handle = NormaliseHandle(request.Handle);
        if (handle is null)
        {
            errors.Add(new("handle", "handle is required: the account's X username, 1–15 letters, digits or underscores, with or without @."));
        }
        var category = request.Category?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(category) || !Categories.Contains(category))
        {
            errors.Add(new("category", $"category must be one of: {string.Join(", ", Categories)}."));
        }
        if (request.Note is { Length: > 500 })
        {
            errors.Add(new("note", "note must be at most 500 characters."));
        }
        if (errors.Count > 0) return new(FollowPolicyOutcome.Invalid, Errors: errors);

        var follow = new ApprovedFollow(handle!, category!, request.Note?.Trim(), caller.Id, time.GetUtcNow());
        await approved.SaveAsync(_accountId, follow, ct);
        await audit.AppendAsync(new AuditEntry(follow.AddedAt, caller.Id, "follow.approved", handle!, "accepted", $"category {category}"), ct);
        return new(FollowPolicyOutcome.Saved, follow);
    }

    public async Task<FollowPolicyResult> RemoveAsync(Caller caller, string? rawHandle, CancellationToken ct)
    {
        var handle = NormaliseHandle(rawHandle);
        if (handle is null)
        {
            return new(FollowPolicyOutcome.Invalid, Errors: [new("handle", "handle must be an X username: 1–15 letters, digits or underscores.")]);
        }

        if (!await approved.RemoveAsync(_accountId, handle, ct)) return new(FollowPolicyOutcome.NotFound);
        await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), caller.Id, "follow.unapproved", handle, "removed"), ct);
        return new(FollowPolicyOutcome.Removed);
    }

    /// <summary>Accounts the school follows that are not approved, reading the following list page by page.</summary>
    public async Task<IReadOnlyList<UnapprovedFollow>> FindUnapprovedAsync(CancellationToken ct)
    {
        var approvedHandles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var follow in approved.ListAsync(_accountId, ct)) approvedHandles.Add(follow.Handle);

        var unapproved = new List<UnapprovedFollow>();
        string? cursor = null;
        do
        {
            var page = await x.GetFollowingAsync(_accountId, cursor, ct);
            unapproved.AddRange(page.Items.Where(u => !approvedHandles.Contains(u.Username)).Select(u => new UnapprovedFollow(u.Id, u.Username, u.Name)));
            cursor = page.NextToken;
        }
        while (cursor is not null);
        return unapproved;
    }

    /// <summary>"@Calderdale_Cncl" → "calderdale_cncl"; null when not a possible X username.</summary>
    public static string? NormaliseHandle(string? handle)
    {
        var h = handle?.Trim().TrimStart('@');
        return h is not null && HandlePattern().IsMatch(h) ? h.ToLowerInvariant() : null;
    }

    [GeneratedRegex("^[A-Za-z0-9_]{1,15}$")]
    private static partial Regex HandlePattern();
}
