using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SchoolTwitter.Infra.Tests.Support;

namespace SchoolTwitter.Infra.Tests;

/// <summary>Each school is one .bicepparam file against the same main.bicep; none holds a secret.</summary>
[Collection(CompiledInfraCollection.Name)]
public sealed partial class ParameterFilesTests(CompiledInfra infra)
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

    [Theory]
    [MemberData(nameof(Files))]
    public void Parameter_file_values_have_the_shapes_azure_and_the_code_need(string file)
    {
        var compiled = infra.ParameterFiles[file];

        // Storage and Key Vault names are built from it: lowercase letters and digits only.
        SchoolCode().IsMatch(compiled.Value("schoolCode")!).ShouldBeTrue($"{file}: schoolCode");
        XUserId().IsMatch(compiled.Value("xAccountId")!).ShouldBeTrue($"{file}: xAccountId is X's numeric user id, not the @handle");
        Email().IsMatch(compiled.Value("headTeacherContact")!).ShouldBeTrue($"{file}: headTeacherContact");
        foreach (var address in StringArray(compiled, "alertEmailAddresses"))
        {
            Email().IsMatch(address).ShouldBeTrue($"{file}: alert address {address}");
        }

        foreach (var id in StringArray(compiled, "sltGroupIds").Concat(StringArray(compiled, "onboardingAdminPrincipalIds")))
        {
            Guid.TryParse(id, out _).ShouldBeTrue($"{file}: {id} is not an Entra object id");
        }

        foreach (var schedule in new[] { "weeklyFollowerScanSchedule", "inboundModerationSchedule", "credentialRotationSchedule", "draftSweepSchedule" })
        {
            if (compiled.Value(schedule) is { } value)
            {
                value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(6, $"{file}: {schedule} is six-field NCRONTAB");
            }
        }
    }

    private static IEnumerable<string> StringArray(CompiledParameters compiled, string name) =>
        compiled.Parameters[name]?["value"] is JsonArray array ? array.Select(v => v!.GetValue<string>()) : [];

    [GeneratedRegex("^[a-z0-9]{2,10}$")]
    private static partial Regex SchoolCode();

    [GeneratedRegex("^[0-9]{1,20}$")]
    private static partial Regex XUserId();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();
}
