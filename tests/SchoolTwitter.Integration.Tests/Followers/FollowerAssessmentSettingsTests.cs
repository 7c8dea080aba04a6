using SchoolTwitter.Application.Followers;
using SchoolTwitter.Application.X;
using SchoolTwitter.Core.Followers;
using SchoolTwitter.Testing.Azurite;

namespace SchoolTwitter.Integration.Tests.Followers;

/// <summary>Issue 14 through the weekly scan: the school's identity from settings and its approved follows reach the assessment.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FollowerAssessmentSettingsTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 7, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Scan_flags_an_impersonator_of_the_school_named_in_settings_and_keeps_an_approved_follow_with_no_description()
    {
        await using var rig = await FollowerRig.StartAsync(azurite, Monday, settings: new Dictionary<string, string>
        {
            ["School__Name"] = "Ashworth Green Primary School",
            ["School__Handle"] = "AshworthGreenPS",
            ["School__NameVariants"] = "Ashworth Green Primary; AGPS",
        });
        await rig.ApproveAsync("HalifaxLibs", "library");
        var impersonator = new XUser(FollowerData.NextId(), "AshworthGreenPS_", "Ashworth Green Primary School", "Official account of the school.",
            null, Monday.AddDays(-3), 4, 200, 1);
        var library = new XUser(FollowerData.NextId(), "HalifaxLibs", "Halifax Libraries", "Opening hours and events.",
            null, Monday.AddDays(-2000), 900, 300, 4000);
        rig.X.SetFollowers([impersonator, library, .. FollowerData.Parents(2)], rig.AccountId);

        var run = await rig.Scans.RunScheduledAsync(CancellationToken.None);

        run.Run!.Flagged.ShouldBe(1);
        var item = (await rig.ReviewItemAsync(impersonator.Id)).ShouldNotBeNull();
        item.Suggestion.ShouldBe(FollowerSuggestion.Block);
        item.Reasons.ShouldContain(r => r.Code == FollowerReasonCodes.Impersonation);
        item.Reasons.ShouldContain(r => r.Kind == FollowerReasonKind.Checked); // what was checked and found nothing travels with it
        (await rig.ReviewItemAsync(library.Id)).ShouldBeNull();
        (await rig.FollowerRecordsAsync()).Single(r => r.FollowerId == library.Id).Suggestion.ShouldBe(FollowerSuggestion.Keep);
    }
}
