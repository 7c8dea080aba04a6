using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Messaging;
using SchoolTwitter.Application.Notifications;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Application.X;
using SchoolTwitter.Infrastructure.X;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.TestHost;

namespace SchoolTwitter.Integration.Tests.Platform;

[Collection(AzuriteCollection.Name)]
public sealed class PlatformWiringTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AddInfrastructure_provides_every_port_with_its_real_adapter_and_binds_settings()
    {
        await using var host = await SchoolTwitterTestHost.StartAsync(azurite, o => o.Settings["X__RequestTimeout"] = "00:00:07");

        host.Get<IXAccount>().ShouldBeOfType<XApiClient>();
        host.Get<IAuditLog>().ShouldBeOfType<Infrastructure.Audit.BlobAuditLog>();
        host.Get<IMessageQueue>().ShouldBeOfType<Infrastructure.Messaging.StorageMessageQueue>();
        host.Get<INotifier>().ShouldBeOfType<Infrastructure.Notifications.WebhookNotifier>();
        host.Get<ISltMemberList>().ShouldBeOfType<Infrastructure.Security.TableSltMemberList>();
        host.Get<ISltDirectory>().ShouldBeOfType<SltDirectory>();
        host.Get<TableServiceClient>().Uri.ShouldBe(azurite.TableServiceUri);
        host.Get<QueueServiceClient>().Uri.ShouldBe(azurite.QueueServiceUri);
        host.Get<BlobServiceClient>().Uri.ShouldBe(azurite.BlobServiceUri);
        host.Get<TimeProvider>().ShouldBe(TimeProvider.System);

        var x = host.Get<IOptions<XApiOptions>>().Value;
        x.BaseUrl.ShouldBe(host.X.BaseUrl);
        x.AccountId.ShouldBe(host.X.AccountId);
        x.RequestTimeout.ShouldBe(TimeSpan.FromSeconds(7));
        host.Get<IOptions<SltOptions>>().Value.AppRole.ShouldBe("SLT");
    }
}

[Collection(AzuriteCollection.Name)]
public sealed class TestHostHelperTests(AzuriteFixture azurite)
{
    private sealed class NeedsAuditLog(IAuditLog audit)
    {
        public IAuditLog Audit { get; } = audit;
    }

    [Fact]
    public async Task Create_injects_services_and_Request_carries_body_headers_and_services()
    {
        await using var host = await SchoolTwitterTestHost.StartAsync(azurite);

        host.Create<NeedsAuditLog>().Audit.ShouldBeOfType<Infrastructure.Audit.BlobAuditLog>();

        var request = host.Request("POST", "/api/drafts?x=1", """{"text":"hi"}""",
            headers: new Dictionary<string, string> { ["X-MS-CLIENT-PRINCIPAL-ID"] = "abc" });
        request.Path.Value.ShouldBe("/api/drafts");
        request.Query["x"].ToString().ShouldBe("1");
        request.ContentLength.ShouldBe(13);
        request.Headers["X-MS-CLIENT-PRINCIPAL-ID"].ToString().ShouldBe("abc");
        request.HttpContext.RequestServices.ShouldBeSameAs(host.Services);
        (await new StreamReader(request.Body).ReadToEndAsync()).ShouldBe("""{"text":"hi"}""");
    }
}
