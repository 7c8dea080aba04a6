using System.Net;
using System.Reflection;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.LocalTrial.Loopback;

/// <summary>
/// Serves the Functions app's HTTP functions over loopback with Kestrel, and runs its queue-triggered functions from the
/// real queues, the way the Functions host does: for each request the function's route and methods come from its own
/// attributes (<see cref="FunctionCatalog"/>), <see cref="HttpAccessMiddleware"/> runs first on a function context, then the
/// function class is activated with the app's services and its method called; the IActionResult is executed as ASP.NET
/// Core would. A local trial and test host only: production is Azure Functions.
/// </summary>
public sealed class FunctionsLoopbackHost : IAsyncDisposable
{
    private const int MaxDequeueCount = 5; // host.json extensions.queues.maxDequeueCount

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _pumps = [];
    private readonly IServiceProvider _functions;
    private readonly HttpAccessMiddleware _middleware;
    private readonly ILogger _logger;

    private FunctionsLoopbackHost(WebApplication app, IServiceProvider functions)
    {
        _app = app;
        _functions = functions;
        _middleware = ActivatorUtilities.CreateInstance<HttpAccessMiddleware>(functions);
        _logger = functions.GetRequiredService<ILoggerFactory>().CreateLogger<FunctionsLoopbackHost>();
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Queue messages handled so far (tests wait on this rather than on time).</summary>
    public int Handled => Volatile.Read(ref _handled);

    private int _handled;

    /// <param name="functions">The app's services (Program.cs's registrations, pointed at Azurite and the fakes) plus AddMvcCore for executing results.</param>
    public static async Task<FunctionsLoopbackHost> StartAsync(IServiceProvider functions, TrialSignIn signIn, string title, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var host = new FunctionsLoopbackHost(app, functions);

        signIn.Map(app, title);
        foreach (var function in FunctionCatalog.Http())
        {
            app.MapMethods("/api/" + function.Route, function.Methods, (HttpContext http) => host.HandleAsync(http, function, signIn));
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.BaseAddress = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/");
        foreach (var queue in FunctionCatalog.Queues()) host._pumps.Add(Task.Run(() => host.PumpAsync(queue)));
        return host;
    }

    private async Task HandleAsync(HttpContext http, HttpFunction function, TrialSignIn signIn)
    {
        signIn.Apply(http.Request);
        await using var scope = _functions.CreateAsyncScope();
        http.RequestServices = scope.ServiceProvider;
        var route = http.GetRouteData().Values.ToDictionary(v => v.Key, v => (object?)v.Value?.ToString(), StringComparer.OrdinalIgnoreCase);
        var context = new LoopbackFunctionContext(scope.ServiceProvider, function.Name, function.EntryPoint, route, http, http.RequestAborted);

        IActionResult? result = null;
        await _middleware.Invoke(context, async ctx =>
        {
            var instance = function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(scope.ServiceProvider, function.Type);
            var arguments = function.Method.GetParameters().Select(p => Argument(p, http, route, ctx)).ToArray();
            result = function.Method.Invoke(instance, arguments) switch
            {
                Task<IActionResult> pending => await pending,
                IActionResult done => done,
                var other => throw new InvalidOperationException($"{function.Name} returned {other?.GetType().Name ?? "null"}, not an IActionResult."),
            };
        });
        // Null: the middleware refused and wrote the answer itself.
        if (result is not null) await result.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
    }

    private static object? Argument(ParameterInfo parameter, HttpContext http, IReadOnlyDictionary<string, object?> route, Microsoft.Azure.Functions.Worker.FunctionContext context) =>
        parameter.ParameterType == typeof(HttpRequest) ? http.Request
        : parameter.ParameterType == typeof(CancellationToken) ? http.RequestAborted
        : parameter.ParameterType == typeof(Microsoft.Azure.Functions.Worker.FunctionContext) ? context
        : route.TryGetValue(parameter.Name!, out var value) ? value
        : throw new InvalidOperationException($"No route value for {parameter.Name}.");

    /// <summary>Receives from the function's queue and calls it, deleting a message only when the function succeeds; after five failures the message goes to the poison queue, as the Functions host does.</summary>
    private async Task PumpAsync(QueueFunction function)
    {
        var queues = _functions.GetRequiredService<QueueServiceClient>();
        var queue = queues.GetQueueClient(function.Queue);
        var poison = queues.GetQueueClient(function.Queue + "-poison");
        await queue.CreateIfNotExistsAsync(cancellationToken: _stop.Token);
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var batch = (await queue.ReceiveMessagesAsync(8, TimeSpan.FromSeconds(30), _stop.Token)).Value;
                if (batch.Length == 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(250), _stop.Token);
                    continue;
                }
                foreach (var message in batch)
                {
                    try
                    {
                        await using var scope = _functions.CreateAsyncScope();
                        var instance = ActivatorUtilities.CreateInstance(scope.ServiceProvider, function.Type);
                        await (Task)function.Method.Invoke(instance, [message.Body.ToString(), _stop.Token])!;
                        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, _stop.Token);
                    }
                    catch (Exception e) when (!_stop.IsCancellationRequested)
                    {
                        _logger.LogWarning(e, "{Function} failed on a message (attempt {Attempt})", function.Name, message.DequeueCount);
                        if (message.DequeueCount >= MaxDequeueCount)
                        {
                            await poison.CreateIfNotExistsAsync(cancellationToken: _stop.Token);
                            await poison.SendMessageAsync(message.Body, cancellationToken: _stop.Token);
                            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, _stop.Token);
                        }
                        else
                        {
                            await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, message.Body, TimeSpan.FromSeconds(2), _stop.Token);
                        }
                    }
                    Interlocked.Increment(ref _handled);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "Queue {Queue} could not be read; trying again", function.Queue);
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_pumps);
        }
        catch (OperationCanceledException)
        {
        }
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stop.Dispose();
    }
}
