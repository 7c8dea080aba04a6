using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using SchoolTwitter.Application.X;
using SchoolTwitter.Infrastructure.X;
using SchoolTwitter.Testing.FakeX;
using SchoolTwitter.Testing.Logging;

namespace SchoolTwitter.Integration.Tests.Platform;

/// <summary>
/// The X client's requests and response records against the names X's OpenAPI document 2.167 gives (<see cref="XApiContract"/>,
/// derived from the document): every operation it calls exists, every query parameter and value is listed, every request body
/// property is allowed, and every response property it reads is in the document or is a listed long-standing name.
/// </summary>
public sealed class XApiContractTests
{
    private static XApiContract Contract => XApiContract.Current;

    private static JsonObject Schemas => Contract.Schemas;

    [Fact]
    public async Task Every_request_the_client_makes_is_an_operation_of_the_document_with_listed_parameters_and_fields()
    {
        var requests = await EveryCallAsync();

        requests.Select(r => r.Operation["path"]!.GetValue<string>()).Distinct().Count().ShouldBe(Contract.Operations.Count(),
            "every operation in the contract is one the client calls");
        foreach (var request in requests)
        {
            var allowed = Contract.Query(request.Method, request.Operation["path"]!.GetValue<string>());
            foreach (var (name, value) in Query(request.Url))
            {
                var known = allowed.ContainsKey(name) ? allowed : Contract.LegacyQuery;
                known.ShouldContainKey(name, $"{request}: query parameter {name} is not in the document");
                if (known[name] is { } values)
                {
                    value.Split(',').ShouldBeSubsetOf(values, $"{request}: {name}={value}");
                }
            }

            if (request.Operation["body"]?.GetValue<string>() is { } body)
            {
                request.Operation["bodyContentTypes"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldContain(request.ContentType, request.ToString());
                if (request.Json is { } json) CheckBody(json, body, request.ToString());
                foreach (var part in request.Parts) Contract.Properties(body).ShouldContain(part, $"{request}: multipart field");
            }
        }
    }

    [Fact]
    public void Every_property_the_client_reads_is_in_the_document_or_a_listed_long_standing_name()
    {
        var context = XJsonContext.Default;
        (Type Dto, string Schema)[] responses =
        [
            (typeof(XResponse<XUserDto>), "GetUsersMeResponse"),
            (typeof(XPageResponse<XPostDto>), "GetUsersPostsResponse"),
            (typeof(XPageResponse<XPostDto>), "GetUsersMentionsResponse"),
            (typeof(XPageResponse<XUserDto>), "GetUsersFollowersResponse"),
            (typeof(XPageResponse<XUserDto>), "GetUsersFollowingResponse"),
            (typeof(XResponse<XCreatedPostDto>), "CreatePostsResponse"),
            (typeof(XResponse<XMediaDto>), "MediaUploadResponse"),
            (typeof(XResponse<XMediaMetadataResultDto>), "CreateMediaMetadataResponse"),
            (typeof(XResponse<XMutingDto>), "MuteUserResponse"),
            (typeof(XResponse<XHiddenDto>), "HidePostsReplyResponse"),
        ];
        foreach (var (dto, schema) in responses)
        {
            CheckRecord(context.GetTypeInfo(dto)!, schema);
        }

        CheckRecord(context.GetTypeInfo(typeof(XErrorBody))!, "InvalidRequestProblem", legacy: "ErrorBody");
    }

    /// <summary>Each JSON property of the record is the schema's (or a listed long-standing name); nested records are checked against theirs.</summary>
    private static void CheckRecord(JsonTypeInfo type, string schema, string? legacy = null)
    {
        var properties = Contract.Properties(schema).Concat(Contract.LegacyProperties(legacy ?? schema)).ToHashSet();
        var objects = Schemas[schema]?["objects"]?.AsObject();
        foreach (var property in type.Properties)
        {
            properties.ShouldContain(property.Name, $"{type.Type.Name}.{property.Name} against {schema}");
            var inner = ElementType(property.PropertyType);
            if (property.Name == "errors")
            {
                CheckProblem(XJsonContext.Default.GetTypeInfo(inner)!);
            }
            else if (property.Name == "meta")
            {
                var meta = Schemas[schema]!["meta"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
                XJsonContext.Default.GetTypeInfo(inner)!.Properties.Select(p => p.Name).ShouldBeSubsetOf(meta, $"{type.Type.Name}.meta");
            }
            else if (objects?[property.Name]?.GetValue<string>() is { } nested)
            {
                CheckRecord(XJsonContext.Default.GetTypeInfo(inner)!, nested);
            }
        }
    }

    /// <summary>An errors item is one of the document's problems (invalid request, resource not found) or its older error (code, message).</summary>
    private static void CheckProblem(JsonTypeInfo type)
    {
        var names = new[] { "InvalidRequestProblem", "ResourceNotFoundProblem", "Error" }.SelectMany(Contract.Properties)
            .Concat(Contract.LegacyProperties("Problem")).ToHashSet();
        type.Properties.Select(p => p.Name).ShouldBeSubsetOf(names, type.Type.Name);
    }

    private static void CheckBody(JsonNode json, string schema, string what)
    {
        var closed = Schemas[schema]!["closed"]!.GetValue<bool>();
        var objects = Schemas[schema]!["objects"]?.AsObject();
        foreach (var (name, value) in json.AsObject())
        {
            if (closed) Contract.Properties(schema).ShouldContain(name, $"{what}: body field of {schema}");
            if (objects?[name]?.GetValue<string>() is { } nested && value is JsonObject inner) CheckBody(inner, nested, what);
        }
    }

    private static Type ElementType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : type;

    private static IEnumerable<(string Name, string Value)> Query(Uri url) =>
        url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Select(p => (Uri.UnescapeDataString(p[0]), Uri.UnescapeDataString(p.Length > 1 ? p[1] : "")));

    /// <summary>Each of the client's calls once, answered as X would, with every request recorded.</summary>
    private static async Task<List<RecordedRequest>> EveryCallAsync()
    {
        var recorded = new List<RecordedRequest>();
        var handler = new RecordingHandler(recorded);
        var client = new XApiClient(XHttpClients.Signed(TimeProvider.System, handler), new StaticXCredentialSource(FakeXServer.NewCredentials()),
            TimeProvider.System, Options.Create(new XApiOptions { BaseUrl = "https://api.x.com" }), new CapturingLoggerProvider().CreateLogger<XApiClient>());

        await client.GetMeAsync(CancellationToken.None);
        var media = await client.UploadImageAsync(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, "image/png", CancellationToken.None);
        await client.SetAltTextAsync(media, "Pupils planting trees", CancellationToken.None);
        await client.CreatePostAsync(new XNewPost("Our tree planting.", [media], "following"), CancellationToken.None);
        await client.GetRecentPostsAsync("42", 100, "token1", CancellationToken.None);
        await client.GetMentionsAsync("42", "1860000000000000001", "token2", CancellationToken.None);
        await client.GetFollowersAsync("42", "token3", CancellationToken.None, maxResults: 100);
        await client.GetFollowingAsync("42", null, CancellationToken.None);
        await client.MuteAsync("42", "7", CancellationToken.None);
        await client.HideReplyAsync("5", CancellationToken.None);
        return recorded;
    }

    private sealed record RecordedRequest(string Method, Uri Url, JsonObject Operation, string? ContentType, JsonNode? Json, IReadOnlyList<string> Parts)
    {
        public override string ToString() => $"{Method} {Url.AbsolutePath}";
    }

    /// <summary>Records each request against its contract operation and answers with X's success shape for it.</summary>
    private sealed class RecordingHandler(List<RecordedRequest> recorded) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var method = request.Method.Method;
            var path = request.RequestUri!.AbsolutePath;
            var operation = Contract.Find(method, path);
            operation.ShouldNotBeNull($"{method} {path} is not an operation of the document");

            var contentType = request.Content?.Headers.ContentType?.MediaType;
            JsonNode? json = null;
            var parts = new List<string>();
            if (contentType == "application/json")
            {
                json = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
            }
            else if (request.Content is MultipartFormDataContent multipart)
            {
                parts.AddRange(multipart.Select(p => p.Headers.ContentDisposition!.Name!.Trim('"')));
            }

            recorded.Add(new RecordedRequest(method, request.RequestUri, operation, contentType, json, parts));
            var status = operation["success"]!.AsArray()[0]!.GetValue<int>();
            return new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(Answer(path), Encoding.UTF8, "application/json") };
        }

        private static string Answer(string path) => path switch
        {
            "/2/users/me" => """{"data":{"id":"42","username":"school","name":"School"}}""",
            "/2/media/upload" => """{"data":{"id":"9","media_key":"3_9"}}""",
            "/2/media/metadata" => """{"data":{"id":"9"}}""",
            "/2/tweets" => """{"data":{"id":"1","text":"Our tree planting."}}""",
            _ when path.EndsWith("/muting", StringComparison.Ordinal) => """{"data":{"muting":true}}""",
            _ when path.EndsWith("/hidden", StringComparison.Ordinal) => """{"data":{"hidden":true}}""",
            _ => """{"meta":{"result_count":0}}""",
        };

    }
}
