using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Integration.Tests.Platform;

/// <summary>
/// Calls an HTTP function as the Functions worker does: <see cref="HttpAccessMiddleware"/> first (on a function context
/// carrying the request's HttpContext, the function's entry point and its route values), then the function's own method.
/// A refusal the middleware wrote to the response comes back as the <see cref="ProblemResult"/> it wrote.
/// </summary>
public static class HttpFunctions
{
    public static Task<IActionResult> InvokeAsync<TFunction>(IServiceProvider services, HttpRequest request, params (string Name, string Value)[] route)
        where TFunction : class =>
        InvokeAsync(typeof(TFunction), services, request, route);

    public static Task<IActionResult> InvokeAsync(Type functionType, IServiceProvider services, HttpRequest request, params (string Name, string Value)[] route) =>
        InvokeAsync(functionType.GetMethods().Single(m => m.GetCustomAttribute<FunctionAttribute>() is not null), services, request, route);

    /// <summary>One function method (a class may hold several, as the SLT page's do).</summary>
    public static async Task<IActionResult> InvokeAsync(MethodInfo method, IServiceProvider services, HttpRequest request, params (string Name, string Value)[] route)
    {
        var functionType = method.DeclaringType!;
        var name = method.GetCustomAttribute<FunctionAttribute>()!.Name;
        var values = route.ToDictionary(r => r.Name, r => (object?)r.Value, StringComparer.OrdinalIgnoreCase);
        var http = request.HttpContext;
        if (http.RequestServices is null) http.RequestServices = services;
        if (http.Response.Body == Stream.Null) http.Response.Body = new MemoryStream();

        var context = new TestFunctionContext(services, name, $"{functionType.FullName}.{method.Name}", values, http);
        var middleware = ActivatorUtilities.CreateInstance<HttpAccessMiddleware>(services);
        IActionResult? result = null;
        await middleware.Invoke(context, async ctx =>
        {
            var function = ActivatorUtilities.CreateInstance(services, functionType);
            var arguments = method.GetParameters().Select(p => Argument(p, request, values, ctx)).ToArray();
            result = method.Invoke(function, arguments) switch
            {
                Task<IActionResult> pending => await pending,
                var done => (IActionResult)done!,
            };
        });
        return result ?? WrittenProblem(http);
    }

    private static object? Argument(ParameterInfo parameter, HttpRequest request, Dictionary<string, object?> route, FunctionContext context) =>
        parameter.ParameterType == typeof(HttpRequest) ? request
        : parameter.ParameterType == typeof(CancellationToken) ? CancellationToken.None
        : parameter.ParameterType == typeof(FunctionContext) ? context
        : route.TryGetValue(parameter.Name!, out var value) ? value
        : throw new InvalidOperationException($"No route value for {parameter.Name}.");

    private static ProblemResult WrittenProblem(HttpContext http)
    {
        http.Response.ContentType.ShouldBe(ProblemResults.ContentType, "a refusal is problem+json");
        var body = (MemoryStream)http.Response.Body;
        var problem = JsonSerializer.Deserialize<ProblemDetails>(body.ToArray(), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        problem.Status.ShouldBe(http.Response.StatusCode);
        return new ProblemResult(problem);
    }

    private sealed class TestFunctionContext(IServiceProvider services, string name, string entryPoint, Dictionary<string, object?> route, HttpContext http)
        : FunctionContext
    {
        public override string InvocationId { get; } = Guid.NewGuid().ToString();
        public override string FunctionId { get; } = name;
        public override TraceContext TraceContext => throw new NotSupportedException();
        public override BindingContext BindingContext { get; } = new TestBindingContext(route);
        public override RetryContext RetryContext => throw new NotSupportedException();
        public override IServiceProvider InstanceServices { get; set; } = services;
        public override FunctionDefinition FunctionDefinition { get; } = new TestFunctionDefinition(name, entryPoint);

        // The key the ASP.NET Core integration stores the request's HttpContext under (FunctionContext.GetHttpContext reads it).
        public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object> { ["HttpRequestContext"] = http };

        public override IInvocationFeatures Features => throw new NotSupportedException();
        public override CancellationToken CancellationToken => CancellationToken.None;
    }

    private sealed class TestBindingContext(Dictionary<string, object?> route) : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData { get; } = route;
    }

    private sealed class TestFunctionDefinition(string name, string entryPoint) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters => [];
        public override string PathToAssembly => typeof(HttpAccessMiddleware).Assembly.Location;
        public override string EntryPoint { get; } = entryPoint;
        public override string Id { get; } = name;
        public override string Name { get; } = name;
        public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; } =
            ImmutableDictionary<string, BindingMetadata>.Empty.Add("request", new HttpTriggerBinding());
        public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; } = ImmutableDictionary<string, BindingMetadata>.Empty;
    }

    private sealed class HttpTriggerBinding : BindingMetadata
    {
        public override string Name => "request";
        public override string Type => "httpTrigger";
        public override BindingDirection Direction => BindingDirection.In;
    }
}
