using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Application.Protection;
using SchoolTwitter.Application.X;
using SchoolTwitter.Core.Roster;

namespace SchoolTwitter.Application.History;

/// <summary>
/// What reading the account's past will cost, worked out before a single post is read: X bills each post a read returns, and
/// GET /2/users/:id/tweets serves the latest 3,200 at 100 a request. Finding it out costs one read of the account (users/me).
/// </summary>
public sealed record HistoryCost(int PostsOnAccount, int PostsToRead, int Requests)
{
    public static HistoryCost For(int postsOnAccount)
    {
        var toRead = Math.Min(Math.Max(postsOnAccount, 0), XTimelineLimits.Reachable);
        return new HistoryCost(postsOnAccount, toRead, Math.Max(1, (toRead + XTimelineLimits.PageSize - 1) / XTimelineLimits.PageSize));
    }

    public string Describe()
    {
        var c = CultureInfo.GetCultureInfo("en-GB");
        var beyond = PostsOnAccount > PostsToRead
            ? $" X serves only the latest {XTimelineLimits.Reachable:N0} this way; for older posts audit the archive (--archive data/tweets.js)."
            : "";
        return $"The account has {PostsOnAccount.ToString("N0", c)} posts. Reading them costs {Requests.ToString("N0", c)} requests to " +
               $"GET /2/users/:id/tweets returning up to {PostsToRead.ToString("N0", c)} posts, each billed as a post read.{beyond}";
    }
}

/// <summary>
/// The history audit of the school's live account (the SLT page and <c>schooltwitter audit-history</c>): the cost first, then the
/// account's posts page by page through <see cref="HistoryAudit"/> with the stored roster, staff list and post records.
/// </summary>
public sealed class HistoryAuditService(
    IXAccount x,
    IPupilRosterStore rosters,
    IStaffListStore staff,
    IPostRecordStore records,
    HistoryAudit audit,
    IOptions<DraftPipelineOptions> options,
    TimeProvider time)
{
    public async Task<HistoryCost> EstimateAsync(CancellationToken ct) => HistoryCost.For((await x.GetProfileAsync(ct)).PostCount);

    /// <summary>Reads and checks the account's posts. Call <see cref="EstimateAsync"/> and have a person agree to the cost first.</summary>
    public async Task<HistorySummary> AuditAccountAsync(IHistoryReport report, CancellationToken ct)
    {
        var accountId = options.Value.AccountId ?? throw new InvalidOperationException("X__AccountId is not set.");
        return await audit.RunAsync(Timeline(x, accountId, ct), await rosters.GetAsync(ct), await staff.GetAsync(ct), records.GetAsync, report,
            "the school's X account (GET /2/users/:id/tweets)", time.GetUtcNow(), ct);
    }

    /// <summary>The account's posts, newest first, a page at a time (X's 429 reaches the caller: nothing is retried blindly).</summary>
    public static async IAsyncEnumerable<HistoryPost> Timeline(IXAccount x, string accountId, [EnumeratorCancellation] CancellationToken ct)
    {
        string? token = null;
        var pages = 0;
        do
        {
            var page = await x.GetTimelinePageAsync(accountId, token, ct);
            foreach (var post in page.Items)
            {
                var pictureLinks = (post.Urls ?? []).Where(u => u.MediaKey is not null).Select(u => u.Url);
                yield return new HistoryPost(post.Id, HistoryPost.Unrender(post.Text, pictureLinks), post.CreatedAt, post.AltTexts, post.RepliedToPostId);
            }
            token = page.NextToken;
        }
        while (token is not null && ++pages < XTimelineLimits.Reachable / XTimelineLimits.PageSize + 1);
    }
}
