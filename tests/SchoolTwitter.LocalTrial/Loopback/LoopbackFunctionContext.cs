using System.Collections.Immutable;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.LocalTrial.Loopback;

/// <summary>
/// The parts of a Functions invocation that <see cref="HttpAccessMiddleware"/> reads: the function's name and entry point, an
/// httpTrigger input binding, the route values as binding data, and the request's HttpContext under the key the ASP.NET Core
/// integration uses. Anything else throws, so a middleware that starts needing more fails loudly here.
/// </summary>
public sealed class LoopbackFunctionContext : FunctionContext
{
    // The key the Functions ASP.NET Core integration stores the request's HttpContext under (FunctionContext.GetHttpContext reads it).
    private const string HttpContextKey = "HttpRequestContext";

    public LoopbackFunctionContext(IServiceProvider services, string name, string entryPoint, IReadOnlyDictionary<string, object?> bindingData,
        HttpContext? http, CancellationToken cancellation)
    {
        InstanceServices = services;
        FunctionId = name;
        FunctionDefinition = new Definition(name, entryPoint, http is not null);
        BindingContext = new Binding(bindingData);
        Items = http is null ? new Dictionary<object, object>() : new Dictionary<object, object> { [HttpContextKey] = http };
        CancellationToken = cancellation;
    }

    public override string InvocationId { get; } = Guid.NewGuid().ToString();
    public override string FunctionId { get; }
    public override TraceContext TraceContext => throw new NotSupportedException("The loopback host has no trace context.");
    public override BindingContext BindingContext { get; }
    public override RetryContext RetryContext => throw new NotSupportedException("The loopback host does not retry.");
    public override IServiceProvider InstanceServices { get; set; }
    public override FunctionDefinition FunctionDefinition { get; }
    public override IDictionary<object, object> Items { get; set; }
    public override IInvocationFeatures Features => throw new NotSupportedException("The loopback host has no invocation features.");
    public override CancellationToken CancellationToken { get; }

    private sealed class Binding(IReadOnlyDictionary<string, object?> data) : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData { get; } = data;
    }

    private sealed class Definition(string name, string entryPoint, bool http) : FunctionDefinition
    {
        public override string Name { get; } = name;
        public override string Id => Name;
        public override string EntryPoint { get; } = entryPoint;
        public override string PathToAssembly { get; } = typeof(HttpAccessMiddleware).Assembly.Location;
        public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; } =
            ImmutableDictionary<string, BindingMetadata>.Empty.Add("trigger", new Trigger(http ? "httpTrigger" : "queueTrigger"));
        public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
        public override ImmutableArray<FunctionParameter> Parameters => ImmutableArray<FunctionParameter>.Empty;
    }

    private sealed class Trigger(string type) : BindingMetadata
    {
        public override string Name => "trigger";
        public override string Type { get; } = type;
        public override BindingDirection Direction => BindingDirection.In;
    }
}
