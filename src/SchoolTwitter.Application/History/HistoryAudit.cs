using SchoolTwitter.Application.Protection;
using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Roster;

namespace SchoolTwitter.Application.History;

/// <summary>What a history audit found, for the report's end and the caller's exit code.</summary>
public sealed record HistorySummary(int PostsRead, int PostsBreaching, int PostsToReview);

/// <summary>Receives the audit as it goes, post by post (CSV, HTML): nothing holds every post at once.</summary>
public interface IHistoryReport
{
    Task BeginAsync(string source, DateTimeOffset at, CancellationToken ct);

    /// <summary>A post with at least one finding.</summary>
    Task AddAsync(HistoryPost post, IReadOnlyList<Finding> findings, CancellationToken ct);

    Task EndAsync(HistorySummary summary, CancellationToken ct);
}

/// <summary>
/// Runs today's code of conduct, with today's roster and staff list, over the account's past posts, one at a time: the same
/// checker the pipeline uses, less the media rule (the pictures' bytes are not at hand).
/// </summary>
public sealed class HistoryAudit(CodeOfConductChecker checker)
{
    /// <param name="recordOf">The publisher's record of a post (who it pictured), when there is one.</param>
    public async Task<HistorySummary> RunAsync(IAsyncEnumerable<HistoryPost> posts, PupilRoster roster, StaffList staff,
        Func<string, CancellationToken, Task<PostRecord?>>? recordOf, IHistoryReport report, string source, DateTimeOffset at, CancellationToken ct)
    {
        await report.BeginAsync(source, at, ct);
        int read = 0, breaching = 0, review = 0;
        await foreach (var post in posts.WithCancellation(ct))
        {
            read++;
            var record = recordOf is null ? null : await recordOf(post.Id, ct);
            var findings = Judge(post, record, roster, staff);
            if (findings.Count == 0) continue;
            if (findings.Any(f => f.Severity == Severity.Block)) breaching++;
            else review++;
            await report.AddAsync(post, findings, ct);
        }
        var summary = new HistorySummary(read, breaching, review);
        await report.EndAsync(summary, ct);
        return summary;
    }

    public IReadOnlyList<Finding> Judge(HistoryPost post, PostRecord? record, PupilRoster roster, StaffList staff) =>
        [.. checker.Check(post.ToDraft(record), roster, staff).Findings.Where(f => f.Rule != RuleIds.Media)];
}
