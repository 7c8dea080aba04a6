using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Integration.Tests.Platform;

public sealed class HttpPlumbingTests
{
    [Fact]
    public void Easy_auth_principal_is_read_from_the_request_headers()
    {
        var request = new DefaultHttpContext().Request;
        request.Headers[ClientPrincipalParser.PrincipalHeader] = Principals.Person("head@school.example", role: "SLT");
        request.Headers[ClientPrincipalParser.PrincipalIdHeader] = Principals.ObjectId;
        request.Headers[ClientPrincipalParser.PrincipalNameHeader] = "head@school.example";

        var reading = EasyAuthPrincipal.Read(request, easyAuthEnabled: true);

        reading.IsForged.ShouldBeFalse();
        reading.Principal!.Roles.ShouldContain("SLT");
    }

    [Fact]
    public void A_forged_principal_header_on_the_request_is_detected()
    {
        var request = new DefaultHttpContext().Request;
        request.Headers[ClientPrincipalParser.PrincipalHeader] = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"auth_typ":"aad","claims":"everyone"}"""));
        EasyAuthPrincipal.Read(request, easyAuthEnabled: true).IsForged.ShouldBeTrue();
    }

    [Fact]
    public void A_principal_header_sent_twice_is_forged()
    {
        var request = new DefaultHttpContext().Request;
        request.Headers[ClientPrincipalParser.PrincipalHeader] = new Microsoft.Extensions.Primitives.StringValues(
            [Principals.Person("a@school.example"), Principals.Person("b@school.example", role: "SLT")]);
        EasyAuthPrincipal.Read(request, easyAuthEnabled: true).IsForged.ShouldBeTrue();
    }

    [Fact]
    public void With_easy_auth_off_even_consistent_principal_headers_are_not_read()
    {
        var request = new DefaultHttpContext().Request;
        request.Headers[ClientPrincipalParser.PrincipalHeader] = Principals.Person("head@school.example", role: "SLT");
        request.Headers[ClientPrincipalParser.PrincipalIdHeader] = Principals.ObjectId;

        var reading = EasyAuthPrincipal.Read(request, easyAuthEnabled: false);

        reading.IsAuthenticationOff.ShouldBeTrue();
        reading.Principal.ShouldBeNull();
    }

    [Theory]
    [InlineData("True", true)]
    [InlineData("true", true)]
    [InlineData("False", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Easy_auth_counts_as_on_only_when_the_platform_says_True(string? value, bool on)
    {
        var configuration = Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions.AddInMemoryCollection(
                new Microsoft.Extensions.Configuration.ConfigurationBuilder(),
                new Dictionary<string, string?> { [EasyAuthPrincipal.EnabledSetting] = value })
            .Build();
        EasyAuthPrincipal.IsEnabled(configuration).ShouldBe(on);
    }

    [Fact]
    public void No_principal_headers_read_as_none()
    {
        var reading = EasyAuthPrincipal.Read(new DefaultHttpContext().Request, easyAuthEnabled: true);
        reading.Principal.ShouldBeNull();
        reading.IsForged.ShouldBeFalse();
    }

    [Fact]
    public async Task Bad_request_is_problem_json_naming_every_field()
    {
        var (status, contentType, json) = await Execute(ProblemResults.BadRequest(
            [new InputError("text", "Text is required."), new InputError("media[0].contentBase64", "Not valid base64.")]));

        status.ShouldBe(400);
        contentType.ShouldBe("application/problem+json");
        json.GetProperty("status").GetInt32().ShouldBe(400);
        json.GetProperty("field").GetString().ShouldBe("text");
        json.GetProperty("errors").GetProperty("media[0].contentBase64")[0].GetString().ShouldBe("Not valid base64.");
        json.GetProperty("detail").GetString()!.ShouldContain("text");
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(413)]
    public async Task Other_problems_carry_their_status_as_problem_json(int status)
    {
        var result = status switch
        {
            403 => ProblemResults.Forbidden("Only SLT may submit drafts."),
            404 => ProblemResults.NotFound("No draft d-1."),
            409 => ProblemResults.Conflict("The draft is already published."),
            _ => ProblemResults.PayloadTooLarge(1024),
        };

        var (actual, contentType, json) = await Execute(result);

        actual.ShouldBe(status);
        contentType.ShouldBe("application/problem+json");
        json.GetProperty("status").GetInt32().ShouldBe(status);
        json.GetProperty("title").GetString().ShouldNotBeNullOrEmpty();
        json.GetProperty("detail").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Problem_result_also_runs_as_an_mvc_action_result()
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        await ((IActionResult)ProblemResults.NotFound("No draft d-1.")).ExecuteResultAsync(new ActionContext(context, new RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        context.Response.StatusCode.ShouldBe(404);
    }

    [Fact]
    public async Task A_body_under_the_limit_is_read_whole()
    {
        var body = await BoundedBodyReader.ReadAsync(Request(new byte[1000], declareLength: true), 1000, CancellationToken.None);
        body.TooLarge.ShouldBeFalse();
        body.Bytes!.Length.ShouldBe(1000);
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_without_reading()
    {
        var request = Request(new byte[10], declareLength: false);
        request.ContentLength = 10 * 1024 * 1024;
        var body = await BoundedBodyReader.ReadAsync(request, 1024, CancellationToken.None);
        body.TooLarge.ShouldBeTrue();
        request.Body.Position.ShouldBe(0);
    }

    [Fact]
    public async Task An_undeclared_chunked_body_over_the_limit_is_cut_off()
    {
        var request = Request(new byte[10 * 1024 * 1024], declareLength: false);
        var body = await BoundedBodyReader.ReadAsync(request, 1024 * 1024, CancellationToken.None);
        body.TooLarge.ShouldBeTrue();
        request.Body.Position.ShouldBeLessThanOrEqualTo(1024 * 1024 + 81920);
    }

    private static HttpRequest Request(byte[] body, bool declareLength)
    {
        var request = new DefaultHttpContext().Request;
        request.Body = new MemoryStream(body);
        if (declareLength)
        {
            request.ContentLength = body.Length;
        }

        return request;
    }

    private static async Task<(int Status, string? ContentType, JsonElement Json)> Execute(IResult result)
    {
        var context = new DefaultHttpContext();
        var buffer = new MemoryStream();
        context.Response.Body = buffer;
        await result.ExecuteAsync(context);
        return (context.Response.StatusCode, context.Response.ContentType, JsonDocument.Parse(buffer.ToArray()).RootElement);
    }
}

public sealed class TelemetryRedactionTests
{
    [Fact]
    public void Webhook_signatures_and_function_keys_are_dropped_from_telemetry_urls()
    {
        var initializer = new RedactUrlQueryTelemetryInitializer();
        var dependency = new Microsoft.ApplicationInsights.DataContracts.DependencyTelemetry
        {
            Type = "Http",
            Data = "https://prod.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=SECRET",
            Name = "POST /workflows/abc/triggers/manual/paths/invoke?sig=SECRET",
        };
        var request = new Microsoft.ApplicationInsights.DataContracts.RequestTelemetry { Url = new Uri("https://func.example/api/drafts?code=KEY") };

        initializer.Initialize(dependency);
        initializer.Initialize(request);

        dependency.Data.ShouldNotContain("SECRET");
        dependency.Data.ShouldEndWith("/paths/invoke");
        dependency.Name.ShouldNotContain("SECRET");
        request.Url.ToString().ShouldBe("https://func.example/api/drafts");
    }
}
