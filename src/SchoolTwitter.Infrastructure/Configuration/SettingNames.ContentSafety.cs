namespace SchoolTwitter.Infrastructure.Configuration;

public static partial class SettingNames
{
    /// <summary>The Azure AI services account's endpoint; unset = no second check (the rules alone decide).</summary>
    public const string ContentSafetyEndpoint = "ContentSafety__Endpoint";

    /// <summary>Largest picture in a reply or mention the second check downloads (bytes, default and most 4,194,304: Content Safety's limit).</summary>
    public const string ContentSafetyInboundImageMaxBytes = "ContentSafety__InboundImageMaxBytes";
}
