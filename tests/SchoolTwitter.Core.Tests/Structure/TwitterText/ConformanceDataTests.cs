namespace SchoolTwitter.Core.Tests.Structure.TwitterTextConformance;

/// <summary>The conformance files' values reach the tests as the YAML core schema reads them: quoted scalars stay text.</summary>
public sealed class ConformanceDataTests
{
    [Fact]
    public void Plain_scalars_become_numbers_booleans_and_null_and_quoted_ones_stay_text()
    {
        var path = Path.Combine(Path.GetTempPath(), $"conformance-{Guid.NewGuid():N}.yml");
        File.WriteAllText(path, """
            tests:
              cases:
                - description: "a case"
                  text: "12"
                  expected: 12
                  valid: true
                  quoted: 'true'
                  nothing: ~
                  indices: [0, 4]
                  escaped: "caf\u00E9 \U0001F600"
            """);
        try
        {
            var root = (Dictionary<string, object?>)ConformanceData.Load(path)!;
            var testCase = (Dictionary<string, object?>)((List<object?>)((Dictionary<string, object?>)root["tests"]!)["cases"]!).ShouldHaveSingleItem()!;

            testCase["text"].ShouldBe("12");
            testCase["expected"].ShouldBe(12);
            testCase["valid"].ShouldBe(true);
            testCase["quoted"].ShouldBe("true");
            testCase["nothing"].ShouldBeNull();
            testCase["indices"].ShouldBe(new List<object?> { 0, 4 });
            testCase["escaped"].ShouldBe("café 😀");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
