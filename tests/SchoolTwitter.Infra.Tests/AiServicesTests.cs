using SchoolTwitter.Infra.Tests.Support;

namespace SchoolTwitter.Infra.Tests;

/// <summary>The optional second check's Azure AI account (issue 12): off by default, Entra only, the app's identity as Cognitive Services User.</summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class AiServicesTests(CompiledInfra infra)
{
    private ArmResource Account => infra.Main.OfType("Microsoft.CognitiveServices/accounts").ShouldHaveSingleItem();

    [Fact]
    public void The_account_is_an_ai_services_account_with_keys_disabled_and_its_own_subdomain()
    {
        Account["kind"]!.GetValue<string>().ShouldBe("AIServices");
        Account["properties.disableLocalAuth"]!.GetValue<bool>().ShouldBeTrue();
        Account["properties.customSubDomainName"]!.GetValue<string>().ShouldBe("[parameters('name')]");
    }

    [Fact]
    public void The_second_check_is_off_by_default_and_deployed_only_when_switched_on()
    {
        infra.Main.Json["parameters"]!["enableSecondCheck"]!["defaultValue"]!.GetValue<bool>().ShouldBeFalse();
        infra.Main.Resource("aiServices")["condition"]!.GetValue<string>().ShouldBe("[parameters('enableSecondCheck')]");
        infra.Main.Resource("aiServices")["properties.parameters.location.value"]!.GetValue<string>().ShouldBe("[parameters('aiServicesLocation')]");
    }

    [Fact]
    public void The_endpoint_setting_is_empty_when_off_and_the_accounts_subdomain_when_on()
    {
        var value = infra.Main.Resource("functionApp")["properties.parameters.appSettings.value"]!["ContentSafety__Endpoint"]!.GetValue<string>();
        value.ShouldStartWith("[if(parameters('enableSecondCheck'),");
        value.ShouldContain("cognitiveservices.azure.com");
    }

    [Fact]
    public void The_apps_identity_is_cognitive_services_user_on_the_account_only()
    {
        var module = infra.Main.ModuleTemplate("aiServices");
        var assignment = module.OfType("Microsoft.Authorization/roleAssignments").ShouldHaveSingleItem();
        assignment["properties.roleDefinitionId"]!.GetValue<string>().ShouldContain("variables('cognitiveServicesUserRoleId')");
        module.Json["variables"]!["cognitiveServicesUserRoleId"]!.GetValue<string>().ShouldBe("a97b65f3-24c7-4388-baec-2e87135dc908");
        assignment["properties.principalId"]!.GetValue<string>().ShouldBe("[parameters('principalId')]");
        assignment.Json["scope"]!.GetValue<string>().ShouldContain("Microsoft.CognitiveServices/accounts");
    }
}
