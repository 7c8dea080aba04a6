using System.Text.RegularExpressions;
using SchoolTwitter.Infra.Tests.Support;

namespace SchoolTwitter.Infra.Tests;

/// <summary>The compiled ARM template is secure by default: no keys, HTTPS and TLS 1.2 only, RBAC and purge protection.</summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class SecureDefaultsTests(CompiledInfra infra)
{
    private ArmResource Single(string type) => infra.Main.OfType(type).ShouldHaveSingleItem($"one {type}");

    [Theory]
    [InlineData("listKeys")]
    [InlineData("listAccountSas")]
    [InlineData("listServiceSas")]
    [InlineData("listConnectionStrings")]
    [InlineData("AccountKey")]
    [InlineData("AccountName=")]
    [InlineData("DefaultEndpointsProtocol")]
    [InlineData("SharedAccessSignature")]
    [InlineData("UseDevelopmentStorage")]
    [InlineData("DEPLOYMENT_STORAGE_CONNECTION_STRING")]
    [InlineData("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING")]
    public void Compiled_template_never_uses_storage_keys_or_connection_strings(string forbidden)
    {
        infra.MainJsonText.ShouldNotContain(forbidden, Case.Insensitive);
        foreach (var parameters in infra.ParameterFiles.Values)
        {
            parameters.Text.ShouldNotContain(forbidden, Case.Insensitive);
        }
    }

    [Fact]
    public void The_only_connection_string_is_the_application_insights_one()
    {
        // It names the component; with local auth disabled it grants nothing without the identity's token.
        var mentions = Regex.Matches(infra.MainJsonText, "[A-Za-z_]*connection_?string[A-Za-z_]*", RegexOptions.IgnoreCase)
            .Select(m => m.Value)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        mentions.ShouldBe(["APPLICATIONINSIGHTS_CONNECTION_STRING", "ConnectionString"], ignoreOrder: true);
        Single("Microsoft.Insights/components")["properties.DisableLocalAuth"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public void Function_app_is_https_only_with_tls_1_2_and_no_ftp()
    {
        var site = Single("Microsoft.Web/sites");

        site["properties.httpsOnly"]!.GetValue<bool>().ShouldBeTrue();
        site["properties.siteConfig.minTlsVersion"]!.GetValue<string>().ShouldBe("1.2");
        site["properties.siteConfig.scmMinTlsVersion"]!.GetValue<string>().ShouldBe("1.2");
        site["properties.siteConfig.ftpsState"]!.GetValue<string>().ShouldBe("Disabled");
    }

    [Fact]
    public void Function_app_turns_off_basic_publishing_credentials_for_ftp_and_scm()
    {
        var policies = infra.Main.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();

        policies.Select(p => Regex.Match(p.Name, @"'(\w+)'\)\]$").Groups[1].Value)
            .ShouldBe(["ftp", "scm"], ignoreOrder: true);
        policies.ShouldAllBe(p => p["properties.allow"]!.GetValue<bool>() == false);
    }

    [Fact]
    public void Function_app_runs_dotnet_isolated_10_on_flex_consumption_linux()
    {
        var plan = Single("Microsoft.Web/serverfarms");
        plan["sku.name"]!.GetValue<string>().ShouldBe("FC1");
        plan["sku.tier"]!.GetValue<string>().ShouldBe("FlexConsumption");
        plan["properties.reserved"]!.GetValue<bool>().ShouldBeTrue("Linux");

        var site = Single("Microsoft.Web/sites");
        site["kind"]!.GetValue<string>().ShouldBe("functionapp,linux");
        site["properties.functionAppConfig.runtime.name"]!.GetValue<string>().ShouldBe("dotnet-isolated");
        site["properties.functionAppConfig.runtime.version"]!.GetValue<string>().ShouldBe("10.0");
    }

    [Fact]
    public void Function_app_runs_as_one_user_assigned_identity_that_also_reads_the_deployment_package()
    {
        var site = Single("Microsoft.Web/sites");

        site["identity.type"]!.GetValue<string>().ShouldBe("UserAssigned");
        var identities = site["identity.userAssignedIdentities"]!.AsObject();
        var identity = identities.ShouldHaveSingleItem().Key;
        identity.ShouldContain("parameters('identityResourceId')");

        site["properties.functionAppConfig.deployment.storage.type"]!.GetValue<string>().ShouldBe("blobContainer");
        site["properties.functionAppConfig.deployment.storage.authentication.type"]!.GetValue<string>().ShouldBe("UserAssignedIdentity");
        site["properties.functionAppConfig.deployment.storage.authentication.userAssignedIdentityResourceId"]!.GetValue<string>()
            .ShouldBe("[parameters('identityResourceId')]");
        site["properties.keyVaultReferenceIdentity"]!.GetValue<string>().ShouldBe("[parameters('identityResourceId')]");
    }

    [Fact]
    public void Storage_account_allows_no_shared_key_no_public_blobs_and_https_with_tls_1_2_only()
    {
        var storage = Single("Microsoft.Storage/storageAccounts");

        storage["properties.allowSharedKeyAccess"]!.GetValue<bool>().ShouldBeFalse();
        storage["properties.allowBlobPublicAccess"]!.GetValue<bool>().ShouldBeFalse();
        storage["properties.minimumTlsVersion"]!.GetValue<string>().ShouldBe("TLS1_2");
        storage["properties.supportsHttpsTrafficOnly"]!.GetValue<bool>().ShouldBeTrue();
        storage["properties.defaultToOAuthAuthentication"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public void Blob_soft_delete_is_on_for_blobs_and_containers()
    {
        var blobService = Single("Microsoft.Storage/storageAccounts/blobServices");

        blobService["properties.deleteRetentionPolicy.enabled"]!.GetValue<bool>().ShouldBeTrue();
        blobService["properties.containerDeleteRetentionPolicy.enabled"]!.GetValue<bool>().ShouldBeTrue();
        var storageModule = infra.Main.ModuleTemplate("storage");
        storageModule.Parameters["softDeleteRetentionDays"]!["defaultValue"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(7);
    }

    [Fact]
    public void Blob_containers_are_private()
    {
        var containers = infra.Main.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").ShouldHaveSingleItem();

        containers["properties.publicAccess"]!.GetValue<string>().ShouldBe("None");
    }

    [Fact]
    public void Key_vault_uses_rbac_soft_delete_and_purge_protection_with_public_access_as_a_parameter()
    {
        var vault = Single("Microsoft.KeyVault/vaults");

        vault["properties.enableRbacAuthorization"]!.GetValue<bool>().ShouldBeTrue();
        vault["properties.enableSoftDelete"]!.GetValue<bool>().ShouldBeTrue();
        vault["properties.enablePurgeProtection"]!.GetValue<bool>().ShouldBeTrue();
        vault["properties.enabledForTemplateDeployment"]!.GetValue<bool>().ShouldBeFalse();
        vault["properties.publicNetworkAccess"]!.GetValue<string>().ShouldBe("[parameters('publicNetworkAccess')]");
        vault["properties.accessPolicies"].ShouldBeNull("RBAC only: no access policies");

        var keyVaultModule = infra.Main.Resource("keyVault");
        keyVaultModule["properties.parameters.publicNetworkAccess.value"]!.GetValue<string>()
            .ShouldBe("[parameters('keyVaultPublicNetworkAccess')]");
        infra.Main.Parameters["keyVaultPublicNetworkAccess"]!["allowedValues"]!.AsArray().Select(v => v!.GetValue<string>())
            .ShouldBe(["Enabled", "Disabled"]);
    }

    [Fact]
    public void Telemetry_ingestion_and_the_workspace_need_entra_id()
    {
        Single("Microsoft.Insights/components")["properties.DisableLocalAuth"]!.GetValue<bool>().ShouldBeTrue();
        Single("Microsoft.Insights/components")["properties.WorkspaceResourceId"]!.GetValue<string>().ShouldContain("Microsoft.OperationalInsights/workspaces");
        Single("Microsoft.OperationalInsights/workspaces")["properties.features.disableLocalAuth"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public void No_parameter_anywhere_is_a_secure_string_with_a_default()
    {
        foreach (var template in infra.Main.AllTemplates())
        {
            foreach (var (name, parameter) in template.Parameters)
            {
                var type = parameter!["type"]!.GetValue<string>();
                if (type.StartsWith("secure", StringComparison.OrdinalIgnoreCase))
                {
                    parameter.AsObject().ContainsKey("defaultValue").ShouldBeFalse($"{template.ModuleName}.{name}");
                }
            }
        }
    }
}
