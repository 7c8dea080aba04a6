namespace SchoolTwitter.Infrastructure.Configuration;

public static partial class SettingNames
{
    /// <summary>The Azure AI services account's endpoint; unset = no second check (the rules alone decide).</summary>
    public const string ContentSafetyEndpoint = "ContentSafety__Endpoint";
}
