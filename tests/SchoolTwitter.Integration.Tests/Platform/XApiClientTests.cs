using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SchoolTwitter.Application.X;
using SchoolTwitter.Infrastructure.X;
using SchoolTwitter.Testing.FakeX;
using SchoolTwitter.Testing.Logging;

namespace SchoolTwitter.Integration.Tests.Platform;

/// <summary>The client's mapping of X's answers, over a scripted handler. Behaviour against a real socket lives in XApiClientAgainstFakeXTests.</summary>
public sealed class XApiClientTests
{
    private static readonly XCredentials Secret = new("ck-public-1", "CONSUMER-SECRET-zz9", "at-public-1", "TOKEN-SECRET-qq7");
    private static readonly XCredentials Rotated = new("ck-public-2", "CONSUMER-SECRET-yy8", "at-public-2", "TOKEN-SECRET-pp6");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private readonly CapturingLoggerProvider _logs = new();

    [Fact]
    public async Task Users_me_reads_old_and_2026_metric_names()
    {
        var (client, _, _) = Client(_ => Reply(HttpStatusCode.OK,
            """{"data":{"id":"42","username":"school","name":"School","created_at":"2020-01-02T03:04:05.000Z","public_metrics":{"followers_count":7,"following_count":3,"post_count":99}}}"""));

        var me = await client.GetMeAsync(CancellationToken.None);

        me.Id.ShouldBe("42");
        me.PostCount.ShouldBe(99);
        me.FollowersCount.ShouldBe(7);
        me.CreatedAt.ShouldBe(new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero));

        (client, _, _) = Client(_ => Reply(HttpStatusCode.OK,
            """{"data":{"id":"42","username":"school","name":"School","profile_image_url":"https://pbs.twimg.com/sticky/default_profile_images/default_profile_normal.png","public_metrics":{"tweet_count":12}}}"""));
        var old = await client.GetMeAsync(CancellationToken.None);
        old.PostCount.ShouldBe(12);
        old.DefaultProfileImage.ShouldBeTrue();
    }

    [Fact]
    public async Task Posts_read_referenced_tweets_or_referenced_posts_and_the_next_token()
    {
        var (client, _, _) = Client(_ => Reply(HttpStatusCode.OK,
            """{"data":[{"id":"2","text":"b","author_id":"9","referenced_posts":[{"type":"replied_to","id":"1"}]},{"id":"1","text":"a","referenced_tweets":[{"type":"quoted","id":"0"}]}],"meta":{"result_count":2,"next_token":"NEXT"}}"""));

        var page = await client.GetMentionsAsync("42", "0", null, CancellationToken.None);

        page.Items.Select(p => p.Id).ShouldBe(["2", "1"]);
        page.Items[0].ReferencedPosts!.Single().ShouldBe(new XReferencedPost("replied_to", "1"));
        page.Items[1].ReferencedPosts!.Single().ShouldBe(new XReferencedPost("quoted", "0"));
        page.NextToken.ShouldBe("NEXT");
    }

    [Fact]
    public async Task An_empty_page_has_no_items_and_no_next_token()
    {
        var (client, _, _) = Client(_ => Reply(HttpStatusCode.OK, """{"meta":{"result_count":0}}"""));
        var page = await client.GetFollowersAsync("42", null, CancellationToken.None);
        page.Items.ShouldBeEmpty();
        page.NextToken.ShouldBeNull();
    }

    [Fact]
    public async Task Rate_limit_429_carries_the_reset_from_the_header_whatever_the_body()
    {
        var reset = _time.GetUtcNow().AddMinutes(7);
        var (client, _, _) = Client(_ =>
        {
            var r = Reply(HttpStatusCode.TooManyRequests, "not json at all");
            r.Headers.Add("x-rate-limit-reset", reset.ToUnixTimeSeconds().ToString());
            return r;
        });

        var ex = await Should.ThrowAsync<XRateLimitedException>(() => client.GetFollowingAsync("42", null, CancellationToken.None));
        ex.ResetAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(reset.ToUnixTimeSeconds()));
    }

    [Fact]
    public async Task Rate_limit_without_a_reset_header_waits_a_whole_window()
    {
        var (client, _, _) = Client(_ => Reply(HttpStatusCode.TooManyRequests, """{"title":"Too Many Requests"}"""));
        var ex = await Should.ThrowAsync<XRateLimitedException>(() => client.CreatePostAsync(new XNewPost("Hello", [], null), CancellationToken.None));
        ex.ResetAt.ShouldBe(_time.GetUtcNow().AddMinutes(15));
    }

    [Fact]
    public async Task Unauthorized_invalidates_the_credentials_reads_them_again_and_retries_once()
    {
        var seen = new List<string>();
        var (client, source, _) = Client(req =>
        {
            var key = OAuth1Signer.ParseAuthorizationHeader(req.Headers.Authorization!.ToString())!["oauth_consumer_key"];
            seen.Add(key);
            return key == Rotated.ConsumerKey
                ? Reply(HttpStatusCode.OK, """{"data":{"id":"42","username":"s","name":"S"}}""")
                : Reply(HttpStatusCode.Unauthorized, """{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}""");
        });
        source.OnInvalidate = () => source.Set(Rotated);

        (await client.GetMeAsync(CancellationToken.None)).Id.ShouldBe("42");

        seen.ShouldBe([Secret.ConsumerKey, Rotated.ConsumerKey]);
        source.Invalidations.ShouldBe(1);
    }

    [Fact]
    public async Task Unauthorized_twice_throws_XUnauthorizedException_after_one_retry()
    {
        var (client, source, handler) = Client(_ => Reply(HttpStatusCode.Unauthorized, """{"errors":[{"code":89,"message":"Invalid or expired token."}]}"""));

        var ex = await Should.ThrowAsync<XUnauthorizedException>(() => client.MuteAsync("42", "7", CancellationToken.None));

        ex.Detail.ShouldBe("Invalid or expired token.");
        handler.Requests.Count.ShouldBe(2);
        source.Invalidations.ShouldBe(1);
    }

    [Fact]
    public async Task Unauthorized_with_explicit_credentials_is_not_retried_and_leaves_the_source_alone()
    {
        var (client, source, handler) = Client(_ => Reply(HttpStatusCode.Unauthorized, """{"title":"Unauthorized"}"""));
        await Should.ThrowAsync<XUnauthorizedException>(() => client.GetMeAsync(Rotated, CancellationToken.None));
        handler.Requests.Count.ShouldBe(1);
        source.Invalidations.ShouldBe(0);
    }

    [Fact]
    public async Task Duplicate_content_403_on_create_post_is_XDuplicateContentException()
    {
        var (client, _, _) = Client(_ => Reply(HttpStatusCode.Forbidden,
            """{"detail":"You are not allowed to create a Tweet with duplicate content.","type":"about:blank","title":"Forbidden","status":403}"""));
        var ex = await Should.ThrowAsync<XDuplicateContentException>(() => client.CreatePostAsync(new XNewPost("Hello", [], "following"), CancellationToken.None));
        ex.Status.ShouldBe(403);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.BadGateway)]
    public async Task Server_error_on_create_post_is_ambiguous_and_sent_only_once(HttpStatusCode status)
    {
        var (client, _, handler) = Client(_ => Reply(status, """{"title":"oops"}"""));
        await Should.ThrowAsync<XAmbiguousOutcomeException>(() => client.CreatePostAsync(new XNewPost("Hello", [], null), CancellationToken.None));
        handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Dropped_connection_on_create_post_is_ambiguous()
    {
        var (client, _, handler) = Client(_ => throw new HttpRequestException("The response ended prematurely."));
        var ex = await Should.ThrowAsync<XAmbiguousOutcomeException>(() => client.CreatePostAsync(new XNewPost("Hello", [], null), CancellationToken.None));
        ex.InnerException.ShouldBeOfType<HttpRequestException>();
        handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Other_problem_json_is_XApiException_with_status_title_and_detail()
    {
        var (client, _, _) = Client(_ => Reply(HttpStatusCode.BadRequest,
            """{"title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.twitter.com/2/problems/invalid-request","status":400}"""));
        var ex = await Should.ThrowAsync<XApiException>(() => client.HideReplyAsync("5", CancellationToken.None));
        ex.ShouldNotBeAssignableTo<XUnauthorizedException>();
        ex.Status.ShouldBe(400);
        ex.Title.ShouldBe("Invalid Request");
        ex.Detail.ShouldBe("One or more parameters to your request was invalid.");
    }

    [Fact]
    public async Task Create_post_sends_text_media_ids_and_reply_settings_as_json_with_no_reply_field()
    {
        string? body = null;
        var (client, _, _) = Client(req =>
        {
            body = req.Content!.ReadAsStringAsync().Result;
            return Reply(HttpStatusCode.Created, """{"data":{"id":"1234","text":"Hello","edit_history_post_ids":["1234"]}}""");
        });

        var post = await client.CreatePostAsync(new XNewPost("Hello", ["m1", "m2"], "following"), CancellationToken.None);

        post.Id.ShouldBe("1234");
        body.ShouldBe("""{"text":"Hello","media":{"media_ids":["m1","m2"]},"reply_settings":"following"}""");
    }

    public static TheoryData<string, string> UnconfirmedWrites() => new()
    {
        // X's partial error: 200 with only errors[] (issue 10, defect 9).
        { "mute", """{"errors":[{"title":"Not Found Error","detail":"Could not find user with id: [7].","type":"https://api.x.com/2/problems/resource-not-found","resource_type":"user","parameter":"target_user_id","value":"7","resource_id":"7"}]}""" },
        { "hide", """{"errors":[{"title":"Not Found Error","detail":"Could not find tweet with id: [5].","type":"https://api.x.com/2/problems/resource-not-found","resource_type":"tweet","parameter":"tweet_id","value":"5","resource_id":"5"}]}""" },
        { "alt", """{"errors":[{"title":"Not Found Error","detail":"Could not find media with id: [9].","type":"https://api.x.com/2/problems/resource-not-found","resource_type":"media","parameter":"id","value":"9","resource_id":"9"}]}""" },
        { "upload", """{"errors":[{"title":"Invalid Request","detail":"Unsupported media.","type":"https://api.x.com/2/problems/invalid-request"}]}""" },
        // Data that does not say it was done.
        { "mute", """{"data":{"muting":false}}""" },
        { "hide", """{"data":{"hidden":false}}""" },
        { "alt", """{"data":{"id":"8"}}""" },
        { "mute", "" },
    };

    [Theory]
    [MemberData(nameof(UnconfirmedWrites))]
    public async Task A_write_x_answers_200_without_confirming_is_a_failure(string write, string body)
    {
        var (client, _, _) = Client(_ => Reply(HttpStatusCode.OK, body));
        Func<Task> call = write switch
        {
            "mute" => () => client.MuteAsync("42", "7", CancellationToken.None),
            "hide" => () => client.HideReplyAsync("5", CancellationToken.None),
            "alt" => () => client.SetAltTextAsync("9", "Pupils planting trees", CancellationToken.None),
            _ => () => client.UploadImageAsync(new byte[] { 1, 2, 3 }, "image/png", CancellationToken.None),
        };

        var refused = await Should.ThrowAsync<XApiException>(call);

        refused.Status.ShouldBe(200);
        if (body.Contains("errors", StringComparison.Ordinal)) refused.Detail.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Confirmed_writes_succeed()
    {
        var (client, _, _) = Client(req => Reply(HttpStatusCode.OK, req.RequestUri!.AbsolutePath switch
        {
            "/2/users/42/muting" => """{"data":{"muting":true}}""",
            "/2/tweets/5/hidden" => """{"data":{"hidden":true}}""",
            _ => """{"data":{"id":"9","associated_metadata":{"alt_text":{"text":"x"}}}}""",
        }));
        await client.MuteAsync("42", "7", CancellationToken.None);
        await client.HideReplyAsync("5", CancellationToken.None);
        await client.SetAltTextAsync("9", "x", CancellationToken.None);
    }

    [Fact]
    public async Task Post_reads_ask_with_the_2167_post_fields_and_expansions()
    {
        var queries = new List<string>();
        var (client, _, _) = Client(req =>
        {
            queries.Add(req.RequestUri!.Query);
            return Reply(HttpStatusCode.OK, """{"meta":{"result_count":0}}""");
        });

        await client.GetRecentPostsAsync("42", 10, null, CancellationToken.None);
        await client.GetMentionsAsync("42", "1", null, CancellationToken.None);

        queries.Count.ShouldBe(2);
        queries.ShouldAllBe(q => q.Contains("expansions=author_id,in_reply_to_user_id,referenced_posts") && !q.Contains("tweet.fields"));
        // The account's own posts also bring their links and photos, which reconciliation matches a draft by.
        queries[0].ShouldContain("post.fields=conversation_id,created_at,attachments,entities&");
        // Mentions also bring their photos (attachments and the media expansion), for the second check.
        queries[1].ShouldContain("post.fields=conversation_id,created_at,attachments&");
        queries[1].ShouldContain("expansions=author_id,in_reply_to_user_id,referenced_posts,attachments.media_keys&media.fields=url,type");
    }

    [Fact]
    public async Task The_client_leaves_signing_to_the_handler()
    {
        var handler = new ScriptedHandler(_ => Reply(HttpStatusCode.OK, """{"data":{"id":"42","username":"s","name":"S"}}"""));
        var unsigned = new XApiClient(new HttpClient(handler), new RecordingCredentialSource(Secret), _time,
            Options.Create(new XApiOptions { BaseUrl = "https://api.x.com" }), _logs.CreateLogger<XApiClient>());

        await unsigned.GetMeAsync(CancellationToken.None);

        var request = handler.Requests.ShouldHaveSingleItem();
        request.Headers.Authorization.ShouldBeNull("only OAuth1SigningHandler signs");
        request.Options.TryGetValue(OAuth1SigningHandler.CredentialsKey, out var credentials).ShouldBeTrue();
        credentials.ShouldBe(Secret);
    }

    [Fact]
    public async Task Secrets_never_appear_in_exceptions_or_logs()
    {
        var replies = new Queue<Func<HttpResponseMessage>>(
        [
            () => Reply(HttpStatusCode.Unauthorized, """{"title":"Unauthorized"}"""),
            () => Reply(HttpStatusCode.Unauthorized, """{"title":"Unauthorized"}"""),
            () => Reply(HttpStatusCode.InternalServerError, "boom"),
            () => throw new HttpRequestException("connection reset"),
            () => Reply(HttpStatusCode.TooManyRequests, ""),
            () => Reply(HttpStatusCode.BadRequest, """{"title":"Invalid Request"}"""),
        ]);
        var (client, _, _) = Client(_ => replies.Dequeue()());
        var failures = new List<Exception>();
        async Task Capture(Func<Task> call)
        {
            try { await call(); } catch (Exception ex) { failures.Add(ex); }
        }

        await Capture(() => client.GetMeAsync(CancellationToken.None));
        await Capture(() => client.CreatePostAsync(new XNewPost("a", [], null), CancellationToken.None));
        await Capture(() => client.CreatePostAsync(new XNewPost("b", [], null), CancellationToken.None));
        await Capture(() => client.GetFollowersAsync("42", null, CancellationToken.None));
        await Capture(() => client.SetAltTextAsync("m", "alt", CancellationToken.None));

        failures.Count.ShouldBe(5);
        var everything = string.Join("\n", failures.Select(f => f.ToString())) + "\n" + _logs.AllText;
        foreach (var secret in new[] { Secret.ConsumerSecret, Secret.AccessTokenSecret, Rotated.ConsumerSecret, Rotated.AccessTokenSecret })
        {
            everything.ShouldNotContain(secret);
        }

        _logs.Entries.ShouldNotBeEmpty();
    }

    private (XApiClient Client, RecordingCredentialSource Source, ScriptedHandler Handler) Client(Func<HttpRequestMessage, HttpResponseMessage> reply)
    {
        var handler = new ScriptedHandler(reply);
        var source = new RecordingCredentialSource(Secret);
        var client = new XApiClient(
            XHttpClients.Signed(_time, handler),
            source,
            _time,
            Options.Create(new XApiOptions { BaseUrl = "https://api.x.com" }),
            _logs.CreateLogger<XApiClient>());
        return (client, source, handler);
    }

    private static HttpResponseMessage Reply(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private sealed class ScriptedHandler(Func<HttpRequestMessage, HttpResponseMessage> reply) : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(reply(request));
        }
    }

    private sealed class RecordingCredentialSource(XCredentials initial) : IXCredentialSource
    {
        private XCredentials _current = initial;

        public int Invalidations { get; private set; }

        public Action? OnInvalidate { get; set; }

        public void Set(XCredentials credentials) => _current = credentials;

        public ValueTask<XCredentials> GetAsync(CancellationToken ct) => ValueTask.FromResult(_current);

        public void Invalidate()
        {
            Invalidations++;
            OnInvalidate?.Invoke();
        }
    }
}
