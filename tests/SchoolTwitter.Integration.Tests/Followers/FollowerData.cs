using SchoolTwitter.Application.X;

namespace SchoolTwitter.Integration.Tests.Followers;

/// <summary>Generated follower sets: mostly ordinary parents and local accounts, with the odd bot, ids unique per test.</summary>
internal static class FollowerData
{
    private static long _next = 2_000_000_000_000 + Random.Shared.Next(0, 1_000_000) * 1_000_000L;

    public static string NextId() => Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An ordinary follower (kept by the assessment).</summary>
    public static XUser Parent(string? id = null)
    {
        id ??= NextId();
        return new XUser(id, $"parent_{id[^6..]}", $"Parent {id[^4..]}", "Mum of two, Year 3 and Reception. Loves the school's reading week.",
            "https://pbs.twimg.com/profile_images/1/photo.jpg", new DateTimeOffset(2019, 5, 1, 0, 0, 0, TimeSpan.Zero), 120, 180, 900);
    }

    /// <summary>A spam bot (suggested for block).</summary>
    public static XUser Bot(DateTimeOffset now, string? id = null)
    {
        id ??= NextId();
        return new XUser(id, $"jenny{id[^8..]}", "Jenny", null, null, now.AddDays(-2), 12, 4800, 3, DefaultProfileImage: true);
    }

    public static List<XUser> Parents(int count) => Enumerable.Range(0, count).Select(_ => Parent()).ToList();
}
