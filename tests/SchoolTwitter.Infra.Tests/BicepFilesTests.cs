using System.Text.Json;
using System.Text.Json.Nodes;
using SchoolTwitter.Infra.Tests.Support;

namespace SchoolTwitter.Infra.Tests;

/// <summary>Every .bicep and .bicepparam file builds and lints clean: any warning or error fails, with Bicep's output shown.</summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class BicepFilesTests(CompiledInfra infra)
{
    public static TheoryData<string> Files() => new(RepoPaths.BicepFiles());

    [Fact]
    public void Infra_has_the_main_template_every_module_and_two_school_parameter_files()
    {
        var files = RepoPaths.BicepFiles();

        files.ShouldContain("main.bicep");
        files.ShouldContain("main.bicepparam");
        foreach (var module in new[] { "identity", "storage", "key-vault", "monitoring", "function-app", "rbac" })
        {
            files.ShouldContain($"modules/{module}.bicep");
        }

        files.Count(f => f.StartsWith("examples/", StringComparison.Ordinal) && f.EndsWith(".bicepparam", StringComparison.Ordinal))
            .ShouldBeGreaterThanOrEqualTo(1, "a second school's parameter file shows the same templates serve every school");
    }

    [Fact]
    public void Build_build_params_and_lint_of_all_files_succeed_and_print_nothing()
    {
        infra.TemplateBuild.ExitCode.ShouldBe(0, $"bicep build: {infra.TemplateBuild}");
        infra.TemplateBuild.Output.ShouldBeEmpty($"bicep build printed: {infra.TemplateBuild}");
        infra.ParameterBuild.ExitCode.ShouldBe(0, $"bicep build-params: {infra.ParameterBuild}");
        infra.ParameterBuild.Output.ShouldBeEmpty($"bicep build-params printed: {infra.ParameterBuild}");
        infra.Lint.ExitCode.ShouldBe(0, $"bicep lint: {infra.Lint}");
        infra.Lint.Output.ShouldBeEmpty($"bicep lint reported: {infra.Lint}");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void File_compiles_to_arm_json(string file)
    {
        infra.CompiledFiles.ContainsKey(file).ShouldBeTrue($"infra/{file} did not compile: {infra.TemplateBuild}{infra.ParameterBuild}");
        JsonNode.Parse(infra.CompiledFiles[file]).ShouldBeOfType<JsonObject>();
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void File_has_no_lint_warning_or_error(string file)
    {
        infra.DiagnosticsFor(file).ShouldBeEmpty($"infra/{file}");
    }

    [Theory]
    [InlineData("outputs-should-not-contain-secrets")]
    [InlineData("secure-parameter-default")]
    [InlineData("use-secure-value-for-secure-inputs")]
    [InlineData("no-hardcoded-env-urls")]
    [InlineData("protect-commandtoexecute-secrets")]
    [InlineData("secure-secrets-in-params")]
    [InlineData("secure-params-in-nested-deploy")]
    [InlineData("adminusername-should-not-be-literal")]
    [InlineData("no-hardcoded-location")]
    [InlineData("use-stable-resource-identifiers")]
    public void Bicepconfig_makes_security_relevant_linter_rule_an_error(string rule)
    {
        var config = JsonNode.Parse(
            File.ReadAllText(Path.Combine(RepoPaths.Infra, "bicepconfig.json")),
            documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;

        config["analyzers"]?["core"]?["enabled"]?.GetValue<bool>().ShouldBe(true);
        config["analyzers"]?["core"]?["rules"]?[rule]?["level"]?.GetValue<string>().ShouldBe("error", $"rule {rule}");
    }

    [Fact]
    public void Lint_with_the_repository_config_fails_a_template_that_outputs_a_secret()
    {
        // Proves the lint check has teeth: the same bicepconfig.json turns a secret-looking output into an error.
        var folder = Directory.CreateTempSubdirectory("schooltwitter-lint-");
        try
        {
            File.Copy(Path.Combine(RepoPaths.Infra, "bicepconfig.json"), Path.Combine(folder.FullName, "bicepconfig.json"));
            var template = Path.Combine(folder.FullName, "leaky.bicep");
            File.WriteAllText(template, """
                @secure()
                @description('Required. A password.')
                param adminPassword string

                output adminPassword string = adminPassword
                """);

            var result = BicepCli.Run("lint", template);

            result.ExitCode.ShouldNotBe(0, result.ToString());
            result.Output.ShouldContain("Error outputs-should-not-contain-secrets");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
