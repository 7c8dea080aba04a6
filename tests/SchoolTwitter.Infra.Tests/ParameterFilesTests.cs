using SchoolTwitter.Infra.Tests.Support;

namespace SchoolTwitter.Infra.Tests;

/// <summary>Each school is one .bicepparam file against the same main.bicep; none holds a secret.</summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class ParameterFilesTests(CompiledInfra infra)
{
    public static TheoryData<string> Files() => new(RepoPaths.ParameterFiles());

    [Fact]
    public void The_example_school_is_a_different_school_on_the_same_templates()
    {
        var main = infra.ParameterFiles["main.bicepparam"];
        var examples = infra.ParameterFiles.Values.Where(p => p.File.StartsWith("examples/", StringComparison.Ordinal)).ToList();

        examples.ShouldNotBeEmpty();
        foreach (var example in examples)
        {
            example.Value("schoolCode").ShouldNotBe(main.Value("schoolCode"), example.File);
            example.Value("xAccountId").ShouldNotBe(main.Value("xAccountId"), example.File);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Parameter_file_uses_main_bicep(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Infra, file));
        var expected = Path.GetRelativePath(Path.GetDirectoryName(Path.Combine(RepoPaths.Infra, file))!, RepoPaths.MainTemplate).Replace('\\', '/');

        text.ShouldContain($"using '{expected}'");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Parameter_file_sets_every_required_parameter(string file)
    {
        var compiled = infra.ParameterFiles[file];
        var required = infra.Main.Parameters.Where(p => !p.Value!.AsObject().ContainsKey("defaultValue")).Select(p => p.Key);

        foreach (var name in required)
        {
            compiled.Parameters.ContainsKey(name).ShouldBeTrue($"{file} lacks required parameter {name}");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Parameter_file_holds_no_secret(string file)
    {
        var compiled = infra.ParameterFiles[file];

        compiled.Text.ShouldNotContain("reference", Case.Insensitive, "no Key Vault reference or secret in a parameter file");
        foreach (var name in compiled.Parameters.Select(p => p.Key))
        {
            infra.Main.Parameters[name].ShouldNotBeNull($"{file} sets unknown parameter {name}");
            infra.Main.Parameters[name]!["type"]!.GetValue<string>().ShouldNotStartWith("secure", Case.Insensitive);
        }
    }
}
