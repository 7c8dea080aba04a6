using SchoolTwitter.Application.X;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.FakeX;
using SchoolTwitter.Testing.TestHost;

namespace SchoolTwitter.Integration.Tests.Platform;

/// <summary>The X client's delete, timeline-with-alt-text and profile calls (issue 13) against the fake X over a real socket.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class XTakeDownClientTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private SchoolTwitterTestHost _host = null!;

    private FakeXServer X => _host.X;

    private IXAccount Client => _host.Get<IXAccount>();

    public async Task InitializeAsync() => _host = await SchoolTwitterTestHost.StartAsync(azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Delete_removes_the_post_and_a_second_delete_is_a_404()
    {
        var post = X.AddPost("Harvest festival donations.");

        await Client.DeletePostAsync(post.Id, CancellationToken.None);

        X.LivePosts().ShouldBeEmpty();
        var again = await Should.ThrowAsync<XApiException>(() => Client.DeletePostAsync(post.Id, CancellationToken.None));
        again.Status.ShouldBe(404);
        X.RequestCount("DELETE", "/2/tweets/").ShouldBe(2, "a delete is never retried by the client");
    }

    [Fact]
    public async Task A_rate_limited_delete_throws_with_the_reset_and_deletes_nothing()
    {
        var post = X.AddPost("Nativity rehearsal.");
        var reset = DateTimeOffset.UtcNow.AddMinutes(11);
        X.RateLimitReset = reset;
        X.InjectFault("DELETE", "/2/tweets/", FakeFault.RateLimited);

        var limited = await Should.ThrowAsync<XRateLimitedException>(() => Client.DeletePostAsync(post.Id, CancellationToken.None));

        limited.ResetAt.ToUnixTimeSeconds().ShouldBe(reset.ToUnixTimeSeconds());
        X.LivePosts().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task The_timeline_pages_carry_each_pictures_alt_text_and_the_picture_link_to_cut()
    {
        for (var i = 0; i < 130; i++) X.AddPost($"News item {i} & more.", createdAt: DateTimeOffset.UtcNow.AddHours(-200 + i));
        var pictured = X.AddPostWithPictures("Forest school today.", ["Pupils building a den", null], DateTimeOffset.UtcNow.AddMinutes(-5));

        var first = await Client.GetTimelinePageAsync(X.AccountId, null, CancellationToken.None);
        var second = await Client.GetTimelinePageAsync(X.AccountId, first.NextToken, CancellationToken.None);

        first.Items.Count.ShouldBe(100);
        second.Items.Count.ShouldBe(31);
        second.NextToken.ShouldBeNull();
        var newest = first.Items[0];
        newest.Id.ShouldBe(pictured.Id);
        newest.AltTexts.ShouldBe(["Pupils building a den", null]);
        newest.Urls.ShouldNotBeNull().ShouldContain(u => u.MediaKey != null && newest.Text.EndsWith(u.Url));
        first.Items[1].Text.ShouldBe("News item 129 &amp; more.", "X escapes the text; the history audit undoes it");
    }

    [Fact]
    public async Task An_x_that_refuses_the_2167_names_is_asked_for_the_timeline_in_the_long_standing_ones()
    {
        X.PostFieldParameters.Remove("post.fields");
        var post = X.AddPost("Harvest assembly.");

        var page = await Client.GetTimelinePageAsync(X.AccountId, null, CancellationToken.None);

        page.Items.ShouldContain(p => p.Id == post.Id);
        var reads = X.Requests.Where(r => r.Path.EndsWith("/tweets", StringComparison.Ordinal)).ToList();
        reads.Count.ShouldBe(2, "refused once, then asked again");
        reads[1].Query.ShouldContain("tweet.fields=");
        reads[1].Query.ShouldNotContain("post.fields");
    }

    [Fact]
    public async Task The_profile_gives_name_description_links_and_post_count()
    {
        X.AddPost("One.");
        X.AddPost("Two.");
        X.SetProfile(name: "Oakfield Primary", description: "Our news.", url: "https://www.oakfield.example");

        var profile = await Client.GetProfileAsync(CancellationToken.None);

        profile.Name.ShouldBe("Oakfield Primary");
        profile.Description.ShouldBe("Our news.");
        profile.Links.ShouldBe(["https://www.oakfield.example"]);
        profile.PostCount.ShouldBe(2);
    }
}
