using System.Text;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Messaging;
using SchoolTwitter.Infrastructure;
using SchoolTwitter.Infrastructure.Messaging;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.TestHost;

namespace SchoolTwitter.Integration.Tests.Platform;

[Collection(AzuriteCollection.Name)]
public sealed class StorageAdapterTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private SchoolTwitterTestHost _host = null!;

    public async Task InitializeAsync() => _host = await SchoolTwitterTestHost.StartAsync(azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Audit_entries_read_back_oldest_first_for_their_subject_only()
    {
        var audit = _host.Get<IAuditLog>();
        var subject = "draft-" + Guid.NewGuid().ToString("N");
        var t0 = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
        await audit.AppendAsync(new AuditEntry(t0.AddMinutes(2), "system", "draft.published", subject, "published", "tweet 1"), CancellationToken.None);
        await audit.AppendAsync(new AuditEntry(t0, "head@school.example", "draft.submitted", subject, "accepted"), CancellationToken.None);
        await audit.AppendAsync(new AuditEntry(t0.AddMinutes(1), "system", "draft.checked", subject, "pass"), CancellationToken.None);
        await audit.AppendAsync(new AuditEntry(t0, "someone", "draft.submitted", "other-" + Guid.NewGuid(), "accepted"), CancellationToken.None);

        var entries = await audit.ReadAsync(subject, CancellationToken.None);

        entries.Select(e => e.Action).ShouldBe(["draft.submitted", "draft.checked", "draft.published"]);
        entries[0].Actor.ShouldBe("head@school.example");
        entries[0].At.ShouldBe(t0);
        entries[2].Detail.ShouldBe("tweet 1");
    }

    [Fact]
    public async Task The_same_audit_entry_appended_twice_is_kept_twice_never_overwritten()
    {
        var audit = _host.Get<IAuditLog>();
        var subject = "draft-" + Guid.NewGuid().ToString("N");
        var entry = new AuditEntry(DateTimeOffset.UtcNow, "system", "draft.refused", subject, "refused: not SLT");

        await audit.AppendAsync(entry, CancellationToken.None);
        await audit.AppendAsync(entry, CancellationToken.None);

        (await audit.ReadAsync(subject, CancellationToken.None)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Audit_subjects_with_characters_tables_forbid_are_stored_and_read()
    {
        var audit = _host.Get<IAuditLog>();
        var subject = $"user/{Guid.NewGuid():N}#?\\%";
        await audit.AppendAsync(new AuditEntry(DateTimeOffset.UtcNow, "system", "follower.reviewed", subject, "kept"), CancellationToken.None);

        var entry = (await audit.ReadAsync(subject, CancellationToken.None)).ShouldHaveSingleItem();
        entry.Subject.ShouldBe(subject);
    }

    [Fact]
    public async Task Queue_messages_are_base64_encoded_as_host_json_says_and_the_queue_is_created()
    {
        var host = await File.ReadAllTextAsync(Path.Combine(Testing.RepoRoot.Find(), "host.json"));
        host.ShouldContain("\"messageEncoding\": \"base64\"");

        var queueName = "q" + Guid.NewGuid().ToString("N")[..20];
        await _host.Get<IMessageQueue>().SendAsync(queueName, """{"draftId":"d1"}""", null, CancellationToken.None);

        var raw = new QueueClient(azurite.ConnectionString, queueName);
        var message = (await raw.ReceiveMessageAsync()).Value;
        Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText)).ShouldBe("""{"draftId":"d1"}""");
    }

    [Fact]
    public async Task A_delayed_message_stays_invisible_until_due()
    {
        var queueName = "q" + Guid.NewGuid().ToString("N")[..20];
        await _host.Get<IMessageQueue>().SendAsync(queueName, "later", TimeSpan.FromHours(3), CancellationToken.None);

        var raw = new QueueClient(azurite.ConnectionString, queueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        (await raw.ReceiveMessageAsync()).Value.ShouldBeNull();
        (await raw.PeekMessagesAsync()).Value.ShouldBeEmpty();
        (await raw.GetPropertiesAsync()).Value.ApproximateMessagesCount.ShouldBe(1);
    }

    [Fact]
    public async Task A_delay_beyond_seven_days_is_capped_and_accepted_by_storage()
    {
        var queueName = "q" + Guid.NewGuid().ToString("N")[..20];
        await _host.Get<IMessageQueue>().SendAsync(queueName, "much later", TimeSpan.FromDays(30), CancellationToken.None);

        StorageMessageQueue.Cap(TimeSpan.FromDays(30)).ShouldBe(TimeSpan.FromDays(7));
        StorageMessageQueue.Cap(TimeSpan.FromMinutes(-5)).ShouldBeNull();
        StorageMessageQueue.Cap(null).ShouldBeNull();
        StorageMessageQueue.Cap(TimeSpan.FromHours(1)).ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public void Identity_based_settings_build_clients_on_the_service_uris_without_keys()
    {
        var settings = ServiceUriSettings();
        settings["AzureWebJobsStorage:credential"] = "managedidentity";
        settings["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001";
        using var provider = Infrastructure(settings);

        provider.GetRequiredService<TokenCredential>().ShouldBeOfType<Azure.Identity.ManagedIdentityCredential>();
        provider.GetRequiredService<BlobServiceClient>().Uri.ShouldBe(new Uri("https://stschool.blob.core.windows.net"));
        provider.GetRequiredService<QueueServiceClient>().Uri.ShouldBe(new Uri("https://stschool.queue.core.windows.net"));
        provider.GetRequiredService<TableServiceClient>().Uri.ShouldBe(new Uri("https://stschool.table.core.windows.net"));
        provider.GetRequiredService<BlobServiceClient>().CanGenerateAccountSasUri.ShouldBeFalse();
    }

    [Fact]
    public void Without_a_managed_identity_setting_the_one_credential_is_the_default_chain()
    {
        using var provider = Infrastructure(ServiceUriSettings());

        provider.GetRequiredService<TokenCredential>().ShouldBeOfType<Azure.Identity.DefaultAzureCredential>();
    }

    [Fact]
    public void Missing_storage_settings_fail_naming_the_settings()
    {
        var ex = Should.Throw<InvalidOperationException>(() => new ServiceCollection().AddInfrastructure(new ConfigurationBuilder().Build()));
        ex.Message.ShouldContain("AzureWebJobsStorage__queueServiceUri");
    }

    [Fact]
    public async Task The_Azure_SDKs_own_request_logs_stay_out_of_the_apps_logs()
    {
        await _host.Get<IAuditLog>().AppendAsync(new AuditEntry(DateTimeOffset.UtcNow, "system", "test.logged", "logs-" + Guid.NewGuid().ToString("N"), "ok"), CancellationToken.None);
        await _host.Get<IMessageQueue>().SendAsync("q" + Guid.NewGuid().ToString("N")[..20], "hello", null, CancellationToken.None);

        _host.Logs.Entries.ShouldNotContain(e => e.Category.StartsWith("Azure", StringComparison.Ordinal));
    }

    private static Dictionary<string, string?> ServiceUriSettings() => new()
    {
        ["AzureWebJobsStorage:blobServiceUri"] = "https://stschool.blob.core.windows.net",
        ["AzureWebJobsStorage:queueServiceUri"] = "https://stschool.queue.core.windows.net",
        ["AzureWebJobsStorage:tableServiceUri"] = "https://stschool.table.core.windows.net",
    };

    private static ServiceProvider Infrastructure(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddInfrastructure(configuration).BuildServiceProvider();
    }
}
