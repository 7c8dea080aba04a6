using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using SchoolTwitter.Application.ContentSafety;
using SchoolTwitter.Core.ContentSafety;

namespace SchoolTwitter.Infrastructure.ContentSafety;

/// <summary>
/// Azure AI Content Safety (text, protected material, image) and Image Analysis 4.0 people detection over REST, with the
/// app's one TokenCredential (the service SDKs are not in our registry). Retries and time limits are the named client's
/// resilience pipeline; whatever still fails becomes <see cref="ContentSafetyUnavailableException"/> with a reason that names
/// the call and the status, never the text, the picture or the token.
/// </summary>
public sealed class AzureContentSafety(IHttpClientFactory http, TokenCredential credential, IOptions<ContentSafetyOptions> options) : IContentSafety
{
    public const string HttpClientName = "azure-ai";
    public const string Scope = "https://cognitiveservices.azure.com/.default";
    internal const string ContentSafetyApiVersion = "2024-09-01";
    internal const string ImageAnalysisApiVersion = "2024-02-01";

    private readonly ContentSafetyOptions _options = options.Value;

    public bool IsEnabled => true;

    public async Task<TextSafety> AnalyseTextAsync(string text, CancellationToken ct)
    {
        var categories = await AnalyseTextHarmAsync(text, ct);

        var detected = false;
        if (_options.DetectProtectedMaterial)
        {
            var material = await SendJsonAsync("protected material detection",
                $"contentsafety/text:detectProtectedMaterial?api-version={ContentSafetyApiVersion}", new JsonObject { ["text"] = text }, ct);
            detected = Read(() => material["protectedMaterialAnalysis"]!["detected"]!.GetValue<bool>(), "protected material detection");
        }
        return new TextSafety(categories, detected);
    }

    public async Task<IReadOnlyList<CategorySeverity>> AnalyseTextHarmAsync(string text, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["text"] = text,
            ["categories"] = Categories(),
            ["outputType"] = "FourSeverityLevels",
        };
        var analysis = await SendJsonAsync("text analysis", $"contentsafety/text:analyze?api-version={ContentSafetyApiVersion}", body, ct);
        return ReadCategories(analysis, "text analysis");
    }

    public async Task<IReadOnlyList<CategorySeverity>> AnalyseImageHarmAsync(ReadOnlyMemory<byte> image, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["image"] = new JsonObject { ["content"] = Convert.ToBase64String(image.Span) },
            ["categories"] = Categories(),
            ["outputType"] = "FourSeverityLevels",
        };
        var analysis = await SendJsonAsync("image analysis", $"contentsafety/image:analyze?api-version={ContentSafetyApiVersion}", body, ct);
        return ReadCategories(analysis, "image analysis");
    }

    public async Task<ImageSafety> AnalyseImageAsync(ReadOnlyMemory<byte> image, CancellationToken ct)
    {
        var categories = await AnalyseImageHarmAsync(image, ct);

        var bytes = new ByteArrayContent(image.ToArray());
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var people = await SendAsync("people detection", $"computervision/imageanalysis:analyze?api-version={ImageAnalysisApiVersion}&features=people", bytes, ct);
        var confidences = Read(() => people["peopleResult"]!["values"]!.AsArray()
            .Select(p => p!["confidence"]!.GetValue<double>()).ToList(), "people detection");
        return new ImageSafety(categories, confidences);
    }

    private static JsonArray Categories() => [.. HarmCategories.All.Select(c => JsonValue.Create(c))];

    private static List<CategorySeverity> ReadCategories(JsonNode answer, string call) => Read(() => answer["categoriesAnalysis"]!.AsArray()
        .Select(c => new CategorySeverity(c!["category"]!.GetValue<string>(), c["severity"]!.GetValue<int>())).ToList(), call);

    private static T Read<T>(Func<T> read, string call)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or FormatException)
        {
            throw new ContentSafetyUnavailableException($"Azure AI {call} answered without the expected fields");
        }
    }

    private Task<JsonNode> SendJsonAsync(string call, string path, JsonObject body, CancellationToken ct) =>
        SendAsync(call, path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), ct);

    private async Task<JsonNode> SendAsync(string call, string path, HttpContent content, CancellationToken ct)
    {
        AccessToken token;
        try
        {
            token = await credential.GetTokenAsync(new TokenRequestContext([Scope]), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw new ContentSafetyUnavailableException("the app could not get a token for Azure AI", e);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Endpoint(), path)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new ContentSafetyUnavailableException(Refusal(call, response.StatusCode));
            }
            var json = await response.Content.ReadAsStringAsync(ct);
            return JsonNode.Parse(json) ?? throw new ContentSafetyUnavailableException($"Azure AI {call} answered with an empty body");
        }
        catch (JsonException)
        {
            throw new ContentSafetyUnavailableException($"Azure AI {call} answered with JSON the app could not read");
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException
                                  || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new ContentSafetyUnavailableException($"Azure AI {call} did not answer in time or could not be reached", e);
        }
    }

    private static string Refusal(string call, HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => $"Azure AI {call} did not accept the app's token (401)",
        HttpStatusCode.Forbidden => $"Azure AI {call} refused the app's identity (403): check its Cognitive Services User role",
        HttpStatusCode.TooManyRequests => $"Azure AI {call} was still busy after retries (429)",
        _ => $"Azure AI {call} answered {(int)status}",
    };

    private Uri Endpoint()
    {
        var endpoint = _options.Endpoint!.TrimEnd('/') + "/";
        return new Uri(endpoint, UriKind.Absolute);
    }
}
