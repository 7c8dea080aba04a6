using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.Soak;
using Xunit.Abstractions;

namespace SchoolTwitter.Integration.Tests.Soak;

/// <summary>
/// The small soak (the heavy one is the benchmark mode fault-soak): 200 drafts through the pipeline on Azurite and the
/// fake X with a fault at every step. None may be posted twice, none lost; each ends posted, stopped by the code, failed,
/// or waiting for a person with SLT told.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FaultSoakTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Two_hundred_drafts_under_faults_at_every_step_are_posted_once_or_left_for_a_person_with_slt_told()
    {
        var report = await FaultSoak.RunAsync(azurite, new FaultSoakOptions { Drafts = 200 }, output.WriteLine);
        output.WriteLine(report.ToString());

        report.Drafts.ShouldBe(200);
        report.PostedTwice.ShouldBe(0);
        report.Lost.ShouldBe(0);
        report.SltNotTold.ShouldBe(0);
        report.BlockedButPosted.ShouldBe(0);
        report.Problems.ShouldBeEmpty();
        report.Outcomes.GetValueOrDefault("published").ShouldBeGreaterThan(100, "most drafts get through the faults");
        foreach (var kind in new[]
        {
            "stopped before a draft write", "stopped after a draft write", "stopped after a queue send", "stopped after the post was made",
            "process restarted", "duplicate delivery", "webhook down", "roster uploaded during checks",
            "X 500 on create-post", "X timeout on create-post (posted late)", "X dropped the connection after posting", "X 429 on create-post",
        })
        {
            report.Faults.GetValueOrDefault(kind).ShouldBeGreaterThan(0, $"the soak injected \"{kind}\"");
        }
    }
}
