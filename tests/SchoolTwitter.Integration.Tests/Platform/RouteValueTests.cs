using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Functions.Http;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.TestHost;

namespace SchoolTwitter.Integration.Tests.Platform;

/// <summary>
/// Every HTTP function whose route carries a value ({id}, {email}, {handle}) refuses a value storage cannot take with a 400
/// naming the field, audited, before anything else runs (issue 10, defect 8). Found by reflection, so a new route is covered.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RouteValueTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private SchoolTwitterTestHost _host = null!;

    public async Task InitializeAsync() => _host = await SchoolTwitterTestHost.StartAsync(azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, string> RoutesWithValues()
    {
        var data = new TheoryData<string, string>();
        foreach (var (function, _, parameter) in HttpFunctionsWithRouteValues()) data.Add(Name(function), parameter.Name!);
        return data;
    }

    [Fact]
    public void Every_route_value_is_covered()
    {
        var functions = HttpFunctionsWithRouteValues().Select(f => f.Function.DeclaringType!.Name).Distinct().ToList();
        functions.ShouldBe(["ApproveDraft", "ConfirmTakeDown", "DecideFollower", "GetDraft", "GetProtectionCase", "MarkPupilMustNotBeSeen", "PutSltMember", "RemoveApprovedFollow", "RemoveSltMember",
            "PageDrafts", "PageMembers", "PageProtection", "PageReview", "PageShell"], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(RoutesWithValues))]
    public async Task A_route_value_over_1_KiB_or_with_a_key_breaking_character_is_a_400_naming_the_field_and_audited(string functionName, string field)
    {
        var (function, route, _) = HttpFunctionsWithRouteValues().Single(f => Name(f.Function) == functionName);
        foreach (var bad in new[] { new string('a', 1_500), "a/b", "a#b", "a\\b", "a%2F", "a\u0001b", "\uD83D" })
        {
            var marker = Guid.NewGuid().ToString("N");
            var value = marker + bad;
            var path = "/api/" + route.Replace("{" + field + "}", value, StringComparison.Ordinal);

            var result = await InvokeAsync(function, path, value);

            var problem = result.ShouldBeOfType<ProblemResult>($"{functionName} with {Printable(bad)}");
            problem.StatusCode.ShouldBe(400, $"{functionName} with {Printable(bad)}");
            problem.Problem.Extensions["field"].ShouldBe(field);
            problem.Problem.Detail.ShouldNotBeNull().ShouldStartWith(field + ":");
            var audit = await _host.Get<IAuditLog>().ReadAsync(RouteValues.AuditSubject, CancellationToken.None);
            audit.ShouldContain(e => e.Action == RouteValues.RefusedAction && e.Outcome.StartsWith($"refused: {field} ", StringComparison.Ordinal)
                && e.Detail!.Contains(marker), $"{functionName} with {Printable(bad)}");
        }
    }

    [Theory]
    [InlineData("0190f3a0b1c27d3e8f9a0b1c2d3e4f50")]
    [InlineData("head.teacher+slt@st-marys.example.sch.uk")]
    [InlineData("StMarysPrimary_1")]
    [InlineData("1500000000000000001")]
    public void Real_ids_addresses_and_handles_pass(string value) => RouteValues.Problem(value).ShouldBeNull();

    private async Task<IActionResult> InvokeAsync(MethodInfo function, string path, string value)
    {
        var instance = ActivatorUtilities.CreateInstance(_host.Services, function.DeclaringType!);
        var method = function;
        var verb = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).First(a => a is not null)!.Methods![0].ToUpperInvariant();
        var request = _host.Request(verb, path, verb is "POST" or "PUT" ? "{}" : null);
        var arguments = method.GetParameters().Select(p => p.ParameterType == typeof(HttpRequest) ? request
            : p.ParameterType == typeof(CancellationToken) ? CancellationToken.None
            : p.ParameterType == typeof(string) ? (object)value
            : throw new InvalidOperationException($"{method.DeclaringType!.Name} takes a {p.ParameterType.Name}.")).ToArray();
        return await (Task<IActionResult>)method.Invoke(instance, arguments)!;
    }

    private static IEnumerable<(MethodInfo Function, string Route, ParameterInfo Parameter)> HttpFunctionsWithRouteValues() =>
        from type in typeof(RouteValues).Assembly.GetTypes()
        from method in type.GetMethods()
        where method.GetCustomAttribute<FunctionAttribute>() is not null
        let trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null)
        where trigger?.Route is { } route && route.Contains('{')
        from parameter in method.GetParameters()
        where parameter.ParameterType == typeof(string) && trigger.Route!.Contains("{" + parameter.Name + "}", StringComparison.Ordinal)
        select (method, trigger.Route!, parameter);

    private static string Name(MethodInfo function) => $"{function.DeclaringType!.Name}.{function.Name}";

    private static string Printable(string value) => value.Length > 20 ? $"{value.Length} characters" : string.Concat(value.Select(c => c < ' ' || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}
