using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SchoolTwitter.Application;
using SchoolTwitter.Application.ContentSafety;
using SchoolTwitter.Application.Notifications;
using SchoolTwitter.Integration.Tests.Rotation;
using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.ContentSafety;
using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Infrastructure.ContentSafety;
using SchoolTwitter.Testing.FakeAzureAi;
using SchoolTwitter.Testing.Logging;

namespace SchoolTwitter.Integration.Tests.ContentSafety;

/// <summary>The REST adapter and the second check against the fake Azure AI server: shapes, auth, retries, failing closed.</summary>
public sealed class AzureContentSafetyTests : IAsyncLifetime
{
    private static readonly byte[] ClassPhoto = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5, 6, 7, 8];
    private FakeAzureAiServer _ai = null!;
    private readonly FakeAiCredential _credential = new();
    private readonly CapturingLoggerProvider _logs = new();
    private readonly RecordingNotifier _notifier = new();

    public async Task InitializeAsync() => _ai = await FakeAzureAiServer.StartAsync();

    public async Task DisposeAsync() => await _ai.DisposeAsync();

    private ServiceProvider Services(string? endpoint, TokenCredential? credential = null, params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["ContentSafety:Endpoint"] = endpoint,
            ["ContentSafety:RequestTimeout"] = "00:00:01",
        };
        foreach (var (k, v) in settings) values[k] = v;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging(l => l.AddProvider(_logs));
        services.AddSingleton(credential ?? _credential);
        services.AddSingleton<INotifier>(_notifier);
        services.AddApplication();
        ContentSafetyClientRegistration.AddContentSafetyClient(services, configuration);
        return services.BuildServiceProvider();
    }

    private SecondOpinion Opinion(params (string, string)[] settings) => Services(_ai.Endpoint, null, settings).GetRequiredService<SecondOpinion>();

    private static Draft ClassPhotoDraft(string text = "Year 2 enjoyed the museum.", bool noPupils = true, params string[] pupils) =>
        new("d1", text, "head@school.example", [new DraftImage("class.jpg", ClassPhoto, "Children at the museum", pupils, noPupils, true)]);

    [Fact]
    public async Task Without_an_endpoint_the_check_is_off_and_nothing_is_sent()
    {
        var opinion = Services(null).GetRequiredService<SecondOpinion>();
        opinion.IsEnabled.ShouldBeFalse();
        (await opinion.CheckDraftAsync(ClassPhotoDraft(), CancellationToken.None)).ShouldBeEmpty();
        _ai.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Text_analysis_reads_the_severities_of_the_documented_shape()
    {
        _ai.RateText("those people", HarmCategories.Hate, 4);
        _ai.RateText("those people", HarmCategories.Violence, 2);
        var safety = await Services(_ai.Endpoint).GetRequiredService<IContentSafety>().AnalyseTextAsync("Those people ruin everything.", CancellationToken.None);

        safety.Categories.ShouldContain(new CategorySeverity(HarmCategories.Hate, 4));
        safety.Categories.ShouldContain(new CategorySeverity(HarmCategories.Violence, 2));
        safety.Categories.Select(c => c.Category).ShouldBe(HarmCategories.All, ignoreOrder: true);
        safety.ProtectedMaterial.ShouldBeFalse();
        _ai.Requests.ShouldBe([FakeAzureAiServer.TextAnalyze, FakeAzureAiServer.ProtectedMaterial]);
        _credential.Requests.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Protected_material_is_detected_and_can_be_switched_off()
    {
        _ai.ProtectText("is this the real life");
        var on = await Services(_ai.Endpoint).GetRequiredService<IContentSafety>().AnalyseTextAsync("Is this the real life? Is this just fantasy?", CancellationToken.None);
        on.ProtectedMaterial.ShouldBeTrue();

        var offServices = Services(_ai.Endpoint, null, ("ContentSafety:DetectProtectedMaterial", "false"));
        var off = await offServices.GetRequiredService<IContentSafety>().AnalyseTextAsync("Is this the real life?", CancellationToken.None);
        off.ProtectedMaterial.ShouldBeFalse();
        _ai.RequestCount(FakeAzureAiServer.ProtectedMaterial).ShouldBe(1);
    }

    [Fact]
    public async Task Image_analysis_and_people_detection_read_the_picture()
    {
        _ai.DescribeImage(ClassPhoto, [0.97, 0.93, 0.88, 0.8, 0.71, 0.65, 0.3], new Dictionary<string, int> { [HarmCategories.Violence] = 2 });
        var safety = await Services(_ai.Endpoint).GetRequiredService<IContentSafety>().AnalyseImageAsync(ClassPhoto, CancellationToken.None);

        safety.PeopleConfidences.Count.ShouldBe(7);
        safety.Categories.ShouldContain(new CategorySeverity(HarmCategories.Violence, 2));
        _ai.Requests.ShouldBe([FakeAzureAiServer.ImageAnalyze, FakeAzureAiServer.PeopleAnalyze]);
    }

    [Fact]
    public async Task A_class_photo_declared_to_show_no_pupils_gets_a_warning_naming_the_count()
    {
        _ai.DescribeImage(ClassPhoto, [0.97, 0.93, 0.88, 0.8, 0.71, 0.65, 0.3]);
        var findings = await Opinion().CheckDraftAsync(ClassPhotoDraft(), CancellationToken.None);

        var finding = findings.ShouldHaveSingleItem();
        finding.Rule.ShouldBe(RuleIds.PeopleInPhoto);
        finding.Message.ShouldContain("shows 6 people; the draft declares no pupils pictured");
    }

    [Fact]
    public async Task Hateful_text_blocks_and_a_draft_the_rules_already_block_is_not_sent()
    {
        _ai.RateText("go back where", HarmCategories.Hate, 6);
        var opinion = Opinion();
        var rules = Verdict.From("d1", 30, []);
        var verdict = await opinion.AddToAsync(rules, Draft.FromText("They should go back where they came from.", "d1"), CancellationToken.None);
        verdict.Outcome.ShouldBe(VerdictOutcome.Blocked);
        verdict.Findings.ShouldContain(f => f.Rule == RuleIds.ContentSafety && f.Severity == Severity.Block);

        var sent = _ai.Requests.Count;
        var blocked = Verdict.From("d2", 30, [new Finding(RuleIds.Offensive, Severity.Block, "Offensive.")]);
        (await opinion.AddToAsync(blocked, ClassPhotoDraft(), CancellationToken.None)).ShouldBeSameAs(blocked);
        _ai.Requests.Count.ShouldBe(sent);
    }

    [Theory]
    [InlineData(FakeAiFault.RateLimited)]
    [InlineData(FakeAiFault.ServerError)]
    [InlineData(FakeAiFault.SlowReply)]
    public async Task Passing_faults_are_retried(FakeAiFault fault)
    {
        _ai.SlowReplyDelay = TimeSpan.FromSeconds(3);
        _ai.InjectFault(FakeAzureAiServer.TextAnalyze, fault);
        var safety = await Services(_ai.Endpoint).GetRequiredService<IContentSafety>().AnalyseTextAsync("Sports day is on Friday.", CancellationToken.None);
        safety.Categories.ShouldAllBe(c => c.Severity == 0);
        _ai.RequestCount(FakeAzureAiServer.TextAnalyze).ShouldBe(2);
    }

    [Fact]
    public async Task A_429_waits_for_its_retry_after()
    {
        _ai.InjectFault(FakeAzureAiServer.TextAnalyze, FakeAiFault.RateLimited);
        var started = DateTimeOffset.UtcNow;
        await Services(_ai.Endpoint).GetRequiredService<IContentSafety>().AnalyseTextAsync("Sports day is on Friday.", CancellationToken.None);
        (DateTimeOffset.UtcNow - started).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9));
    }

    [Theory]
    [InlineData(FakeAiFault.ServerError, 10, "answered 500")]
    [InlineData(FakeAiFault.SlowReply, 10, "did not answer in time")]
    [InlineData(FakeAiFault.MalformedJson, 1, "could not read")]
    [InlineData(FakeAiFault.Unauthorized, 1, "did not accept the app's token (401)")]
    [InlineData(FakeAiFault.Forbidden, 1, "Cognitive Services User")]
    public async Task When_the_service_fails_the_draft_goes_to_review_with_the_reason(FakeAiFault fault, int times, string reason)
    {
        _ai.SlowReplyDelay = TimeSpan.FromSeconds(3);
        _ai.InjectFault(FakeAzureAiServer.TextAnalyze, fault, times);
        var opinion = Opinion(("ContentSafety:MaxAttempts", "2"));

        var verdict = await opinion.AddToAsync(Verdict.From("d1", 20, []), ClassPhotoDraft(), CancellationToken.None);

        verdict.Outcome.ShouldBe(VerdictOutcome.Review);
        var finding = verdict.Findings.ShouldHaveSingleItem();
        finding.Message.ShouldStartWith("The second check could not run");
        finding.Message.ShouldContain(reason);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused_by_the_service()
    {
        var opinion = Services(_ai.Endpoint, new WrongAudienceCredential()).GetRequiredService<SecondOpinion>();
        var finding = (await opinion.CheckDraftAsync(ClassPhotoDraft(), CancellationToken.None)).ShouldHaveSingleItem();
        finding.Message.ShouldContain("401");
    }

    [Fact]
    public async Task Nothing_about_the_draft_the_picture_or_the_token_is_logged()
    {
        _ai.InjectFault(FakeAzureAiServer.ImageAnalyze, FakeAiFault.ServerError, 10);
        var secretText = "Year 2 enjoyed the museum with Ms Hargreaves.";
        await Opinion(("ContentSafety:MaxAttempts", "2")).CheckDraftAsync(ClassPhotoDraft(secretText), CancellationToken.None);

        var token = _credential.GetToken(new TokenRequestContext([AzureContentSafety.Scope]), CancellationToken.None).Token;
        var logged = _logs.AllText;
        logged.ShouldContain("could not run");
        logged.ShouldNotContain("Hargreaves");
        logged.ShouldNotContain(Convert.ToBase64String(ClassPhoto));
        logged.ShouldNotContain(token.Split('.')[1]);
    }

    private sealed class WrongAudienceCredential : TokenCredential
    {
        private readonly FakeAiCredential _inner = new();
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            _inner.GetToken(new TokenRequestContext(["https://storage.azure.com/.default"]), cancellationToken);
        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
