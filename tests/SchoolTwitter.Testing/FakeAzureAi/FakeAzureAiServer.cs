using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SchoolTwitter.Testing.FakeAzureAi;

public enum FakeAiFault
{
    Unauthorized,
    Forbidden,
    /// <summary>429 with Retry-After: 1.</summary>
    RateLimited,
    ServerError,
    /// <summary>Answers after <see cref="FakeAzureAiServer.SlowReplyDelay"/>.</summary>
    SlowReply,
    MalformedJson,
}

/// <summary>
/// Azure AI Content Safety and Image Analysis 4.0 of the project's own, on 127.0.0.1 (Kestrel, port 0). Speaks the documented
/// request and answer shapes for the four calls the app makes, each with its api-version; checks the bearer token's presence
/// and audience (<see cref="FakeAiCredential"/>); answers from what a test declares (words → severity, picture → people).
/// </summary>
public sealed class FakeAzureAiServer : IAsyncDisposable
{
    public const string TextAnalyze = "/contentsafety/text:analyze";
    public const string ProtectedMaterial = "/contentsafety/text:detectProtectedMaterial";
    public const string ImageAnalyze = "/contentsafety/image:analyze";
    public const string PeopleAnalyze = "/computervision/imageanalysis:analyze";

    private static readonly string[] Categories = ["Hate", "Sexual", "Violence", "SelfHarm"];

    private readonly object _gate = new();
    private LoopbackServer _host = null!;
    private readonly List<(string Words, string Category, int Severity)> _textRules = [];
    private readonly List<string> _protected = [];
    private readonly Dictionary<string, (double[] People, Dictionary<string, int> Severities)> _images = [];
    private readonly List<(string Path, FakeAiFault Fault, int Remaining)> _faults = [];
    private readonly List<string> _requests = [];
    private readonly List<byte[]> _receivedImages = [];

    public static async Task<FakeAzureAiServer> StartAsync(CancellationToken ct = default)
    {
        var server = new FakeAzureAiServer();
        server._host = await LoopbackServer.StartAsync(server.HandleAsync, ct);
        server.Endpoint = server._host.Address + "/";
        return server;
    }

    /// <summary>e.g. http://127.0.0.1:41234/ — use as ContentSafety__Endpoint.</summary>
    public string Endpoint { get; private set; } = "";

    public TimeSpan SlowReplyDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>People found in a picture not described by <see cref="DescribeImage"/> (the app re-encodes uploads, so their bytes change).</summary>
    public double[] DefaultPeople { get; set; } = [];

    /// <summary>Paths of the requests received (whatever the answer), in order.</summary>
    public IReadOnlyList<string> Requests { get { lock (_gate) { return [.. _requests]; } } }

    public int RequestCount(string path) { lock (_gate) { return _requests.Count(r => r == path); } }

    /// <summary>Text containing <paramref name="words"/> (case-insensitive) is rated at this severity in the category.</summary>
    public void RateText(string words, string category, int severity) { lock (_gate) { _textRules.Add((words, category, severity)); } }

    /// <summary>Text containing <paramref name="words"/> is reported as protected material.</summary>
    public void ProtectText(string words) { lock (_gate) { _protected.Add(words); } }

    /// <summary>What the service finds in this exact picture: people (confidences) and harm severities.</summary>
    public void DescribeImage(ReadOnlyMemory<byte> image, double[] people, IReadOnlyDictionary<string, int>? severities = null)
    {
        lock (_gate) { _images[Hash(image.Span)] = (people, new Dictionary<string, int>(severities ?? new Dictionary<string, int>())); }
    }

    /// <summary>The next <paramref name="times"/> requests to the path get the fault.</summary>
    public void InjectFault(string path, FakeAiFault fault, int times = 1) { lock (_gate) { _faults.Add((path, fault, times)); } }

    /// <summary>Removes every fault not yet used: the service answers again.</summary>
    public void ClearFaults() { lock (_gate) { _faults.Clear(); } }

    /// <summary>Every picture received (image analysis and people detection), so a test can look for it where it must not be.</summary>
    public IReadOnlyList<byte[]> ReceivedImages { get { lock (_gate) { return [.. _receivedImages]; } } }

    private async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        lock (_gate) { _requests.Add(path); }

        if (!FakeAiCredential.IsValid(http.Request.Headers.Authorization.ToString()))
        {
            await ErrorAsync(http, 401, "PermissionDenied", "Access denied due to invalid subscription key or wrong API endpoint.");
            return;
        }
        var fault = TakeFault(path);
        switch (fault)
        {
            case FakeAiFault.Unauthorized: await ErrorAsync(http, 401, "PermissionDenied", "Token audience is invalid."); return;
            case FakeAiFault.Forbidden: await ErrorAsync(http, 403, "PermissionDenied", "The principal lacks the required data action."); return;
            case FakeAiFault.RateLimited:
                http.Response.Headers.RetryAfter = "1";
                await ErrorAsync(http, 429, "TooManyRequests", "Rate limit is exceeded.");
                return;
            case FakeAiFault.ServerError: await ErrorAsync(http, 500, "InternalServerError", "Internal error."); return;
            case FakeAiFault.SlowReply: await Task.Delay(SlowReplyDelay, http.RequestAborted); break;
            case FakeAiFault.MalformedJson:
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync("{\"categoriesAnalysis\": [", http.RequestAborted);
                return;
        }

        var expectedVersion = path == PeopleAnalyze ? "2024-02-01" : "2024-09-01";
        if (http.Request.Query["api-version"] != expectedVersion)
        {
            await ErrorAsync(http, 404, "404", "Resource not found (unsupported api-version).");
            return;
        }

        JsonNode answer;
        try
        {
            answer = path switch
            {
                TextAnalyze => AnalyseText(await JsonAsync(http)),
                ProtectedMaterial => DetectProtected(await JsonAsync(http)),
                ImageAnalyze => AnalyseImage(await JsonAsync(http)),
                PeopleAnalyze => await DetectPeopleAsync(http),
                _ => throw new BadRequest(404, "Resource not found."),
            };
        }
        catch (BadRequest e)
        {
            await ErrorAsync(http, e.Status, e.Status == 404 ? "404" : "InvalidRequestBody", e.Message);
            return;
        }
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(answer.ToJsonString(), http.RequestAborted);
    }

    private JsonObject AnalyseText(JsonNode body)
    {
        var text = body["text"]?.GetValue<string>() ?? throw new BadRequest(400, "text is required.");
        if (text.Length is 0 or > 10_000) throw new BadRequest(400, "text must be 1 to 10,000 characters.");
        if (body["outputType"]?.GetValue<string>() is { } output && output != "FourSeverityLevels" && output != "EightSeverityLevels")
        {
            throw new BadRequest(400, "outputType is invalid.");
        }
        lock (_gate)
        {
            return new JsonObject
            {
                ["blocklistsMatch"] = new JsonArray(),
                ["categoriesAnalysis"] = Analysis(RequestedCategories(body), c => _textRules
                    .Where(r => r.Category == c && text.Contains(r.Words, StringComparison.OrdinalIgnoreCase))
                    .Select(r => r.Severity).DefaultIfEmpty(0).Max()),
            };
        }
    }

    private JsonObject DetectProtected(JsonNode body)
    {
        var text = body["text"]?.GetValue<string>() ?? throw new BadRequest(400, "text is required.");
        lock (_gate)
        {
            var detected = _protected.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase));
            return new JsonObject { ["protectedMaterialAnalysis"] = new JsonObject { ["detected"] = detected } };
        }
    }

    private JsonObject AnalyseImage(JsonNode body)
    {
        var content = body["image"]?["content"]?.GetValue<string>() ?? throw new BadRequest(400, "image.content is required.");
        byte[] bytes;
        try { bytes = Convert.FromBase64String(content); }
        catch (FormatException) { throw new BadRequest(400, "image.content is not base64."); }
        if (bytes.Length > 4 * 1024 * 1024) throw new BadRequest(400, "The image is larger than 4 MB.");
        lock (_gate)
        {
            _receivedImages.Add(bytes);
            _images.TryGetValue(Hash(bytes), out var known);
            return new JsonObject
            {
                ["categoriesAnalysis"] = Analysis(RequestedCategories(body), c => known.Severities?.GetValueOrDefault(c) ?? 0),
            };
        }
    }

    private async Task<JsonObject> DetectPeopleAsync(HttpContext http)
    {
        if (http.Request.Query["features"] != "people") throw new BadRequest(400, "features must include people.");
        if (http.Request.ContentType != "application/octet-stream") throw new BadRequest(400, "Content-Type must be application/octet-stream.");
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        if (buffer.Length == 0) throw new BadRequest(400, "The image is empty.");
        double[] people;
        lock (_gate)
        {
            _receivedImages.Add(buffer.ToArray());
            people = _images.TryGetValue(Hash(buffer.ToArray()), out var known) ? known.People : DefaultPeople;
        }
        var values = new JsonArray();
        foreach (var (confidence, i) in people.Select((c, i) => (c, i)))
        {
            values.Add(new JsonObject
            {
                ["boundingBox"] = new JsonObject { ["x"] = 10 + 60 * i, ["y"] = 20, ["w"] = 50, ["h"] = 120 },
                ["confidence"] = confidence,
            });
        }
        return new JsonObject
        {
            ["modelVersion"] = "2023-10-01",
            ["metadata"] = new JsonObject { ["width"] = 1024, ["height"] = 768 },
            ["peopleResult"] = new JsonObject { ["values"] = values },
        };
    }

    private static string[] RequestedCategories(JsonNode body) =>
        body["categories"] is JsonArray asked ? [.. asked.Select(c => c!.GetValue<string>())] : Categories;

    private static JsonArray Analysis(string[] categories, Func<string, int> severity) =>
        [.. categories.Select(c => (JsonNode)new JsonObject { ["category"] = c, ["severity"] = severity(c) })];

    private static async Task<JsonNode> JsonAsync(HttpContext http)
    {
        if (http.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            throw new BadRequest(415, "Content-Type must be application/json.");
        }
        try
        {
            return await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) ?? throw new BadRequest(400, "The body is empty.");
        }
        catch (JsonException)
        {
            throw new BadRequest(400, "The body is not JSON.");
        }
    }

    private FakeAiFault? TakeFault(string path)
    {
        lock (_gate)
        {
            var i = _faults.FindIndex(f => f.Path == path && f.Remaining > 0);
            if (i < 0) return null;
            var f = _faults[i];
            _faults[i] = f with { Remaining = f.Remaining - 1 };
            return f.Fault;
        }
    }

    private static Task ErrorAsync(HttpContext http, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString());
    }

    private static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    private sealed class BadRequest(int status, string message) : Exception(message)
    {
        public int Status { get; } = status;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
