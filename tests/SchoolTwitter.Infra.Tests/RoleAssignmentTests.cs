using System.Text.RegularExpressions;
using SchoolTwitter.Infra.Tests.Support;

namespace SchoolTwitter.Infra.Tests;

/// <summary>The app's identity gets exactly the least-privilege roles it needs, each named guid(scope, principal, role).</summary>
[Collection(CompiledInfraCollection.Name)]
public sealed partial class RoleAssignmentTests(CompiledInfra infra)
{
    // Built-in role definition ids (the same in every tenant).
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string KeyVaultSecretsOfficer = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string CognitiveServicesUser = "a97b65f3-24c7-4388-baec-2e87135dc908";

    public static TheoryData<string, string, string> AppRoles() => new()
    {
        { "Storage Blob Data Owner", StorageBlobDataOwner, "Microsoft.Storage/storageAccounts" },
        { "Storage Queue Data Contributor", StorageQueueDataContributor, "Microsoft.Storage/storageAccounts" },
        { "Storage Table Data Contributor", StorageTableDataContributor, "Microsoft.Storage/storageAccounts" },
        { "Key Vault Secrets Officer", KeyVaultSecretsOfficer, "Microsoft.KeyVault/vaults" },
        { "Monitoring Metrics Publisher", MonitoringMetricsPublisher, "Microsoft.Insights/components" },
    };

    private sealed record Assignment(ArmResource Resource, string RoleId, string RoleVariable)
    {
        public string PrincipalId => Resource["properties.principalId"]!.GetValue<string>();

        public string Scope => Resource["scope"]!.GetValue<string>();
    }

    private List<Assignment> Assignments() =>
        infra.Main.OfType("Microsoft.Authorization/roleAssignments").Select(resource =>
        {
            var roleDefinition = resource["properties.roleDefinitionId"]!.GetValue<string>();
            roleDefinition.ShouldStartWith("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', variables('", customMessage: resource.ToString());
            var variable = ArmTemplate.VariableReferences(roleDefinition).ShouldHaveSingleItem();
            var roleId = resource.Template.Variable(variable)!.GetValue<string>();
            return new Assignment(resource, roleId, variable);
        }).ToList();

    [Theory]
    [MemberData(nameof(AppRoles))]
    public void App_identity_gets_role_on_its_resource_named_guid_of_scope_principal_and_role(string role, string roleId, string scopeType)
    {
        var assignment = Assignments()
            .Where(a => a.RoleId == roleId && a.PrincipalId == "[parameters('principalId')]")
            .ShouldHaveSingleItem($"{role} for the app's identity");

        assignment.Resource["properties.principalType"]!.GetValue<string>().ShouldBe("ServicePrincipal");
        assignment.Scope.ShouldStartWith($"[resourceId('{scopeType}', parameters('");

        // The role id is a named variable, not a literal buried in the expression.
        assignment.RoleVariable.ShouldEndWith("RoleId");
        var scopeId = assignment.Scope[1..^1];
        assignment.Resource.Name.ShouldBe($"[guid({scopeId}, parameters('principalId'), variables('{assignment.RoleVariable}'))]");
    }

    [Fact]
    public void App_identity_gets_no_other_role()
    {
        var appRoles = Assignments().Where(a => a.PrincipalId == "[parameters('principalId')]").Select(a => a.RoleId).ToList();

        appRoles.ShouldBe(
            [StorageBlobDataOwner, StorageQueueDataContributor, StorageTableDataContributor, KeyVaultSecretsOfficer, MonitoringMetricsPublisher, CognitiveServicesUser],
            ignoreOrder: true);
    }

    [Fact]
    public void Onboarding_admins_get_only_key_vault_secrets_officer_on_the_vault()
    {
        var others = Assignments().Where(a => a.PrincipalId != "[parameters('principalId')]").ToList();

        var onboarding = others.ShouldHaveSingleItem();
        onboarding.RoleId.ShouldBe(KeyVaultSecretsOfficer);
        onboarding.Scope.ShouldStartWith("[resourceId('Microsoft.KeyVault/vaults', ");
        onboarding.Resource.Name.ShouldContain("parameters('onboardingAdminPrincipalIds')[copyIndex()]");
        onboarding.Resource.Name.ShouldStartWith("[guid(");
    }

    [Fact]
    public void Rbac_module_receives_the_principal_id_of_the_identity_module()
    {
        var rbac = infra.Main.Resource("rbac");

        rbac["properties.parameters.principalId.value"]!.GetValue<string>()
            .ShouldBe("[reference('identity').outputs.principalId.value]");
    }

    [Fact]
    public void Every_role_variable_holds_a_guid()
    {
        foreach (var assignment in Assignments())
        {
            GuidPattern().IsMatch(assignment.RoleId).ShouldBeTrue(assignment.RoleVariable);
        }
    }

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex GuidPattern();
}
