using SchoolTwitter.Core.Followers;

namespace SchoolTwitter.Application.Followers;

/// <summary>Follower review settings (section "Followers"; the account id comes from X__AccountId).</summary>
public sealed class FollowerOptions
{
    public const string SectionName = "Followers";

    /// <summary>The school's X user id.</summary>
    public string AccountId { get; set; } = "";

    /// <summary>How long one invocation keeps reading before it hands over to a queued continuation (below host.json functionTimeout).</summary>
    public TimeSpan InvocationBudget { get; set; } = TimeSpan.FromMinutes(7);

    /// <summary>The UK day of the weekly scan.</summary>
    public DayOfWeek ScanDay { get; set; } = DayOfWeek.Monday;

    /// <summary>The UK wall-clock time of the weekly scan, "HH:mm".</summary>
    public string ScanTime { get; set; } = "07:00";

    /// <summary>How many followers of a page are looked up at once when searching for the first already-known one.</summary>
    public int LookupBatchSize { get; set; } = 50;

    /// <summary>
    /// The weekly scan's first page when no earlier weekly scan is known. X bills every follower returned, so a quiet week should
    /// not pay for 1,000: 100 covers five typical weeks (about 20 new) while one request still finds the first known follower.
    /// </summary>
    public int WeeklyFirstPageSize { get; set; } = 100;

    /// <summary>The smallest weekly first page, however quiet the last week was (some headroom for an unexpectedly busy week).</summary>
    public int WeeklyMinPageSize { get; set; } = 20;

    public FollowerScanSchedule Schedule() => new(ScanDay, TimeOnly.ParseExact(ScanTime, "HH:mm", System.Globalization.CultureInfo.InvariantCulture));
}
