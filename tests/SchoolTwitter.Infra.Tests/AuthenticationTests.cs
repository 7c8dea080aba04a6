using SchoolTwitter.Infra.Tests.Support;

namespace SchoolTwitter.Infra.Tests;

/// <summary>
/// App Service Authentication (Easy Auth) is configured by the template, not by hand: Entra ID, authentication required,
/// 401 for unauthenticated API calls, the backend registration's client id and tenant as parameters. Only with it on does
/// the platform set WEBSITE_AUTH_ENABLED and strip forged X-MS-CLIENT-PRINCIPAL headers, which the code relies on.
/// </summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class AuthenticationTests(CompiledInfra infra)
{
    private ArmResource Auth => infra.Main.OfType("Microsoft.Web/sites/config").ShouldHaveSingleItem("one App Service Authentication configuration");

    /// <summary>What main.bicep passes the function-app module for <paramref name="parameter"/>.</summary>
    private string Module(string parameter) => infra.Main.Resource("functionApp")[$"properties.parameters.{parameter}.value"]!.GetValue<string>();

    [Fact]
    public void Authentication_is_the_function_apps_authsettingsV2_and_is_on()
    {
        Auth.Template.ModuleName.ShouldBe("functionApp");
        Auth.Name.ShouldBe("[format('{0}/{1}', parameters('name'), 'authsettingsV2')]");
        Auth["properties.platform.enabled"]!.GetValue<bool>().ShouldBeTrue();
        Auth["properties.httpSettings.requireHttps"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public void Every_request_must_be_authenticated_and_an_unauthenticated_api_call_gets_401()
    {
        Auth["properties.globalValidation.requireAuthentication"]!.GetValue<bool>().ShouldBeTrue();
        Auth["properties.globalValidation.unauthenticatedClientAction"]!.GetValue<string>().ShouldBe("Return401");
        Auth["properties.globalValidation.excludedPaths"].ShouldBeNull("no route is left open");
    }

    [Fact]
    public void Entra_id_is_the_only_identity_provider()
    {
        var providers = Auth["properties.identityProviders"]!.AsObject();
        providers.Select(p => p.Key).ShouldBe(["azureActiveDirectory"]);
        Auth["properties.identityProviders.azureActiveDirectory.enabled"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public void The_registrations_client_id_and_tenant_are_parameters()
    {
        Auth["properties.identityProviders.azureActiveDirectory.registration.clientId"]!.GetValue<string>().ShouldBe("[parameters('authClientId')]");
        Auth["properties.identityProviders.azureActiveDirectory.registration.openIdIssuer"]!.GetValue<string>().ShouldBe("[parameters('authOpenIdIssuer')]");

        Module("authClientId").ShouldBe("[parameters('authClientId')]");
        Module("authOpenIdIssuer").ShouldBe("[format('{0}{1}/v2.0', environment().authentication.loginEndpoint, parameters('authTenantId'))]");
        infra.Main.Parameters["authClientId"]!.AsObject().ContainsKey("defaultValue").ShouldBeFalse("required");
        infra.Main.Parameters["authTenantId"]!["defaultValue"]!.GetValue<string>().ShouldBe("[tenant().tenantId]");
    }

    [Fact]
    public void Allowed_audiences_default_to_the_registrations_client_id_and_app_id_uri()
    {
        Auth["properties.identityProviders.azureActiveDirectory.validation.allowedAudiences"]!.GetValue<string>().ShouldBe("[parameters('authAllowedAudiences')]");
        infra.Main.Resource("functionApp")["properties.parameters.authAllowedAudiences"]!.GetValue<string>().ShouldBe(
            "[if(empty(parameters('authAllowedAudiences')), createObject('value', createArray(parameters('authClientId'), format('api://{0}', parameters('authClientId')))), createObject('value', parameters('authAllowedAudiences')))]");
    }

    [Theory]
    [MemberData(nameof(ParameterFilesTests.Files), MemberType = typeof(ParameterFilesTests))]
    public void Each_school_names_its_own_backend_and_flow_registrations(string file)
    {
        var compiled = infra.ParameterFiles[file];

        Guid.TryParse(compiled.Value("authClientId"), out _).ShouldBeTrue($"{file}: authClientId is an app registration's client id");
        Guid.TryParse(compiled.Value("flowClientId"), out _).ShouldBeTrue($"{file}: flowClientId is an app registration's client id");
        compiled.Value("flowClientId").ShouldNotBe(compiled.Value("authClientId"), "the flow has its own registration");
    }
}
