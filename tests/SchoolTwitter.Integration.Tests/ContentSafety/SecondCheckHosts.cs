using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SchoolTwitter.Integration.Tests.Drafts;
using SchoolTwitter.Integration.Tests.Followers;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.FakeAzureAi;

namespace SchoolTwitter.Integration.Tests.ContentSafety;

/// <summary>Test hosts with the second check on against a fake Azure AI server: short time limits, two attempts, the fake credential.</summary>
internal static class SecondCheckHosts
{
    /// <summary>The second check's settings (app setting names), the endpoint left out when <paramref name="on"/> is false.</summary>
    public static Dictionary<string, string> Settings(FakeAzureAiServer ai, bool on = true)
    {
        var settings = new Dictionary<string, string>
        {
            ["ContentSafety__RequestTimeout"] = "00:00:01",
            ["ContentSafety__MaxAttempts"] = "2",
        };
        if (on) settings["ContentSafety__Endpoint"] = ai.Endpoint;
        return settings;
    }

    public static Task<DraftTestKit> DraftKitAsync(AzuriteFixture azurite, FakeAzureAiServer ai, TokenCredential? credential = null,
        Action<IServiceCollection>? services = null) =>
        DraftTestKit.StartAsync(azurite,
            configure: o => { foreach (var (name, value) in Settings(ai)) o.Settings[name] = value; },
            services: s =>
            {
                s.Replace(ServiceDescriptor.Singleton<TokenCredential>(credential ?? new FakeAiCredential()));
                services?.Invoke(s);
            });

    /// <summary>A school account of its own (follower and moderation tests), with <paramref name="extra"/> settings on top.</summary>
    public static Task<FollowerRig> RigAsync(AzuriteFixture azurite, FakeAzureAiServer ai, DateTimeOffset now, bool on = true,
        TokenCredential? credential = null, IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = Settings(ai, on);
        foreach (var (name, value) in extra ?? new Dictionary<string, string>()) settings[name] = value;
        return FollowerRig.StartAsync(azurite, now, settings: settings,
            services: s => s.Replace(ServiceDescriptor.Singleton<TokenCredential>(credential ?? new FakeAiCredential())));
    }
}
