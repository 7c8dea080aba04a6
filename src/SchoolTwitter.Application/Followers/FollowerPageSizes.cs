using SchoolTwitter.Application.X;

namespace SchoolTwitter.Application.Followers;

/// <summary>
/// How many followers a scan asks X for a page. X bills every follower returned ($0.001 each), so the weekly scan starts small
/// (sized from last week) and grows tenfold while whole pages are new; the monthly reconciliation reads everything, so it uses
/// X's largest page (fewest requests).
/// </summary>
public static class FollowerPageSizes
{
    public const int GrowthFactor = 10;

    public static int Reconciliation => XPageLimits.MaxFollowers;

    /// <summary>
    /// Twice last week's new followers: a week up to double the last still ends on the first page (it must reach one known
    /// follower to stop), while a quiet week pays for a few dozen followers instead of 1,000.
    /// </summary>
    public static int FirstWeekly(int? lastWeeklyNewFollowers, FollowerOptions options)
    {
        var min = Math.Clamp(options.WeeklyMinPageSize, 1, XPageLimits.MaxFollowers);
        if (lastWeeklyNewFollowers is not { } last)
        {
            return Math.Clamp(options.WeeklyFirstPageSize, min, XPageLimits.MaxFollowers);
        }

        return (int)Math.Clamp(2L * last, min, XPageLimits.MaxFollowers);
    }

    /// <summary>The next size after a page that was new from top to bottom, or null when already at X's largest page.</summary>
    public static int? Grow(int size) =>
        size >= XPageLimits.MaxFollowers ? null : (int)Math.Min((long)size * GrowthFactor, XPageLimits.MaxFollowers);
}
