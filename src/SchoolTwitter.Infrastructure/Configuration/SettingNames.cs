namespace SchoolTwitter.Infrastructure.Configuration;

/// <summary>
/// Every app setting the code reads, in one place (one partial file per feature). infra/ must set each of these
/// (a test compares them with the compiled Bicep), and nothing the code no longer reads.
/// </summary>
public static partial class SettingNames
{
    /// <summary>Identity-based storage connection prefix: AzureWebJobsStorage__blobServiceUri, __queueServiceUri, __tableServiceUri, __credential, __clientId.</summary>
    public const string StorageConnection = "AzureWebJobsStorage";

    public const string KeyVaultUri = "KeyVault__Uri";
    public const string XApiBaseUrl = "X__BaseUrl";
    public const string XAccountId = "X__AccountId";
    public const string NotificationWebhookUrl = "Notifications__WebhookUrl";
}
