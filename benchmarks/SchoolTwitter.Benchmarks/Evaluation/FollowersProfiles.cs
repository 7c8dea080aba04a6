using System.Globalization;
using SchoolTwitter.Core.Followers;

namespace SchoolTwitter.Benchmarks.Evaluation;

/// <summary>One labelled follower of the fictional school: what a head teacher would want suggested, and why it is in the set.</summary>
internal sealed record LabelledFollower(FollowerSuggestion Wanted, string Category, FollowerProfile Profile, string Source);

/// <summary>
/// Data/follower-profiles.tsv: follower profiles of a fictional primary school's account written from public sources and
/// categories (its source column), labelled keep / review / block. Ages are days before <see cref="Now"/>.
/// </summary>
internal static class FollowersProfiles
{
    public static readonly DateTimeOffset Now = new(2026, 1, 12, 7, 0, 0, TimeSpan.Zero);

    /// <summary>The fictional school the profiles follow, as its settings would name it. No approved follows: the assessor is measured on its own.</summary>
    public static readonly SchoolIdentity School = SchoolIdentity.From("Ashworth Green Primary School", "AshworthGreenPS", "Ashworth Green Primary; Ashworth Green; AGPS");

    private static readonly string[] Columns =
        ["expected", "category", "handle", "name", "bio", "url", "location", "age_days", "followers", "following", "posts", "default_avatar", "source"];

    public static IReadOnlyList<LabelledFollower> Load(string fileName)
    {
        var rows = new List<LabelledFollower>();
        var n = 0;
        var header = false;
        foreach (var line in OffensiveClassification.EmbeddedLines(fileName))
        {
            n++;
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (!header)
            {
                if (!f.SequenceEqual(Columns)) throw new InvalidDataException($"{fileName} line {n}: expected the header {string.Join(", ", Columns)}.");
                header = true;
                continue;
            }
            if (f.Length != Columns.Length) throw new InvalidDataException($"{fileName} line {n}: expected {Columns.Length} tab-separated fields, found {f.Length}.");
            var wanted = f[0] switch
            {
                "keep" => FollowerSuggestion.Keep,
                "review" => FollowerSuggestion.Review,
                "block" => FollowerSuggestion.Block,
                _ => throw new InvalidDataException($"{fileName} line {n}: expected keep, review or block, found “{f[0]}”."),
            };
            var profile = new FollowerProfile(
                Id: n.ToString(CultureInfo.InvariantCulture),
                Handle: f[2],
                Name: f[3],
                Bio: Optional(f[4]),
                Url: Optional(f[5]),
                Location: Optional(f[6]),
                CreatedAt: Now.AddDays(-int.Parse(f[7], CultureInfo.InvariantCulture)),
                FollowersCount: int.Parse(f[8], CultureInfo.InvariantCulture),
                FollowingCount: int.Parse(f[9], CultureInfo.InvariantCulture),
                PostCount: int.Parse(f[10], CultureInfo.InvariantCulture),
                DefaultAvatar: f[11] == "yes");
            rows.Add(new LabelledFollower(wanted, f[1], profile, f[12]));
        }
        return rows;
    }

    private static string? Optional(string field) => field.Length == 0 ? null : field;
}
