using SchoolTwitter.Application.Drafts;

namespace SchoolTwitter.Application.Page;

/// <summary>
/// The drafts SLT see on their page: every draft not yet settled, and the settled ones of the last
/// <see cref="SettledDays"/> days, newest first. It reads the store state by state (a scan): a school writes a few
/// drafts a day, so even years of published drafts are a handful of table pages.
/// </summary>
public sealed class RecentDrafts(IDraftStore drafts, TimeProvider time)
{
    public const int SettledDays = 60;
    public const int MaxDrafts = 100;

    public async Task<IReadOnlyList<DraftRecord>> ListAsync(CancellationToken ct)
    {
        var since = time.GetUtcNow().AddDays(-SettledDays);
        var found = new List<DraftRecord>();
        foreach (var status in Enum.GetValues<DraftStatus>())
        {
            await foreach (var draft in drafts.ListAsync(status, ct))
            {
                if (!DraftLifecycle.IsFinal(draft.Status) || draft.SubmittedAt >= since) found.Add(draft);
            }
        }
        return [.. found.OrderByDescending(d => d.SubmittedAt).Take(MaxDrafts)];
    }
}
