using Microsoft.Extensions.Time.Testing;
using SchoolTwitter.Application.X;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.FakeX;
using SchoolTwitter.Testing.TestHost;

namespace SchoolTwitter.Integration.Tests.Platform;

/// <summary>The X client as Program.cs wires it (resilience handler included), against the fake X over a real socket.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class XApiClientAgainstFakeXTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private SchoolTwitterTestHost _host = null!;

    private FakeXServer X => _host.X;

    private IXAccount Client => _host.Get<IXAccount>();

    public async Task InitializeAsync() => _host = await SchoolTwitterTestHost.StartAsync(azurite, o =>
    {
        o.Settings["X:RequestTimeout"] = "00:00:01.500";
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Rate_limited_create_post_throws_with_the_reset_and_posts_nothing()
    {
        var reset = DateTimeOffset.UtcNow.AddMinutes(9);
        X.RateLimitReset = reset;
        X.InjectFault("POST", "/2/tweets", FakeFault.RateLimited);

        var ex = await Should.ThrowAsync<XRateLimitedException>(() => Client.CreatePostAsync(new XNewPost("Sports day is on Friday.", [], "following"), CancellationToken.None));

        ex.ResetAt.ToUnixTimeSeconds().ShouldBe(reset.ToUnixTimeSeconds());
        X.Posts.ShouldBeEmpty();
        X.RequestCount("POST", "/2/tweets").ShouldBe(1);
    }

    [Fact]
    public async Task Rate_limited_read_is_not_retried()
    {
        X.InjectFault("GET", "/2/users/", FakeFault.RateLimited);
        await Should.ThrowAsync<XRateLimitedException>(() => Client.GetFollowersAsync(X.AccountId, null, CancellationToken.None));
        X.RequestCount("GET", "/2/users/").ShouldBe(1);
    }

    [Theory]
    [InlineData(FakeFault.ServerError500)]
    [InlineData(FakeFault.ServiceUnavailable503)]
    public async Task Server_error_on_create_post_is_ambiguous_and_never_retried(FakeFault fault)
    {
        X.InjectFault("POST", "/2/tweets", fault);

        await Should.ThrowAsync<XAmbiguousOutcomeException>(() => Client.CreatePostAsync(new XNewPost("Harvest festival donations.", [], null), CancellationToken.None));

        X.RequestCount("POST", "/2/tweets").ShouldBe(1);
        X.Posts.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_read_retries_a_503_and_succeeds()
    {
        X.InjectFault("GET", "/2/users/me", FakeFault.ServiceUnavailable503);
        (await Client.GetMeAsync(CancellationToken.None)).Id.ShouldBe(X.AccountId);
        X.RequestCount("GET", "/2/users/me").ShouldBe(2);
    }

    [Fact]
    public async Task Other_posts_are_not_retried_on_503()
    {
        X.InjectFault("POST", "/2/users/", FakeFault.ServiceUnavailable503);
        (await Should.ThrowAsync<XApiException>(() => Client.MuteAsync(X.AccountId, "123", CancellationToken.None))).Status.ShouldBe(503);
        X.RequestCount("POST", "/2/users/").ShouldBe(1);
        X.MutedUserIds.ShouldBeEmpty();
    }

    [Fact]
    public async Task Slow_create_post_times_out_as_ambiguous_and_X_still_records_exactly_one_post()
    {
        X.SlowReplyDelay = TimeSpan.FromSeconds(4);
        X.InjectFault("POST", "/2/tweets", FakeFault.SlowReply);

        await Should.ThrowAsync<XAmbiguousOutcomeException>(() => Client.CreatePostAsync(new XNewPost("Choir concert tonight.", [], null), CancellationToken.None));

        // The fake finishes the work after the client gave up, as X would.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (X.Posts.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        X.Posts.ShouldHaveSingleItem().Text.ShouldBe("Choir concert tonight.");
        X.RequestCount("POST", "/2/tweets").ShouldBe(1);
    }

    [Fact]
    public async Task Dropped_connection_after_create_is_ambiguous_and_X_recorded_exactly_one_post()
    {
        X.InjectFault("POST", "/2/tweets", FakeFault.DropConnectionAfterCreate);

        await Should.ThrowAsync<XAmbiguousOutcomeException>(() => Client.CreatePostAsync(new XNewPost("Book week starts Monday.", [], "following"), CancellationToken.None));

        X.Posts.ShouldHaveSingleItem().Text.ShouldBe("Book week starts Monday.");
        X.RequestCount("POST", "/2/tweets").ShouldBe(1);

        // Reconciliation can find it among the account's recent posts.
        var recent = await Client.GetRecentPostsAsync(X.AccountId, 10, null, CancellationToken.None);
        recent.Items.ShouldContain(p => p.Text == "Book week starts Monday.");
    }

    [Fact]
    public async Task Posting_the_same_text_twice_is_duplicate_content()
    {
        await Client.CreatePostAsync(new XNewPost("Welcome back to the autumn term.", [], null), CancellationToken.None);
        await Should.ThrowAsync<XDuplicateContentException>(() => Client.CreatePostAsync(new XNewPost("Welcome back to the autumn term.", [], null), CancellationToken.None));
        X.Posts.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Injected_duplicate_content_is_reported_as_such()
    {
        X.InjectFault("POST", "/2/tweets", FakeFault.DuplicateContent);
        await Should.ThrowAsync<XDuplicateContentException>(() => Client.CreatePostAsync(new XNewPost("Parents evening.", [], null), CancellationToken.None));
        X.Posts.ShouldBeEmpty();
    }

    [Fact]
    public async Task Revoked_credentials_are_refreshed_once_from_the_source_and_the_call_succeeds()
    {
        var rotated = FakeXServer.NewCredentials();
        X.AcceptCredentials(rotated, X.AccountId);
        X.RevokeCredentials(X.Credentials);
        _host.Credentials.ReplaceAfterInvalidate(rotated);

        var post = await Client.CreatePostAsync(new XNewPost("New credentials work.", [], null), CancellationToken.None);

        X.Posts.ShouldHaveSingleItem().Id.ShouldBe(post.Id);
        _host.Credentials.Invalidations.ShouldBe(1);
        X.RequestCount("POST", "/2/tweets").ShouldBe(2);
    }

    [Fact]
    public async Task Credentials_refused_after_refresh_throw_unauthorized()
    {
        X.RevokeCredentials(X.Credentials);
        await Should.ThrowAsync<XUnauthorizedException>(() => Client.GetMeAsync(CancellationToken.None));
        _host.Credentials.Invalidations.ShouldBe(1);
        X.RequestCount("GET", "/2/users/me").ShouldBe(2);
    }

    [Fact]
    public async Task Whole_media_path_uploads_sets_alt_text_and_posts_with_reply_settings()
    {
        var media = await Client.UploadImageAsync(new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 }, "image/png", CancellationToken.None);
        await Client.SetAltTextAsync(media, "Children's paintings on the wall", CancellationToken.None);
        var post = await Client.CreatePostAsync(new XNewPost("Our art display.", [media], "following"), CancellationToken.None);

        var recorded = X.Posts.ShouldHaveSingleItem();
        recorded.Id.ShouldBe(post.Id);
        recorded.MediaIds.ShouldBe([media]);
        recorded.ReplySettings.ShouldBe("following");
        X.Uploads.ShouldHaveSingleItem().AltText.ShouldBe("Children's paintings on the wall");
    }

    [Fact]
    public async Task The_accounts_own_posts_come_back_as_x_renders_them_with_links_photos_and_their_entities()
    {
        var media = await Client.UploadImageAsync(new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 }, "image/png", CancellationToken.None);
        await Client.CreatePostAsync(new XNewPost("Fish & chips tonight, menu at stjohns.sch.uk/menu", [media], null), CancellationToken.None);

        var post = (await Client.GetRecentPostsAsync(X.AccountId, 5, null, CancellationToken.None)).Items.ShouldHaveSingleItem();

        post.Text.ShouldStartWith("Fish &amp; chips tonight, menu at https://t.co/");
        post.Urls.ShouldNotBeNull().Count.ShouldBe(2);
        post.Urls![0].ExpandedUrl.ShouldBe("http://stjohns.sch.uk/menu");
        post.Urls[0].MediaKey.ShouldBeNull();
        post.Urls[1].MediaKey.ShouldBe("3_" + media);
        post.Text.ShouldEndWith(post.Urls[1].Url);
        post.MediaKeys.ShouldBe(["3_" + media]);
    }

    [Fact]
    public async Task Secrets_stay_out_of_the_logs_through_faults_and_refreshes()
    {
        X.InjectFault("POST", "/2/tweets", FakeFault.DropConnectionAfterCreate);
        await Should.ThrowAsync<XAmbiguousOutcomeException>(() => Client.CreatePostAsync(new XNewPost("One.", [], null), CancellationToken.None));
        X.RevokeCredentials(X.Credentials);
        var ex = await Should.ThrowAsync<XUnauthorizedException>(() => Client.GetMeAsync(CancellationToken.None));

        var text = _host.Logs.AllText + ex;
        text.ShouldNotContain(X.Credentials.ConsumerSecret);
        text.ShouldNotContain(X.Credentials.AccessTokenSecret);
        text.ShouldNotContain("oauth_signature");
    }
}

/// <summary>The host's clock drives OAuth timestamps; the fake X checks them against the same clock.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class XApiClientWithFakeClockTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_fake_clock_signs_timestamps_the_fake_X_accepts_and_reads_retry_without_waiting_on_it()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 1, 8, 9, 0, 0, TimeSpan.Zero));
        await using var host = await SchoolTwitterTestHost.StartAsync(azurite, o => o.Time = clock);
        host.X.InjectFault("GET", "/2/users/me", FakeFault.ServiceUnavailable503);

        var me = await host.Get<IXAccount>().GetMeAsync(CancellationToken.None);

        me.Id.ShouldBe(host.X.AccountId);
        host.X.RequestCount("GET", "/2/users/me").ShouldBe(2);
    }
}
