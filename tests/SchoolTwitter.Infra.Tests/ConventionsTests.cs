using SchoolTwitter.Infra.Tests.Support;

namespace SchoolTwitter.Infra.Tests;

/// <summary>Every parameter explains itself; every taggable resource carries the tags; names follow prefix + school + environment.</summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class ConventionsTests(CompiledInfra infra)
{
    private static readonly string[] TaggableTypes =
    [
        "Microsoft.ManagedIdentity/userAssignedIdentities",
        "Microsoft.Storage/storageAccounts",
        "Microsoft.KeyVault/vaults",
        "Microsoft.KeyVault/vaults/secrets",
        "Microsoft.OperationalInsights/workspaces",
        "Microsoft.Insights/components",
        "Microsoft.Insights/actionGroups",
        "Microsoft.Insights/scheduledQueryRules",
        "Microsoft.Web/serverfarms",
        "Microsoft.Web/sites",
    ];

    [Fact]
    public void Every_parameter_of_every_template_says_whether_it_is_required_or_optional()
    {
        foreach (var template in infra.Main.AllTemplates())
        {
            foreach (var (name, parameter) in template.Parameters)
            {
                var where = $"{template.ModuleName}.{name}";
                var description = parameter!["metadata"]?["description"]?.GetValue<string>();
                description.ShouldNotBeNull(where);
                var hasDefault = parameter.AsObject().ContainsKey("defaultValue");
                description.ShouldStartWith(hasDefault ? "Optional. " : "Required. ", Case.Sensitive, where);
            }
        }
    }

    [Fact]
    public void Every_taggable_resource_is_tagged()
    {
        foreach (var type in TaggableTypes)
        {
            var resources = infra.Main.OfType(type).ToList();
            resources.ShouldNotBeEmpty(type);
            foreach (var resource in resources)
            {
                resource["tags"]?.GetValue<string>().ShouldBe("[parameters('tags')]", resource.ToString());
            }
        }

        foreach (var module in infra.Main.Resources.Where(r => r.Type == "Microsoft.Resources/deployments" && r.SymbolicName != "rbac"))
        {
            module["properties.parameters.tags.value"]!.GetValue<string>().ShouldBe("[variables('allTags')]", module.ToString());
        }
    }

    [Fact]
    public void Standard_tags_name_the_application_school_and_environment_and_keep_the_councils_own()
    {
        infra.Main.Variable("allTags")!.GetValue<string>().ShouldBe(
            "[union(parameters('tags'), createObject('application', 'SchoolTwitter', 'school', parameters('schoolCode'), 'environment', parameters('environment'), 'managed-by', 'bicep'))]");
    }

    [Fact]
    public void Names_come_from_the_abbreviations_map_prefix_school_environment_and_a_unique_suffix()
    {
        var abbreviations = infra.Main.Variable("abbreviations")!.AsObject();
        abbreviations.Count.ShouldBeGreaterThanOrEqualTo(9);

        var names = string.Join(Environment.NewLine, infra.Main.Variable("names")!.AsObject().Select(n => n.Value!.GetValue<string>()));
        foreach (var (kind, _) in abbreviations)
        {
            names.ShouldContain($"variables('abbreviations').{kind}", customMessage: kind);
        }

        infra.Main.Variable("baseName")!.GetValue<string>()
            .ShouldBe("[toLower(format('{0}-{1}-{2}', parameters('namePrefix'), parameters('schoolCode'), parameters('environment')))]");
        infra.Main.Variable("uniqueSuffix")!.GetValue<string>()
            .ShouldBe("[take(uniqueString(resourceGroup().id, parameters('schoolCode'), parameters('environment'), parameters('nameSeed')), 6)]");
    }

    [Fact]
    public void Global_names_fit_their_24_character_limit_whatever_the_parameters()
    {
        // Storage and Key Vault names: take(abbreviation + compact base, 18) + 6-character suffix = 24 at most.
        var names = string.Join(Environment.NewLine, infra.Main.Variable("names")!.AsObject().Select(n => n.Value!.GetValue<string>()));

        names.ShouldContain("format('{0}{1}', take(format('{0}{1}', variables('abbreviations').storageAccount, variables('compactBaseName')), 18), variables('uniqueSuffix'))");
        names.ShouldContain("format('{0}{1}', take(format('{0}{1}', variables('abbreviations').keyVault, variables('compactBaseName')), 18), variables('uniqueSuffix'))");
        infra.Main.Parameters["namePrefix"]!["maxLength"]!.GetValue<int>().ShouldBeLessThanOrEqualTo(6);
        infra.Main.Parameters["schoolCode"]!["maxLength"]!.GetValue<int>().ShouldBeLessThanOrEqualTo(10);
    }

    [Fact]
    public void Modules_are_local_files_not_registry_references()
    {
        foreach (var file in RepoPaths.BicepFiles().Where(f => f.EndsWith(".bicep", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(Path.Combine(RepoPaths.Infra, file));
            text.ShouldNotContain("'br:", Case.Insensitive, file);
            text.ShouldNotContain("'br/", Case.Insensitive, file);
            text.ShouldNotContain("'ts:", Case.Insensitive, file);
            text.ShouldNotContain("'ts/", Case.Insensitive, file);
        }
    }
}
