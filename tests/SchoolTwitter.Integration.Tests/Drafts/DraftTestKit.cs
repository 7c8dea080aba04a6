using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Roster;
using SchoolTwitter.Functions.Drafts;
using SchoolTwitter.Functions.Http;
using SchoolTwitter.Integration.Tests.Platform;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.TestHost;

namespace SchoolTwitter.Integration.Tests.Drafts;

/// <summary>
/// The draft pipeline as the Functions host would run it: the real services on Azurite, the fake X and fake webhook,
/// with the trigger classes called directly and the queues drained by hand (as the host's queue listener would).
/// </summary>
public sealed class DraftTestKit : IAsyncDisposable
{
    /// <summary>A word the test rule warns about, to drive the review path whatever rules the checker has.</summary>
    public const string WarnWord = "provisionally";

    private readonly QueueServiceClient _queues;

    private DraftTestKit(SchoolTwitterTestHost host)
    {
        Host = host;
        _queues = host.Get<QueueServiceClient>();
    }

    public SchoolTwitterTestHost Host { get; }

    /// <param name="services">Service changes on top of the kit's own (e.g. another logging provider).</param>
    public static async Task<DraftTestKit> StartAsync(AzuriteFixture azurite, TimeProvider? time = null, Action<SchoolTwitterTestHostOptions>? configure = null,
        Action<DraftPipelineOptions>? pipeline = null, Action<IServiceCollection>? services = null)
    {
        var host = await SchoolTwitterTestHost.StartAsync(azurite, o =>
        {
            o.Time = time;
            o.ConfigureServices = collection =>
            {
                // The school's real rules plus one that only warns, so the four-eyes path can be driven deterministically.
                collection.RemoveAll<CodeOfConductChecker>();
                collection.AddSingleton(_ => new CodeOfConductChecker([.. CodeOfConductFactory.CreateDefault().Rules, new WarnWordRule(WarnWord), new RosterProbeRule()]));
                // Reconciliation looks again twice, quickly: the fake's timeline has no lag unless a test sets one.
                collection.Configure<DraftPipelineOptions>(p => p.ReconcileLookAgain = [TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(40)]);
                if (pipeline is not null) collection.Configure(pipeline);
                services?.Invoke(collection);
            };
            configure?.Invoke(o);
        });
        var kit = new DraftTestKit(host);
        await kit.EnsureRosterAsync();
        return kit;
    }

    /// <summary>Pupils no test text names: a roster must exist for a draft with pictures to pass (tests share one Azurite).</summary>
    public static readonly PupilRoster StandInRoster = new([new Pupil("T001", "Zebedee", "Quillfeather", true), new Pupil("T002", "Ottoline", "Brackenbury", false)]);

    private async Task EnsureRosterAsync()
    {
        var store = Get<IPupilRosterStore>();
        if ((await store.GetAsync(CancellationToken.None)).Pupils.Count == 0) await store.ReplaceAsync(StandInRoster, CancellationToken.None);
    }

    /// <summary>A draft with a warning only, checked and waiting for a second SLT member.</summary>
    public async Task<string> AwaitingApprovalAsync(string submittedBy)
    {
        var text = $"Sports day is {WarnWord} on Friday; {UniqueText("we raised")}";
        var id = (await SubmitAsync(DraftJson(text, submittedBy))).Str("id");
        await RunCheckQueueAsync(id);
        (await DraftAsync(id))!.Status.ShouldBe(DraftStatus.AwaitingApproval);
        return id;
    }

    public T Function<T>() where T : class => ActivatorUtilities.CreateInstance<T>(Host.Services);

    public T Get<T>() where T : notnull => Host.Get<T>();

    /// <summary>The date the test school's SLT signed the Social Media User Agreement (council policy 6.1).</summary>
    public static readonly DateOnly AgreementSigned = new(2026, 9, 1);

    /// <summary>A new SLT member on the SLT list who has signed the user agreement (unique per call: tests share one Azurite).</summary>
    public async Task<string> NewSltMemberAsync(string role = "slt")
    {
        var email = $"{role}-{Guid.NewGuid():N}@school.example";
        await Get<ISltMemberList>().AddAsync(email, role, "test", CancellationToken.None);
        await Get<ISltMemberList>().SetAgreementAsync(email, AgreementSigned, CancellationToken.None);
        return email;
    }

    /// <summary>Plain, rule-abiding text made unique by an amount, so identical-content detection never joins two tests' drafts.</summary>
    public static string UniqueText(string lead = "Our Year 5 pupils raised")
    {
        string amount;
        do
        {
            amount = Random.Shared.Next(1_000, 999_999).ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
        }
        while (amount.Contains("455", StringComparison.Ordinal)); // the offensive rule reads "455" as leetspeak
        return $"{lead} £{amount} for the local food bank this week.";
    }

    public static JsonObject DraftJson(string text, string? submittedBy, string? id = null, JsonArray? media = null, DateTimeOffset? scheduledFor = null)
    {
        var json = new JsonObject { ["text"] = text };
        if (id is not null) json["id"] = id;
        if (submittedBy is not null) json["submittedBy"] = submittedBy;
        if (media is not null) json["media"] = media;
        if (scheduledFor is not null) json["scheduledFor"] = scheduledFor.Value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        return json;
    }

    public static JsonObject Image(byte[] bytes, string fileName = "photo.jpg", string? altText = "Children's paintings on the hall wall") => new()
    {
        ["fileName"] = fileName,
        ["contentBase64"] = Convert.ToBase64String(bytes),
        ["altText"] = altText,
        ["pupilsPictured"] = new JsonArray(),
        ["noPupilsPictured"] = true,
        ["ownedBySchool"] = true,
    };

    /// <param name="services">The request's services, as the Functions ASP.NET Core integration sets them (the host's).</param>
    public static HttpRequest Request(string method, string path, byte[] body, string contentType = "application/json",
        IDictionary<string, string>? headers = null, string? query = null, IServiceProvider? services = null)
    {
        var context = new DefaultHttpContext { RequestServices = services! };
        var request = context.Request;
        request.Method = method;
        request.Scheme = "https";
        request.Host = new HostString("schooltwitter.example");
        request.Path = path;
        if (query is not null) request.QueryString = new QueryString(query);
        request.ContentType = contentType;
        request.ContentLength = body.Length;
        request.Body = new MemoryStream(body);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers[name] = value;
        }
        return request;
    }

    /// <summary>An Easy Auth principal header set as App Service would send it (a person with a new object id).</summary>
    public static Dictionary<string, string> Principal(string email, params string[] roles) => EasyAuthHeaders.Person(email, roles);

    /// <summary>The school's flow (its own Entra token, holding Flow.Submit): how every Forms submission arrives.</summary>
    public static Dictionary<string, string> Flow() => EasyAuthHeaders.Flow();

    /// <summary>
    /// A signed-in person holding the SLT role whose signed user agreement is on record (council policy 6.1: without it
    /// they may not submit or approve), under <paramref name="objectId"/> when given.
    /// </summary>
    public async Task<Dictionary<string, string>> SignedSltAsync(string email, string? objectId = null)
    {
        await Get<ISltMemberList>().AddAsync(email, null, "test", CancellationToken.None, objectId);
        await Get<ISltMemberList>().SetAgreementAsync(email, AgreementSigned, CancellationToken.None);
        return objectId is null ? EasyAuthHeaders.Person(email, "SLT") : EasyAuthHeaders.Person(email, objectId, [], "SLT");
    }

    /// <summary>A signed-in SLT member who reads drafts (GET /api/drafts/{id} is SLT-only).</summary>
    public static Dictionary<string, string> SltReader() => EasyAuthHeaders.Person("reader@school.example", "SLT");

    /// <summary>Calls an HTTP function as the worker would: the access middleware, then the function.</summary>
    public Task<IActionResult> CallAsync<TFunction>(HttpRequest request, params (string Name, string Value)[] route) where TFunction : class =>
        HttpFunctions.InvokeAsync<TFunction>(Host.Services, request, route);

    /// <summary>Submits as the flow (naming the draft's submittedBy) unless <paramref name="headers"/> say who else is calling.</summary>
    public async Task<Reply> SubmitAsync(JsonNode draft, IDictionary<string, string>? headers = null) =>
        await SubmitRawAsync(Encoding.UTF8.GetBytes(draft.ToJsonString()), headers);

    public async Task<Reply> SubmitRawAsync(byte[] body, IDictionary<string, string>? headers = null) =>
        Reply.From(await CallAsync<SubmitDraft>(Request("POST", "/api/drafts", body, headers: headers ?? Flow())));

    public async Task<Reply> GetAsync(string id, IDictionary<string, string>? headers = null) =>
        Reply.From(await CallAsync<GetDraft>(Request("GET", $"/api/drafts/{id}", [], headers: headers ?? SltReader()), ("id", id)));

    /// <summary>Approves as the flow naming <paramref name="approvedBy"/>, unless <paramref name="headers"/> say who else is calling.</summary>
    public async Task<Reply> ApproveAsync(string id, string? approvedBy, IDictionary<string, string>? headers = null)
    {
        var body = approvedBy is null ? [] : Encoding.UTF8.GetBytes(new JsonObject { ["approvedBy"] = approvedBy }.ToJsonString());
        return Reply.From(await CallAsync<ApproveDraft>(Request("POST", $"/api/drafts/{id}/approval", body, headers: headers ?? Flow()), ("id", id)));
    }

    /// <summary>PUT /api/roster with the CSV, as <paramref name="headers"/> (default: a signed-in SLT member).</summary>
    public async Task<Reply> PutRosterAsync(string csv, IDictionary<string, string>? headers = null) =>
        Reply.From(await CallAsync<PutRoster>(Request("PUT", "/api/roster", Encoding.UTF8.GetBytes(csv), "text/csv", headers ?? SltReader())));

    /// <summary>PUT /api/staff with the CSV, as <paramref name="headers"/> (default: a signed-in SLT member).</summary>
    public async Task<Reply> PutStaffAsync(string csv, IDictionary<string, string>? headers = null) =>
        Reply.From(await CallAsync<PutStaff>(Request("PUT", "/api/staff", Encoding.UTF8.GetBytes(csv), "text/csv", headers ?? SltReader())));

    /// <summary>Drafts rows and media blobs written since <paramref name="since"/> (storage's own clock).</summary>
    public async Task<int> StoredSinceAsync(DateTimeOffset since)
    {
        var table = Get<TableServiceClient>().GetTableClient(TableNames.Drafts);
        await table.CreateIfNotExistsAsync();
        var rows = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(e => e.RowKey == "draft" && e.Timestamp >= since)) rows++;
        var container = Get<BlobServiceClient>().GetBlobContainerClient(BlobContainerNames.DraftMedia);
        await container.CreateIfNotExistsAsync();
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, null, CancellationToken.None))
        {
            if (blob.Properties.LastModified >= since) rows++;
        }
        return rows;
    }

    public Task<DraftRecord?> DraftAsync(string id) => Get<IDraftStore>().GetAsync(id, CancellationToken.None);

    public Task<IReadOnlyList<AuditEntry>> AuditAsync(string subject) => Get<IAuditLog>().ReadAsync(subject, CancellationToken.None);

    /// <summary>Runs the check trigger for every visible drafts-to-check message about <paramref name="draftIds"/>; returns how many ran.</summary>
    public Task<int> RunCheckQueueAsync(params string[] draftIds) =>
        DrainAsync(QueueNames.DraftsToCheck, draftIds, m => Function<CheckDraft>().Run(m, CancellationToken.None));

    /// <summary>Runs the publish trigger for every visible drafts-to-publish message about <paramref name="draftIds"/>.</summary>
    public Task<int> RunPublishQueueAsync(params string[] draftIds) =>
        DrainAsync(QueueNames.DraftsToPublish, draftIds, m => Function<PublishDraft>().Run(m, CancellationToken.None));

    /// <summary>The visible messages about <paramref name="draftId"/> on a queue (received and put back at once).</summary>
    public async Task<int> VisibleMessagesAsync(string queueName, string draftId)
    {
        var queue = _queues.GetQueueClient(queueName);
        await queue.CreateIfNotExistsAsync();
        var peeked = await queue.PeekMessagesAsync(32);
        return peeked.Value.Count(m => DraftMessage.TryParse(m.Body.ToString())?.DraftId == draftId);
    }

    private async Task<int> DrainAsync(string queueName, string[] draftIds, Func<string, Task> handle)
    {
        var queue = _queues.GetQueueClient(queueName);
        await queue.CreateIfNotExistsAsync();
        var wanted = draftIds.ToHashSet();
        var handled = 0;
        for (var round = 0; round < 50; round++)
        {
            var batch = await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1));
            if (batch.Value.Length == 0) break;
            foreach (var message in batch.Value)
            {
                var body = message.Body.ToString();
                if (DraftMessage.TryParse(body)?.DraftId is { } id && wanted.Contains(id))
                {
                    // As the host does: the message is deleted only when the function succeeds.
                    await handle(body);
                    handled++;
                }
                // Messages of other tests' drafts (tests share one Azurite) are cleared so they cannot leak into later drains.
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
        return handled;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    /// <summary>Blocks a pictured pupil the roster says has no photo consent: proves the check reads the stored roster.</summary>
    private sealed class RosterProbeRule : IRule
    {
        public const string RuleId = "test-roster";

        public string Id => RuleId;

        public void Check(DraftContext draft, List<Finding> findings)
        {
            foreach (var id in draft.Draft.Images.SelectMany(i => i.PupilsPictured))
            {
                if (draft.Roster.Find(id) is { PhotoConsent: false }) findings.Add(new Finding(Id, Severity.Block, $"{id} has no photo consent."));
            }
        }
    }

    private sealed class WarnWordRule(string word) : IRule
    {
        public string Id => "test-warning";

        public void Check(DraftContext draft, List<Finding> findings)
        {
            var at = draft.Text.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (at >= 0) findings.Add(new Finding(Id, Severity.Warn, $"“{word}” needs a second look.", at, word.Length));
        }
    }
}

/// <summary>An HTTP function's answer, read without an MVC pipeline.</summary>
public sealed record Reply(int Status, JsonNode? Body, string? ContentType, IActionResult Result)
{
    public static Reply From(IActionResult result) => result switch
    {
        ProblemResult problem => new(problem.StatusCode, JsonSerializer.SerializeToNode(problem.Problem, new JsonSerializerOptions(JsonSerializerDefaults.Web)),
            ProblemResults.ContentType, result),
        ContentResult content => new(content.StatusCode ?? 200, content.Content is { Length: > 0 } c ? JsonNode.Parse(c) : null, content.ContentType, result),
        _ => throw new InvalidOperationException($"Unexpected result {result.GetType().Name}."),
    };

    public string Str(string name) => Body?[name]?.GetValue<string>() ?? throw new InvalidOperationException($"No {name} in {Body?.ToJsonString()}.");
}
