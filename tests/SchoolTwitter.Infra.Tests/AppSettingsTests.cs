using System.Reflection;
using System.Text.Json.Nodes;
using SchoolTwitter.Infra.Tests.Support;
using SchoolTwitter.Infrastructure.Configuration;

namespace SchoolTwitter.Infra.Tests;

/// <summary>
/// The Function App gets every setting the code reads (the constants in SettingNames) and nothing the code no longer reads,
/// besides the platform's own. Storage is reached by identity: the AzureWebJobsStorage prefix becomes its __ settings.
/// </summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class AppSettingsTests(CompiledInfra infra)
{
    private static readonly string[] IdentityStorageSuffixes =
        ["__credential", "__clientId", "__blobServiceUri", "__queueServiceUri", "__tableServiceUri"];

    /// <summary>The values of every string constant in SettingNames (all partial files), read by reflection.</summary>
    public static IReadOnlyList<string> SettingNameValues() =>
        typeof(SettingNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

    /// <summary>SettingNames values, with the AzureWebJobsStorage prefix expanded into its identity-based settings.</summary>
    public static IReadOnlyList<string> ExpectedSettingNames() =>
        SettingNameValues()
            .SelectMany(name => name == SettingNames.StorageConnection ? IdentityStorageSuffixes.Select(s => name + s) : [name])
            .ToList();

    public static TheoryData<string> ExpectedSettings() => new(ExpectedSettingNames());

    private JsonObject AppSettings =>
        infra.Main.Resource("functionApp")["properties.parameters.appSettings.value"]!.AsObject();

    private string Value(string name) => AppSettings[name]!.GetValue<string>();

    [Fact]
    public void Site_app_settings_are_exactly_the_one_settings_object_from_main()
    {
        var site = infra.Main.OfType("Microsoft.Web/sites").ShouldHaveSingleItem();

        site["properties.siteConfig.appSettings"]!.GetValue<string>().ShouldBe(
            "[map(items(parameters('appSettings')), lambda('setting', createObject('name', lambdaVariables('setting').key, 'value', lambdaVariables('setting').value)))]");
        // The only site config resource is App Service Authentication (AuthenticationTests); none sets app settings.
        infra.Main.OfType("Microsoft.Web/sites/config").Select(c => c.Name).ShouldBe(["[format('{0}/{1}', parameters('name'), 'authsettingsV2')]"]);
    }

    [Theory]
    [MemberData(nameof(ExpectedSettings))]
    public void Every_setting_the_code_reads_is_set(string name)
    {
        AppSettings.ContainsKey(name).ShouldBeTrue($"infra/main.bicep appSettings lacks {name}");
        Value(name).ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void No_setting_is_set_that_neither_the_code_nor_the_platform_reads()
    {
        var expected = ExpectedSettingNames().ToHashSet(StringComparer.Ordinal);

        var unexpected = AppSettings.Select(s => s.Key)
            .Where(name => !expected.Contains(name))
            .Where(name => !name.StartsWith("APPLICATIONINSIGHTS_", StringComparison.Ordinal))
            .Where(name => !name.StartsWith(SettingNames.StorageConnection + "__", StringComparison.Ordinal))
            .ToList();

        unexpected.ShouldBeEmpty("settings nothing reads (remove them, or add a SettingNames constant the code uses)");
    }

    [Theory]
    [InlineData("AzureWebJobsStorage")]
    [InlineData("FUNCTIONS_WORKER_RUNTIME")]
    [InlineData("FUNCTIONS_EXTENSION_VERSION")]
    [InlineData("WEBSITE_RUN_FROM_PACKAGE")]
    [InlineData("WEBSITE_CONTENTSHARE")]
    [InlineData("APPINSIGHTS_INSTRUMENTATIONKEY")]
    public void Settings_that_flex_consumption_rejects_or_that_carry_keys_are_absent(string name)
    {
        AppSettings.ContainsKey(name).ShouldBeFalse();
    }

    [Fact]
    public void Storage_connection_is_identity_based_with_the_apps_client_id()
    {
        Value("AzureWebJobsStorage__credential").ShouldBe("managedidentity");
        Value("AzureWebJobsStorage__clientId").ShouldBe("[reference('identity').outputs.clientId.value]");
        Value("AzureWebJobsStorage__blobServiceUri").ShouldBe("[variables('storageEndpoints').blob]");
        Value("AzureWebJobsStorage__queueServiceUri").ShouldBe("[variables('storageEndpoints').queue]");
        Value("AzureWebJobsStorage__tableServiceUri").ShouldBe("[variables('storageEndpoints').table]");

        var endpoints = infra.Main.Variable("storageEndpoints")!;
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            endpoints[service]!.GetValue<string>()
                .ShouldBe($"[format('https://{{0}}.{service}.{{1}}/', variables('names').storageAccount, environment().suffixes.storage)]");
        }
    }

    [Fact]
    public void Telemetry_authenticates_as_the_apps_identity()
    {
        Value("APPLICATIONINSIGHTS_AUTHENTICATION_STRING")
            .ShouldBe("[format('Authorization=AAD;ClientId={0}', reference('identity').outputs.clientId.value)]");
        Value("APPLICATIONINSIGHTS_CONNECTION_STRING").ShouldBe("[reference('appInsightsComponent').ConnectionString]");
    }

    [Fact]
    public void Key_vault_uri_comes_from_the_vault_and_the_webhook_url_is_a_key_vault_reference()
    {
        Value(SettingNames.KeyVaultUri).ShouldBe("[reference('keyVault').outputs.uri.value]");
        Value(SettingNames.NotificationWebhookUrl)
            .ShouldBe("[format('@Microsoft.KeyVault(VaultName={0};SecretName={1})', variables('names').keyVault, variables('notificationWebhookSecretName'))]");
    }

    [Theory]
    [InlineData(SettingNames.WeeklyFollowerScanSchedule, "weeklyFollowerScanSchedule", "0 0 * * * 1")]
    [InlineData(SettingNames.InboundModerationSchedule, "inboundModerationSchedule", "0 */15 * * * *")]
    [InlineData(SettingNames.CredentialRotationSchedule, "credentialRotationSchedule", "0 0 * * * *")]
    [InlineData(SettingNames.DraftSweepSchedule, "draftSweepSchedule", "0 */10 * * * *")]
    public void Schedules_default_to_six_field_ncrontab_in_utc(string setting, string parameter, string expected)
    {
        Value(setting).ShouldBe($"[parameters('{parameter}')]");
        var schedule = infra.Main.Parameters[parameter]!["defaultValue"]!.GetValue<string>();

        schedule.ShouldBe(expected);
        schedule.Split(' ').Length.ShouldBe(6, "Functions timer triggers take six-field NCRONTAB (with seconds)");
    }

    [Fact]
    public void Reply_settings_accept_only_the_values_x_knows()
    {
        Value(SettingNames.XReplySettings).ShouldBe("[parameters('xReplySettings')]");
        var parameter = infra.Main.Parameters["xReplySettings"]!;

        parameter["defaultValue"]!.GetValue<string>().ShouldBe("following");
        parameter["allowedValues"]!.AsArray().Select(v => v!.GetValue<string>())
            .ShouldBe(["following", "mentionedUsers", "subscribers", "verified"], ignoreOrder: true);
    }

    [Fact]
    public void The_flow_client_id_the_code_trusts_is_the_parameter_the_council_sets()
    {
        Value(SettingNames.SltFlowClientId).ShouldBe("[parameters('flowClientId')]");
        infra.Main.Parameters["flowClientId"]!.AsObject().ContainsKey("defaultValue").ShouldBeFalse("required: without it no Forms submission is accepted");
    }

    [Fact]
    public void Slt_group_ids_are_joined_with_commas()
    {
        Value(SettingNames.SltGroupIds).ShouldBe("[join(parameters('sltGroupIds'), ',')]");
    }
}
