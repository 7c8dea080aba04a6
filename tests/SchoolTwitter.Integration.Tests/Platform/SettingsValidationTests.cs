using SchoolTwitter.Application.ContentSafety;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Application.Followers;
using SchoolTwitter.Application.Notifications;
using SchoolTwitter.Application.Profile;
using SchoolTwitter.Application.Rotation;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Application.X;
using SchoolTwitter.Infrastructure;
using SchoolTwitter.Infrastructure.Configuration;
using SchoolTwitter.Infrastructure.Notifications;
using SchoolTwitter.Infrastructure.X;

namespace SchoolTwitter.Integration.Tests.Platform;

/// <summary>
/// Every settings class is bound from configuration and checked when the host starts (IStartupValidator is what the
/// host runs before any function): a wrong setting stops the app naming the setting, not the first draft.
/// </summary>
public sealed class SettingsValidationTests
{
    private static Dictionary<string, string?> GoodSettings() => new(StringComparer.OrdinalIgnoreCase)
    {
        [SettingNames.StorageConnection] = "UseDevelopmentStorage=true",
        ["X:BaseUrl"] = "https://api.x.com",
        ["X:AccountId"] = "1500000000000000001",
        ["X:ReplySettings"] = "following",
        ["Slt:AppRole"] = "SLT",
        ["Slt:GroupIds"] = "",
        ["KeyVault:Uri"] = "https://kv-school.vault.azure.net/",
        ["Rotation:HeadTeacherContact"] = "head@school.example",
        ["Followers:ScanTime"] = "07:00",
    };

    private static ServiceProvider Build(Dictionary<string, string?> settings, bool infrastructureFirst = false)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        if (infrastructureFirst)
        {
            services.AddInfrastructure(configuration).AddApplication();
        }
        else
        {
            services.AddApplication().AddInfrastructure(configuration);
        }

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>One wrong value per settings class (and per check), with the setting name the failure must give.</summary>
    public static TheoryData<string, string, string?, string> WrongSettings() => new()
    {
        { nameof(DraftPipelineOptions), "X:ReplySettings", "nobody", $"{SettingNames.XReplySettings} must be one of: following, mentionedUsers, subscribers, verified, everyone." },
        { nameof(FollowerOptions), "X:AccountId", null, $"{SettingNames.XAccountId} must be set to the school's X user id." },
        { nameof(FollowerOptions), "Followers:ScanTime", "7am", $"{SettingNames.FollowerScanTime} must be HH:mm (UK time)." },
        { nameof(FollowerOptions), "Followers:InvocationBudget", "00:00:00", $"{SettingNames.FollowerInvocationBudget} must be positive." },
        { nameof(RotationOptions), "X:AccountId", "", $"{SettingNames.XAccountId} must be set to the school's X user id." },
        { nameof(SltOptions), "Slt:AppRole", "SLT, Head", $"{SettingNames.SltAppRole} must be one app role name" },
        { nameof(XApiOptions), "X:BaseUrl", "api.x.com", $"{SettingNames.XApiBaseUrl} must be an absolute URL" },
        { nameof(XApiOptions), "X:RequestTimeout", "-00:00:01", "X__RequestTimeout must be positive." },
        { nameof(XApiOptions), "X:MentionsPageSize", "500", "X__MentionsPageSize must be 5 to 100" },
        { nameof(XApiOptions), "X:PostFieldsParameter", "fields", "X__PostFieldsParameter must be tweet.fields or post.fields." },
        { nameof(NotificationOptions), "Notifications:MaxAttempts", "0", "Notifications__MaxAttempts must be at least 1." },
        { nameof(NotificationOptions), "Notifications:AttemptTimeout", "00:00:00", "Notifications__AttemptTimeout must be positive." },
        { nameof(NotificationOptions), "Notifications:RetryDelay", "-00:00:01", "Notifications__RetryDelay must not be negative." },
        { nameof(SltPageOptions), "SltPage:PublicBaseUrl", "https://school.example/?page=1", "SltPage__PublicBaseUrl must be an https:// address with no query or fragment." },
        { nameof(ContentSafetyOptions), "ContentSafety:BlockAtSeverity", "9", "ContentSafety__BlockAtSeverity must be 1 to 7" },
        { nameof(ContentSafetyOptions), "ContentSafety:PeopleConfidence", "0", "ContentSafety__PeopleConfidence must be above 0 and at most 1." },
        { nameof(ContentSafetyOptions), "ContentSafety:MaxAttempts", "0", "ContentSafety__MaxAttempts must be 1 to 5." },
        { nameof(ContentSafetyOptions), "ContentSafety:InboundImageMaxBytes", "5000000", $"{SettingNames.ContentSafetyInboundImageMaxBytes} must be 1 to 4194304 bytes" },
        { nameof(SchoolIdentityOptions), "School:Website", "oakfield.sch.uk", "School__Website must be the school's website as an absolute URL" },
    };

    [Fact]
    public void The_settings_a_deployment_gives_pass_at_start_and_are_bound_from_their_sections()
    {
        using var provider = Build(GoodSettings());

        provider.GetRequiredService<IStartupValidator>().Validate();

        provider.GetRequiredService<IOptions<DraftPipelineOptions>>().Value.AccountId.ShouldBe("1500000000000000001");
        provider.GetRequiredService<IOptions<FollowerOptions>>().Value.AccountId.ShouldBe("1500000000000000001");
        provider.GetRequiredService<IOptions<RotationOptions>>().Value.AccountId.ShouldBe("1500000000000000001");
        provider.GetRequiredService<IOptions<RotationOptions>>().Value.HeadTeacherContact.ShouldBe("head@school.example");
        provider.GetRequiredService<IOptions<XApiOptions>>().Value.BaseUrl.ShouldBe("https://api.x.com");
        provider.GetRequiredService<IOptions<SltOptions>>().Value.AppRole.ShouldBe("SLT");
    }

    [Theory]
    [MemberData(nameof(WrongSettings))]
    public void A_wrong_setting_stops_the_host_starting_and_names_the_setting(string optionsClass, string key, string? value, string message)
    {
        var settings = GoodSettings();
        settings[key] = value;
        using var provider = Build(settings);

        var thrown = Should.Throw<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        // One failure is thrown as it is; several (the account id is read by two classes) come as an AggregateException.
        var failures = thrown is AggregateException all ? all.InnerExceptions : [thrown];
        failures.ShouldAllBe(f => f is OptionsValidationException);
        failures.Cast<OptionsValidationException>().ShouldContain(f => f.OptionsType.Name == optionsClass && f.Message.Contains(message));
    }

    [Fact]
    public void Every_settings_class_has_a_wrong_setting_case()
    {
        var optionsClasses = new[] { typeof(SltOptions).Assembly, typeof(XApiOptions).Assembly }
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t.IsClass && !t.IsAbstract && t.Name.EndsWith("Options", StringComparison.Ordinal))
            .Select(t => t.Name);

        WrongSettings().Select(row => (string)row[0]).Distinct().ShouldBe(optionsClasses, ignoreOrder: true);
    }

    [Fact]
    public void The_followers_account_id_comes_from_the_X_setting_over_its_own_section()
    {
        var settings = GoodSettings();
        settings["Followers:AccountId"] = "1999999999999999999";
        using var provider = Build(settings);

        provider.GetRequiredService<IOptions<FollowerOptions>>().Value.AccountId.ShouldBe("1500000000000000001");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_two_layers_register_in_either_order_and_every_service_resolves(bool infrastructureFirst)
    {
        using var provider = Build(GoodSettings(), infrastructureFirst);

        // ValidateOnBuild has already resolved every registration's dependencies; these are the ones the triggers call.
        var services = typeof(SltOptions).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.Name.EndsWith("Service", StringComparison.Ordinal))
            .ToList();
        services.ShouldNotBeEmpty();
        foreach (var service in services)
        {
            provider.GetService(service).ShouldNotBeNull(service.Name);
        }

        provider.GetRequiredService<IXCredentialSource>().ShouldBeOfType<Infrastructure.Rotation.KeyVaultXCredentialSource>();
    }

    [Fact]
    public void A_key_vault_uri_that_is_not_an_https_uri_fails_at_registration_naming_the_setting()
    {
        var settings = GoodSettings();
        settings["KeyVault:Uri"] = "https://<your-key-vault>.vault.azure.net/";

        var e = Should.Throw<InvalidOperationException>(() => Build(settings));

        e.Message.ShouldStartWith($"{SettingNames.KeyVaultUri} must be the vault's https URI");
    }
}
