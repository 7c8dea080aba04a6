using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using SchoolTwitter.Testing.Azurite;

namespace SchoolTwitter.Integration.Tests.Platform;

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteFixtureTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Azurite_serves_tables_queues_and_blobs_through_the_connection_string()
    {
        var id = "smoke" + Guid.NewGuid().ToString("N")[..12];

        var table = new TableClient(azurite.ConnectionString, id);
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Value"] = "table" });
        (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetString("Value").ShouldBe("table");

        var queue = new QueueClient(azurite.ConnectionString, id);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("queued");
        (await queue.ReceiveMessageAsync()).Value.MessageText.ShouldBe("queued");

        var container = new BlobContainerClient(azurite.ConnectionString, id);
        await container.CreateIfNotExistsAsync();
        await container.UploadBlobAsync("b.txt", BinaryData.FromString("blob"));
        (await container.GetBlobClient("b.txt").DownloadContentAsync()).Value.Content.ToString().ShouldBe("blob");
    }

    [Fact]
    public void Azurite_listens_only_on_loopback_service_uris()
    {
        azurite.BlobServiceUri.Host.ShouldBe("127.0.0.1");
        azurite.QueueServiceUri.Host.ShouldBe("127.0.0.1");
        azurite.TableServiceUri.Host.ShouldBe("127.0.0.1");
        new[] { azurite.BlobPort, azurite.QueuePort, azurite.TablePort }.Distinct().Count().ShouldBe(3);
    }
}

public sealed class AzuriteFixtureFailureTests
{
    [Fact]
    public async Task An_azurite_that_cannot_start_fails_the_run_with_its_stderr()
    {
        var script = Path.Combine(Path.GetTempPath(), $"fake-azurite-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(script, "#!/bin/sh\necho 'Exit due to unhandled error: listen EADDRINUSE' >&2\nexit 1\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        try
        {
            var fixture = new AzuriteFixture(script);

            var ex = await Should.ThrowAsync<InvalidOperationException>(fixture.InitializeAsync);

            ex.Message.ShouldContain("EADDRINUSE");
            ex.Message.ShouldContain("exited with code 1");
            await fixture.DisposeAsync();
        }
        finally
        {
            File.Delete(script);
        }
    }
}
