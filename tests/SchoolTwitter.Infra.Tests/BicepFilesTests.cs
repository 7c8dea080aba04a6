using System.Text.Json;
using System.Text.Json.Nodes;
using SchoolTwitter.Infra.Tests.Support;

namespace SchoolTwitter.Infra.Tests;

/// <summary>Every .bicep and .bicepparam file builds and lints clean: any warning or error fails, with Bicep's output shown.</summary>
public sealed class BicepFilesTests
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

    [Theory]
    [MemberData(nameof(Files))]
    public void File_builds_without_any_diagnostic(string file)
    {
        var output = Path.Combine(Path.GetTempPath(), $"schooltwitter-build-{Guid.NewGuid():N}.json");
        try
        {
            var verb = file.EndsWith(".bicepparam", StringComparison.Ordinal) ? "build-params" : "build";
            var result = BicepCli.Run(verb, Path.Combine(RepoPaths.Infra, file), "--outfile", output);

            result.ExitCode.ShouldBe(0, $"bicep {verb} infra/{file}: {result}");
            result.Output.ShouldBeEmpty($"bicep {verb} infra/{file} printed diagnostics: {result}");
            File.Exists(output).ShouldBeTrue();
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void File_lints_without_any_warning_or_error(string file)
    {
        var result = BicepCli.Run("lint", Path.Combine(RepoPaths.Infra, file));

        result.ExitCode.ShouldBe(0, $"bicep lint infra/{file}: {result}");
        result.Output.ShouldBeEmpty($"bicep lint infra/{file} reported: {result}");
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
