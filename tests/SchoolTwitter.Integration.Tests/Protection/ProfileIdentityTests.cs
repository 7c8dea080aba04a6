using SchoolTwitter.Application.Followers;
using SchoolTwitter.Application.Profile;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.TestHost;

namespace SchoolTwitter.Integration.Tests.Protection;

/// <summary>The account identifies the school (issue 13, council policy 6.3 and 6.5): checked weekly against the settings.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ProfileIdentityTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private SchoolTwitterTestHost _host = null!;

    public async Task InitializeAsync() => _host = await SchoolTwitterTestHost.StartAsync(azurite, o =>
    {
        o.Settings["School:Name"] = "Oakfield Primary School";
        o.Settings["School:Website"] = "https://www.oakfield.example";
        o.Settings["School:NameVariants"] = "Oakfield School; Oakfield C of E Primary";
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<ProfileCheck> CheckAsync() => _host.Get<ProfileIdentityService>().CheckAsync(CancellationToken.None);

    [Fact]
    public async Task The_profile_check_passes_then_fails_when_the_description_loses_the_schools_name_and_the_weekly_summary_says_so()
    {
        _host.X.SetProfile(name: "Oakfield News", description: "The official account of OAKFIELD  primary school, Leeds.", url: "https://oakfield.example/");

        (await CheckAsync()).Passes.ShouldBeTrue();

        _host.X.SetProfile(description: "News from our classrooms and our community.");
        var failed = await CheckAsync();

        failed.Passes.ShouldBeFalse();
        failed.Missing.ShouldHaveSingleItem().ShouldContain("do not name the school (“Oakfield Primary School”)");

        await _host.Get<WeeklyFollowerSummary>().SendAsync(new FollowerScanRun
        {
            RunId = "run-" + Guid.NewGuid().ToString("N"),
            Slot = new DateOnly(2026, 11, 30),
            Mode = FollowerScanMode.Incremental,
            StartedAt = DateTimeOffset.UtcNow,
        }, CancellationToken.None);
        var card = (await _host.Webhook.WaitForAsync(1, TimeSpan.FromSeconds(10))).ShouldHaveSingleItem().ToJsonString();
        card.ShouldContain("Profile identifies the school");
        card.ShouldContain("do not name the school");
    }

    [Fact]
    public async Task A_name_variant_counts_and_a_missing_or_other_website_is_reported()
    {
        _host.X.SetProfile(name: "Oakfield C of E Primary", description: "Sharing our news.", url: "");

        var check = await CheckAsync();

        check.Missing.ShouldHaveSingleItem().ShouldContain("does not link to the school's website (https://www.oakfield.example)");
        _host.X.SetProfile(url: "https://oakfield-fan-club.example");
        (await CheckAsync()).Missing.ShouldHaveSingleItem().ShouldContain("does not link");
        _host.X.SetProfile(url: "https://www.oakfield.example/news");
        (await CheckAsync()).Passes.ShouldBeTrue();
    }

    [Fact]
    public async Task Without_the_settings_the_check_says_which_are_missing()
    {
        await using var bare = await SchoolTwitterTestHost.StartAsync(azurite);

        var check = await bare.Get<ProfileIdentityService>().CheckAsync(CancellationToken.None);

        check.Missing.ShouldContain(m => m.StartsWith("School__Name is not set"));
        check.Missing.ShouldContain(m => m.StartsWith("School__Website is not set"));
    }
}
