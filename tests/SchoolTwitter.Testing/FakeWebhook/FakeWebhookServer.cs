using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SchoolTwitter.Testing.FakeWebhook;

/// <summary>
/// Stands in for a Power Automate "When an HTTP request is received" or Teams Workflows URL on 127.0.0.1:
/// records every JSON body it accepts (202, as Power Automate answers) and can fail the next N requests.
/// </summary>
public sealed class FakeWebhookServer : IAsyncDisposable
{
    private readonly object _gate = new();
    private LoopbackServer _host = null!;
    private readonly List<JsonNode> _received = [];
    private readonly List<TaskCompletionSource> _waiters = [];
    private int _failNext;
    private int _failStatus = 500;
    private int _requests;

    public static async Task<FakeWebhookServer> StartAsync(CancellationToken ct = default)
    {
        var server = new FakeWebhookServer();
        server._host = await LoopbackServer.StartAsync(server.HandleAsync, ct);
        server.Url = server._host.Address + "/workflows/notify";
        return server;
    }

    /// <summary>The URL to configure as Notifications__WebhookUrl.</summary>
    public string Url { get; private set; } = string.Empty;

    /// <summary>JSON bodies accepted so far, in arrival order (failed requests are not recorded).</summary>
    public IReadOnlyList<JsonNode> Received { get { lock (_gate) { return [.. _received]; } } }

    /// <summary>Every request, including the failed ones.</summary>
    public int RequestCount => Volatile.Read(ref _requests);

    /// <summary>The next <paramref name="count"/> requests get <paramref name="status"/> and are not recorded.</summary>
    public void FailNext(int count, int status = 500)
    {
        lock (_gate)
        {
            _failNext = count;
            _failStatus = status;
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> bodies were recorded, or throws TimeoutException.</summary>
    public async Task<IReadOnlyList<JsonNode>> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            TaskCompletionSource waiter;
            lock (_gate)
            {
                if (_received.Count >= count)
                {
                    return [.. _received];
                }

                waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add(waiter);
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || await Task.WhenAny(waiter.Task, Task.Delay(left)) != waiter.Task)
            {
                throw new TimeoutException($"The webhook received {Received.Count} of {count} expected bodies within {timeout}.");
            }
        }
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task HandleAsync(HttpContext ctx)
    {
        Interlocked.Increment(ref _requests);
        using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(ctx.RequestAborted);

        int? fail = null;
        lock (_gate)
        {
            if (_failNext > 0)
            {
                _failNext--;
                fail = _failStatus;
            }
        }

        if (fail is { } status)
        {
            ctx.Response.StatusCode = status;
            return;
        }

        if (!HttpMethods.IsPost(ctx.Request.Method)
            || ctx.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            json = null;
        }

        if (json is null)
        {
            ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        TaskCompletionSource[] waiters;
        lock (_gate)
        {
            _received.Add(json);
            waiters = [.. _waiters];
            _waiters.Clear();
        }

        foreach (var w in waiters)
        {
            w.TrySetResult();
        }

        ctx.Response.StatusCode = StatusCodes.Status202Accepted;
    }
}
