using System.Text.RegularExpressions;
using SchoolTwitter.Infra.Tests.Support;
using SchoolTwitter.Infrastructure.Configuration;

namespace SchoolTwitter.Infra.Tests;

/// <summary>The X credential secrets are declared by name only: no value in the template, never overwritten, never output.</summary>
[Collection(CompiledInfraCollection.Name)]
public sealed partial class KeyVaultSecretsTests(CompiledInfra infra)
{
    private ArmResource Secrets => infra.Main.OfType("Microsoft.KeyVault/vaults/secrets").ShouldHaveSingleItem("one secrets loop");

    [Fact]
    public void X_credential_secrets_are_exactly_secret_names_all()
    {
        var declared = infra.Main.Variable("xCredentialSecretNames")!.AsArray().Select(n => n!.GetValue<string>()).ToList();

        declared.ShouldBe(SecretNames.All, ignoreOrder: false);
    }

    [Fact]
    public void Vault_declares_the_x_credentials_and_the_webhook_url_and_nothing_else()
    {
        infra.Main.Resource("keyVault")["properties.parameters.secretNames.value"]!.GetValue<string>()
            .ShouldBe("[concat(variables('xCredentialSecretNames'), createArray(variables('notificationWebhookSecretName')))]");
        infra.Main.Variable("notificationWebhookSecretName")!.GetValue<string>().ShouldBe("notifications-webhook-url");
        SecretNames.All.ShouldNotContain("notifications-webhook-url");
    }

    [Fact]
    public void Secrets_are_created_once_empty_and_disabled_so_a_redeploy_never_replaces_a_credential()
    {
        Secrets.Json["@options"]!["onlyIfNotExists"].ShouldNotBeNull("@onlyIfNotExists(): created only when absent");
        Secrets["properties.value"]!.GetValue<string>().ShouldBeEmpty();
        Secrets["properties.attributes.enabled"]!.GetValue<bool>().ShouldBeFalse();
        Secrets.Name.ShouldBe("[format('{0}/{1}', parameters('name'), parameters('secretNames')[copyIndex()])]");
    }

    [Fact]
    public void No_secret_value_appears_in_any_template_or_parameter_file()
    {
        foreach (var secret in SecretNames.All)
        {
            // Names may appear (declarations); a value may not: nothing in infra/ passes one.
            infra.MainJsonText.ShouldNotContain($"\"{secret}\": ", Case.Insensitive);
        }

        foreach (var parameters in infra.ParameterFiles.Values)
        {
            foreach (var secret in SecretNames.All)
            {
                parameters.Text.ShouldNotContain(secret, Case.Insensitive);
            }
        }

        infra.MainJsonText.ShouldNotContain("getSecret", Case.Insensitive);
        infra.MainJsonText.ShouldNotContain("Microsoft.KeyVault/vaults/secrets', ", Case.Insensitive, "no reference() to a secret");
    }

    [Fact]
    public void No_output_of_any_template_carries_a_secret_or_anything_secret_looking()
    {
        foreach (var template in infra.Main.AllTemplates())
        {
            foreach (var (name, output) in template.Outputs)
            {
                var where = $"{template.ModuleName} output {name}";
                output!["type"]!.GetValue<string>().ShouldNotStartWith("secure", Case.Insensitive, where);
                SecretLooking().IsMatch(name).ShouldBeFalse(where);
                var value = output["value"]?.ToJsonString() ?? string.Empty;
                SecretLooking().IsMatch(value).ShouldBeFalse($"{where} = {value}");
                value.ShouldNotContain("list", Case.Sensitive, where);
                value.ShouldNotContain("x-", Case.Insensitive, where);
            }
        }
    }

    [GeneratedRegex("secret|password|passwd|token|connectionstring|instrumentationkey|accountkey|sas|credential", RegexOptions.IgnoreCase)]
    private static partial Regex SecretLooking();
}
