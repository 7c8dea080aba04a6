using SchoolTwitter.Application.Followers;
using SchoolTwitter.Application.Profile;
using SchoolTwitter.Core.Followers;

namespace SchoolTwitter.Integration.Tests.Followers;

/// <summary>The weekly card shows why each pending account was flagged and the evidence beside it (issue 14).</summary>
public sealed class WeeklyFollowerSummaryTests
{
    [Fact]
    public void Each_pending_item_shows_its_main_concern_and_its_evidence()
    {
        var run = new FollowerScanRun { RunId = "r", Slot = new DateOnly(2026, 11, 2), Mode = FollowerScanMode.Incremental, StartedAt = new DateTimeOffset(2026, 11, 2, 7, 30, 0, TimeSpan.Zero), NewFollowers = 3, Flagged = 1 };
        var item = new FollowerReviewItem("1", ReviewKind.Follower, "1", "teacher_lucy", "Lucy", "https://x.com/teacher_lucy", FollowerSuggestion.Block,
            [
                new("checked-language", "Handle, name and bio checked: none found.", 0, FollowerReasonKind.Checked),
                new(FollowerReasonCodes.DefaultAvatar, "Still has X's default profile picture.", 1),
                new(FollowerReasonCodes.FollowRatio, "Follows 3,500 accounts but only 5 follow it back.", 2),
                new(FollowerReasonCodes.EducationalLink, "Described link to education (not verified): describes itself as \"primary teacher\".", 0, FollowerReasonKind.Evidence),
            ],
            new DateTimeOffset(2026, 11, 2, 7, 30, 0, TimeSpan.Zero));

        var card = WeeklyFollowerSummary.Build(run, [item], []);

        var line = card.Sections.SelectMany(s => s.Lines).Single(l => l.Text.Contains("@teacher_lucy", StringComparison.Ordinal));
        line.Detail.ShouldNotBeNull().ShouldContain("Follows 3,500 accounts");
        line.Detail.ShouldContain("not verified");
        line.Detail.ShouldNotContain("checked:");
    }

    [Fact]
    public void School_identity_is_read_from_the_settings_with_variants_split_and_the_at_sign_dropped()
    {
        var school = new SchoolIdentityOptions { Name = " Ashworth Green Primary School ", Handle = "@AshworthGreenPS", NameVariants = "Ashworth Green Primary; AGPS,Ashworth Green" }.Identity();

        school.Name.ShouldBe("Ashworth Green Primary School");
        school.Handle.ShouldBe("AshworthGreenPS");
        school.Variants.ShouldBe(["Ashworth Green Primary", "AGPS", "Ashworth Green"]);
        new SchoolIdentityOptions().Identity().IsSet.ShouldBeFalse();
    }
}
