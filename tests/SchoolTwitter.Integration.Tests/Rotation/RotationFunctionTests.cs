using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Functions.Rotation;
using SchoolTwitter.Infrastructure.Configuration;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.FakeX;
using SchoolTwitter.Testing.TestHost;

using SchoolTwitter.Testing.KeyVault;

namespace SchoolTwitter.Integration.Tests.Rotation;

/// <summary>The four rotation functions, resolved from the production registrations and called directly.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RotationFunctionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 9, 2, 7, 0, 0, TimeSpan.Zero));
    // The test host's fake X serves one account id to every host; the rotation tables are partitioned by it, so each test gets its own.
    private readonly string _accountId = "18" + Random.Shared.NextInt64(10_000_000_000_000_000, 99_999_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
    private FakeKeyVault _vault = null!;
    private SchoolTwitterTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _vault = new FakeKeyVault(_time);
        _host = await SchoolTwitterTestHost.StartAsync(azurite, o =>
        {
            o.Time = _time;
            o.Settings[SettingNames.HeadTeacherContact] = "head@school.example";
            o.Settings[SettingNames.XAccountId] = _accountId;
            o.ConfigureServices = s => s.Replace(ServiceDescriptor.Singleton(_vault.Client()));
        });
        foreach (var (name, value) in KeyVaultCredentialVaultTests.Pairs(_host.X.Credentials))
            _vault.Seed(name, value, new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero), createdOn: new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private T Function<T>() => ActivatorUtilities.CreateInstance<T>(_host.Services);

    /// <summary>An HTTP function called as the worker calls it: the access middleware first.</summary>
    private Task<Microsoft.AspNetCore.Mvc.IActionResult> Call<T>(Microsoft.AspNetCore.Http.HttpRequest request) where T : class =>
        Platform.HttpFunctions.InvokeAsync<T>(_host.Services, request);

    [Fact]
    public async Task The_timer_opens_the_term_cycle_and_posts_an_Adaptive_Card_with_the_checklist()
    {
        await Function<CredentialRotationCheck>().Run(new TimerInfo(), CancellationToken.None);

        var card = (await _host.Webhook.WaitForAsync(1, TimeSpan.FromSeconds(10))).ShouldHaveSingleItem()
            .ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        card.ShouldContain("Time to change the X account's password and tokens");
        card.ShouldContain("regenerate the access token and secret");
        card.ShouldContain("2026-27-autumn");
    }

    [Fact]
    public async Task A_rotation_alert_the_webhook_could_not_take_is_sent_by_the_next_run()
    {
        _host.Webhook.FailNext(int.MaxValue, 503);

        await Should.ThrowAsync<Application.Notifications.NotificationFailedException>(
            () => Function<CredentialRotationCheck>().Run(new TimerInfo(), CancellationToken.None));
        _host.Webhook.Received.ShouldBeEmpty();

        _host.Webhook.FailNext(0);
        await Function<CredentialRotationCheck>().Run(new TimerInfo(), CancellationToken.None);
        await Function<CredentialRotationCheck>().Run(new TimerInfo(), CancellationToken.None);

        _host.Webhook.Received.ShouldHaveSingleItem().ToJsonString().ShouldContain("rotation.opened");
    }

    [Fact]
    public void The_timer_schedule_comes_from_the_CredentialRotationSchedule_setting()
    {
        var attribute = typeof(CredentialRotationCheck).GetMethod(nameof(CredentialRotationCheck.Run))!.GetParameters()[0].GetCustomAttribute<TimerTriggerAttribute>()!;

        attribute.Schedule.ShouldBe($"%{SettingNames.CredentialRotationSchedule}%");
        attribute.RunOnStartup.ShouldBeFalse();
    }

    [Fact]
    public async Task An_SLT_member_submits_verified_credentials_and_is_told_the_new_versions_never_the_values()
    {
        var fresh = FakeXServer.NewCredentials();
        _host.X.AcceptCredentials(fresh, _accountId);

        var (status, _, body) = await FunctionCall.RenderAsync(await Call<SubmitRotatedCredentials>(
            FunctionCall.Request("POST", SchoolYearTests.Json(fresh), "deputy@school.example")));

        status.ShouldBe(200, body);
        using var json = JsonDocument.Parse(body);
        json.RootElement.GetProperty("versions").GetArrayLength().ShouldBe(4);
        json.RootElement.GetProperty("expiresOn").GetString().ShouldBe("2027-03-20T00:00:00+00:00");
        foreach (var (_, value) in KeyVaultCredentialVaultTests.Pairs(fresh)) body.ShouldNotContain(value);
        _vault.Current(SecretNames.AccessToken)!.Value.ShouldBe(fresh.AccessToken);
        (await _host.Get<IAuditLog>().ReadAsync(json.RootElement.GetProperty("cycleId").GetString()!, CancellationToken.None))
            .ShouldContain(e => e.Action == "credentials.rotated" && e.Actor == "deputy@school.example");
    }

    [Theory]
    [InlineData(null, "SLT", 401, "signed-in principal")]
    [InlineData("teacher@school.example", "Staff", 403, "senior leadership team")]
    public async Task Anyone_but_a_signed_in_SLT_member_is_refused_with_401_or_403(string? email, string role, int expected, string says)
    {
        var fresh = FakeXServer.NewCredentials();
        _host.X.AcceptCredentials(fresh, _accountId);

        var (status, contentType, body) = await FunctionCall.RenderAsync(await Call<SubmitRotatedCredentials>(
            FunctionCall.Request("POST", SchoolYearTests.Json(fresh), email, role)));

        status.ShouldBe(expected);
        contentType.ShouldBe("application/problem+json");
        body.ShouldContain(says);
        _vault.Current(SecretNames.AccessToken)!.Value.ShouldBe(_host.X.Credentials.AccessToken);
    }

    [Fact]
    public async Task A_malformed_submission_is_a_400_naming_the_field()
    {
        var (status, _, body) = await FunctionCall.RenderAsync(await Call<SubmitRotatedCredentials>(
            FunctionCall.Request("POST", """{"consumerKey":"a","consumerSecret":"b","accessToken":"c"}""", "deputy@school.example")));

        status.ShouldBe(400);
        JsonDocument.Parse(body).RootElement.GetProperty("field").GetString().ShouldBe("accessTokenSecret");
    }

    [Fact]
    public async Task Credentials_X_refuses_are_a_422()
    {
        var (status, _, body) = await FunctionCall.RenderAsync(await Call<SubmitRotatedCredentials>(
            FunctionCall.Request("POST", SchoolYearTests.Json(FakeXServer.NewCredentials()), "deputy@school.example")));

        status.ShouldBe(422);
        body.ShouldContain("X did not accept these credentials");
    }

    [Fact]
    public async Task An_oversized_submission_is_a_413()
    {
        var (status, _, _) = await FunctionCall.RenderAsync(await Call<SubmitRotatedCredentials>(
            FunctionCall.Request("POST", new string('x', 5000), "deputy@school.example")));

        status.ShouldBe(413);
    }

    [Fact]
    public async Task Term_dates_are_loaded_or_refused_with_the_field_named()
    {
        var ok = await FunctionCall.RenderAsync(await Call<PutTerms>(FunctionCall.Request("PUT",
            """{"terms":[{"name":"autumn","start":"2026-09-07","end":"2026-12-18"},{"name":"spring","start":"2027-01-05","end":"2027-03-26"},{"name":"summer","start":"2027-04-12","end":"2027-07-21"}]}""",
            "head@school.example")));
        var bad = await FunctionCall.RenderAsync(await Call<PutTerms>(FunctionCall.Request("PUT",
            """{"terms":[{"name":"autumn","start":"2026-12-18","end":"2026-09-07"}]}""", "head@school.example")));

        ok.Status.ShouldBe(200, ok.Body);
        ok.Body.ShouldContain("\"id\":\"2026-27-autumn\"");
        bad.Status.ShouldBe(400);
        bad.Body.ShouldContain("terms[0].end");
    }

    [Fact]
    public async Task Status_shows_term_cycle_and_secret_ages_without_values()
    {
        await Function<CredentialRotationCheck>().Run(new TimerInfo(), CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(3));

        var (status, _, body) = await FunctionCall.RenderAsync(await Call<GetCredentialStatus>(FunctionCall.Request("GET", null, "head@school.example")));

        status.ShouldBe(200, body);
        using var json = JsonDocument.Parse(body);
        json.RootElement.GetProperty("currentTerm").GetProperty("id").GetString().ShouldBe("2026-27-autumn");
        json.RootElement.GetProperty("openCycle").GetProperty("daysOpen").GetInt32().ShouldBe(3);
        json.RootElement.GetProperty("daysUntilDue").GetInt32().ShouldBe(11);
        var secrets = json.RootElement.GetProperty("secrets");
        secrets.GetArrayLength().ShouldBe(4);
        secrets[0].GetProperty("ageDays").GetInt32().ShouldBe(127);
        secrets[0].GetProperty("state").GetString().ShouldBe("ok");
        foreach (var (_, value) in KeyVaultCredentialVaultTests.Pairs(_host.X.Credentials)) body.ShouldNotContain(value);
    }
}
