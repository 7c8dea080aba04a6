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

    public FollowerScanSchedule Schedule() => new(ScanDay, TimeOnly.ParseExact(ScanTime, "HH:mm", System.Globalization.CultureInfo.InvariantCulture));
}
