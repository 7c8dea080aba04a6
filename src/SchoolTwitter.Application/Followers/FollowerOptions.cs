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

    /// <summary>The school's name as people write it ("Ashworth Green Primary School"): what an impersonator copies.</summary>
    public string? SchoolName { get; set; }

    /// <summary>The school's own X handle, with or without @.</summary>
    public string? SchoolHandle { get; set; }

    /// <summary>Other names people use for the school, separated by ";" ("Ashworth Green Primary; AGPS").</summary>
    public string? SchoolNameVariants { get; set; }

    /// <summary>The school's website: a follower linking to it has a verified link.</summary>
    public string? SchoolWebsite { get; set; }

    /// <summary>Who the school is, for the follower assessment (impersonation, mentions of the school).</summary>
    public SchoolIdentity School() => SchoolIdentity.From(SchoolName, SchoolHandle, SchoolNameVariants, SchoolWebsite);

    public FollowerScanSchedule Schedule() => new(ScanDay, TimeOnly.ParseExact(ScanTime, "HH:mm", System.Globalization.CultureInfo.InvariantCulture));
}
