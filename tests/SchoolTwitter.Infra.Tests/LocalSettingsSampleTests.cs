using System.Text.Json.Nodes;
using SchoolTwitter.Infra.Tests.Support;

namespace SchoolTwitter.Infra.Tests;

/// <summary>local.settings.sample.json is where a developer starts: it names every setting the code reads, so no timer binds to a missing schedule.</summary>
public sealed class LocalSettingsSampleTests
{
    private static readonly JsonObject Values =
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "local.settings.sample.json")))!["Values"]!.AsObject();

    public static TheoryData<string> SettingNames() => new(AppSettingsTests.SettingNameValues());

    [Theory]
    [MemberData(nameof(SettingNames))]
    public void Sample_local_settings_name_every_setting_the_code_reads(string name)
    {
        Values.ContainsKey(name).ShouldBeTrue($"local.settings.sample.json lacks {name}");
    }

    [Fact]
    public void Sample_local_settings_use_the_local_storage_emulator_not_a_key()
    {
        Values["AzureWebJobsStorage"]!.GetValue<string>().ShouldBe("UseDevelopmentStorage=true");
    }
}
