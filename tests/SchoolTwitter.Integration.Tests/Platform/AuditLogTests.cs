using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Azure.Data.Tables;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Infrastructure.Audit;
using SchoolTwitter.Infrastructure.Storage;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.TestHost;

namespace SchoolTwitter.Integration.Tests.Platform;

/// <summary>
/// The audit log is JSON lines in one append blob a day (the store refuses rewrites under the immutability policy the
/// Bicep sets), and SLT can still ask it about a draft, a person or a date range.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AuditLogTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 9, 7, 8, 30, 0, TimeSpan.Zero);
    private SchoolTwitterTestHost _host = null!;

    private IAuditLog Audit => _host.Get<IAuditLog>();

    public async Task InitializeAsync() => _host = await SchoolTwitterTestHost.StartAsync(azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string Unique(string what) => $"{what}-{Guid.NewGuid():N}";

    [Fact]
    public async Task Each_entry_is_a_json_line_appended_to_its_days_append_blob()
    {
        var subject = Unique("draft");
        await Audit.AppendAsync(new AuditEntry(Monday, "head@school.example", "draft.submitted", subject, "accepted", "line one\nline two"), CancellationToken.None);

        var blob = new BlobContainerClient(azurite.ConnectionString, BlobContainerNames.AuditLog).GetBlobClient("2026/09/07.jsonl");
        (await blob.GetPropertiesAsync()).Value.BlobType.ShouldBe(BlobType.Append);
        var line = (await blob.DownloadContentAsync()).Value.Content.ToString().Split('\n').Single(l => l.Contains(subject));
        var json = JsonNode.Parse(line)!;
        json["actor"]!.GetValue<string>().ShouldBe("head@school.example");
        json["action"]!.GetValue<string>().ShouldBe("draft.submitted");
        json["detail"]!.GetValue<string>().ShouldBe("line one\nline two");
        DateTimeOffset.Parse(json["at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(Monday);
    }

    [Fact]
    public async Task A_draft_followed_over_several_days_reads_back_whole_and_in_order()
    {
        var draft = Unique("draft");
        await Audit.AppendAsync(new AuditEntry(Monday.AddDays(2), "system", "draft.published", draft, "published"), CancellationToken.None);
        await Audit.AppendAsync(new AuditEntry(Monday, "head@school.example", "draft.submitted", draft, "accepted"), CancellationToken.None);
        await Audit.AppendAsync(new AuditEntry(Monday.AddMinutes(1), "system", "draft.checked", draft, "pass"), CancellationToken.None);

        (await Audit.ReadAsync(draft, CancellationToken.None)).Select(e => e.Action).ShouldBe(["draft.submitted", "draft.checked", "draft.published"]);
        (await Audit.QueryAsync(new AuditQuery(Monday, Monday.AddDays(1), Subject: draft), CancellationToken.None))
            .Select(e => e.Action).ShouldBe(["draft.submitted", "draft.checked"]);
    }

    [Fact]
    public async Task Slt_can_ask_what_one_person_did_in_a_date_range()
    {
        var deputy = Unique("deputy") + "@school.example";
        var head = Unique("head") + "@school.example";
        await Audit.AppendAsync(new AuditEntry(Monday, deputy, "draft.approved", Unique("draft"), "approved"), CancellationToken.None);
        await Audit.AppendAsync(new AuditEntry(Monday.AddDays(1), head, "roster.replaced", "roster", "replaced: 210 pupils"), CancellationToken.None);
        await Audit.AppendAsync(new AuditEntry(Monday.AddDays(1).AddHours(3), deputy, "slt.member-added", "x@school.example", "added"), CancellationToken.None);
        await Audit.AppendAsync(new AuditEntry(Monday.AddDays(5), deputy, "draft.approved", Unique("draft"), "approved"), CancellationToken.None);

        var found = await Audit.QueryAsync(new AuditQuery(Monday, Monday.AddDays(3), Actor: deputy.ToUpperInvariant()), CancellationToken.None);

        found.Select(e => e.Action).ShouldBe(["draft.approved", "slt.member-added"]);
        found.ShouldAllBe(e => e.Actor == deputy);
    }

    [Fact]
    public async Task A_query_over_more_than_a_year_or_backwards_is_refused()
    {
        await Should.ThrowAsync<ArgumentException>(() => Audit.QueryAsync(new AuditQuery(Monday, Monday.AddDays(400)), CancellationToken.None));
        await Should.ThrowAsync<ArgumentException>(() => Audit.QueryAsync(new AuditQuery(Monday, Monday.AddDays(-1)), CancellationToken.None));
    }

    [Fact]
    public async Task Writers_in_several_instances_appending_at_once_lose_and_split_no_line()
    {
        var subject = Unique("cycle");
        var tables = new TableServiceClient(azurite.ConnectionString);
        var logs = Enumerable.Range(0, 3).Select(_ => new BlobAuditLog(new BlobServiceClient(azurite.ConnectionString), tables)).ToList();

        await Task.WhenAll(Enumerable.Range(0, 120).Select(i =>
            logs[i % logs.Count].AppendAsync(new AuditEntry(Monday.AddSeconds(i), "system", "rotation.checked", subject, $"run {i}", new string('x', i * 10)), CancellationToken.None)));

        var entries = await logs[0].ReadAsync(subject, CancellationToken.None);
        entries.Select(e => e.Outcome).ShouldBe(Enumerable.Range(0, 120).Select(i => $"run {i}"));
        entries.ShouldAllBe(e => e.Detail!.Length == int.Parse(e.Outcome.Substring(4)) * 10);
    }
}
