using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using SchoolTwitter.Infrastructure.Configuration;

namespace SchoolTwitter.Infrastructure.Storage;

/// <summary>
/// The storage account's table, queue and blob clients, built from the same AzureWebJobsStorage setting the Functions host reads:
/// a connection string (Azurite, local runs) or identity-based URIs with a managed identity (production: no keys anywhere).
/// </summary>
public sealed class StorageClients
{
    public StorageClients(TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs)
    {
        Tables = tables;
        Queues = queues;
        Blobs = blobs;
    }

    public TableServiceClient Tables { get; }

    /// <summary>Base64 message encoding, as host.json's queues.messageEncoding, so queue triggers read what services send.</summary>
    public QueueServiceClient Queues { get; }

    public BlobServiceClient Blobs { get; }

    public static QueueClientOptions QueueOptions() => new() { MessageEncoding = QueueMessageEncoding.Base64 };

    /// <summary>Builds the clients from configuration; throws naming the missing setting when neither form is present.</summary>
    public static StorageClients FromConfiguration(IConfiguration configuration, TokenCredential? credential = null)
    {
        var prefix = SettingNames.StorageConnection;
        var connectionString = configuration[prefix];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new StorageClients(
                new TableServiceClient(connectionString),
                new QueueServiceClient(connectionString, QueueOptions()),
                new BlobServiceClient(connectionString));
        }

        var section = configuration.GetSection(prefix);
        var blob = section["blobServiceUri"];
        var queue = section["queueServiceUri"];
        var table = section["tableServiceUri"];
        if (string.IsNullOrWhiteSpace(blob) || string.IsNullOrWhiteSpace(queue) || string.IsNullOrWhiteSpace(table))
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set {prefix} to a connection string, or {prefix}__blobServiceUri, {prefix}__queueServiceUri, " +
                $"{prefix}__tableServiceUri and {prefix}__credential=managedidentity (with {prefix}__clientId for a user-assigned identity).");
        }

        credential ??= CredentialFromConfiguration(configuration);
        return new StorageClients(
            new TableServiceClient(new Uri(table), credential),
            new QueueServiceClient(new Uri(queue), credential, QueueOptions()),
            new BlobServiceClient(new Uri(blob), credential));
    }

    /// <summary>
    /// The app's identity: AzureWebJobsStorage__credential=managedidentity (+ __clientId for user-assigned) gives a
    /// ManagedIdentityCredential; without it (a developer's machine against real Azure) the default credential chain.
    /// </summary>
    public static TokenCredential CredentialFromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(SettingNames.StorageConnection);
        var clientId = section["clientId"];
        if (string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrWhiteSpace(clientId)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        return new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(clientId) ? null : clientId,
            ExcludeInteractiveBrowserCredential = true,
        });
    }
}
