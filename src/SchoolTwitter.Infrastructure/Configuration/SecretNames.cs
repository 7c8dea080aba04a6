namespace SchoolTwitter.Infrastructure.Configuration;

/// <summary>The Key Vault secrets holding the X credentials. infra/ creates them without values; onboarding and rotation set them.</summary>
public static class SecretNames
{
    public const string ConsumerKey = "x-consumer-key";
    public const string ConsumerSecret = "x-consumer-secret";
    public const string AccessToken = "x-access-token";
    public const string AccessTokenSecret = "x-access-token-secret";

    public static IReadOnlyList<string> All { get; } = [ConsumerKey, ConsumerSecret, AccessToken, AccessTokenSecret];
}
