using SchoolTwitter.Core.Text;
using SchoolTwitter.Core.Text.TwitterTextImpl;
using TT = SchoolTwitter.Core.Text.TwitterText;

namespace SchoolTwitter.Core.Tests.Structure.TwitterTextConformance;

/// <summary>
/// Every case of twitter-text's conformance sections for weighted length (validate.yml, with the config each section
/// was written for) and for URL, hashtag, mention and cashtag extraction (extract.yml, tlds.yml).
/// </summary>
public sealed class WeightedLengthConformanceTests
{
    public static TheoryData<int, string> V2Cases => ConformanceData.Cases("validate.yml", "WeightedTweetsCounterTest");
    public static TheoryData<int, string> V3Cases => ConformanceData.Cases("validate.yml", "WeightedTweetsWithDiscountedEmojiCounterTest");
    public static TheoryData<int, string> DirectionalCases => ConformanceData.Cases("validate.yml", "UnicodeDirectionalMarkerCounterTest");

    public static TheoryData<int, string> V1ValidityCases => ConformanceData.Cases("validate.yml", "tweets");

    [Theory]
    [MemberData(nameof(V1ValidityCases))]
    public void Tweets_validity_with_config_v1(int index, string description)
    {
        var testCase = ConformanceData.Case("validate.yml", "tweets", index);
        TT.Parse((string)testCase["text"]!, TwitterTextConfig.V1).Valid.ShouldBe((bool)testCase["expected"]!, description);
    }

    [Theory]
    [MemberData(nameof(V2Cases))]
    public void WeightedTweetsCounterTest_with_config_v2(int index, string description) =>
        AssertParse("WeightedTweetsCounterTest", index, description, TwitterTextConfig.V2);

    [Theory]
    [MemberData(nameof(V3Cases))]
    public void WeightedTweetsWithDiscountedEmojiCounterTest_with_config_v3(int index, string description) =>
        AssertParse("WeightedTweetsWithDiscountedEmojiCounterTest", index, description, TwitterTextConfig.V3);

    [Theory]
    [MemberData(nameof(DirectionalCases))]
    public void UnicodeDirectionalMarkerCounterTest_with_config_v3(int index, string description) =>
        AssertParse("UnicodeDirectionalMarkerCounterTest", index, description, TwitterTextConfig.V3);

    private static void AssertParse(string section, int index, string description, TwitterTextConfig config)
    {
        var testCase = ConformanceData.Case("validate.yml", section, index);
        var text = (string)testCase["text"]!;
        var expected = (Dictionary<string, object?>)testCase["expected"]!;

        var result = TT.Parse(text, config);

        var actual = new Dictionary<string, object?>
        {
            ["weightedLength"] = result.WeightedLength,
            ["valid"] = result.Valid,
            ["permillage"] = result.Permillage,
            ["displayRangeStart"] = result.DisplayRangeStart,
            ["displayRangeEnd"] = result.DisplayRangeEnd,
            ["validRangeStart"] = result.ValidRangeStart,
            ["validRangeEnd"] = result.ValidRangeEnd,
        };
        foreach (var (key, value) in expected)
        {
            actual[key].ShouldBe(value, $"{description}: {key}");
        }
        if (config == TwitterTextConfig.V3)
        {
            // The public API (config v3) agrees with the parser.
            TT.WeightedLength(text).ShouldBe(result.WeightedLength, description);
            TT.WeightedLength(text, TT.ExtractEntities(text)).ShouldBe(result.WeightedLength, description);
        }
    }
}

public sealed class UrlConformanceTests
{
    public static TheoryData<int, string> UrlCases => ConformanceData.Cases("extract.yml", "urls");
    public static TheoryData<int, string> UrlWithIndicesCases => ConformanceData.Cases("extract.yml", "urls_with_indices");
    public static TheoryData<int, string> DirectionalCases => ConformanceData.Cases("extract.yml", "urls_with_directional_markers");
    public static TheoryData<int, string> TcoCases => ConformanceData.Cases("extract.yml", "tco_urls_with_params");
    public static TheoryData<int, string> CountryTldCases => ConformanceData.Cases("tlds.yml", "country");
    public static TheoryData<int, string> GenericTldCases => ConformanceData.Cases("tlds.yml", "generic");

    [Theory]
    [MemberData(nameof(UrlCases))]
    public void Urls(int index, string description) => AssertUrls("extract.yml", "urls", index, description);

    [Theory]
    [MemberData(nameof(TcoCases))]
    public void Tco_urls_with_params(int index, string description) => AssertUrls("extract.yml", "tco_urls_with_params", index, description);

    [Theory]
    [MemberData(nameof(CountryTldCases))]
    public void Country_tlds(int index, string description) => AssertUrls("tlds.yml", "country", index, description);

    [Theory]
    [MemberData(nameof(GenericTldCases))]
    public void Generic_tlds(int index, string description) => AssertUrls("tlds.yml", "generic", index, description);

    [Theory]
    [MemberData(nameof(UrlWithIndicesCases))]
    public void Urls_with_indices(int index, string description) => AssertUrlIndices("urls_with_indices", index, description);

    [Theory]
    [MemberData(nameof(DirectionalCases))]
    public void Urls_with_directional_markers(int index, string description) =>
        AssertUrlIndices("urls_with_directional_markers", index, description);

    private static void AssertUrls(string file, string section, int index, string description)
    {
        var testCase = ConformanceData.Case(file, section, index);
        var urls = TT.ExtractUrls((string)testCase["text"]!);
        urls.Select(u => u.Value).ToList().ShouldBe(ConformanceData.Strings(testCase["expected"]), description);
    }

    private static void AssertUrlIndices(string section, int index, string description)
    {
        var testCase = ConformanceData.Case("extract.yml", section, index);
        var urls = TT.ExtractUrls((string)testCase["text"]!);
        urls.Select(u => (u.Value, u.Start, u.End)).ToList()
            .ShouldBe(ConformanceData.Indexed(testCase["expected"], "url"), description);
    }
}

public sealed class HashtagConformanceTests
{
    public static TheoryData<int, string> HashtagCases => ConformanceData.Cases("extract.yml", "hashtags");
    public static TheoryData<int, string> AstralCases => ConformanceData.Cases("extract.yml", "hashtags_from_astral");
    public static TheoryData<int, string> IndexCases => ConformanceData.Cases("extract.yml", "hashtags_with_indices");

    [Theory]
    [MemberData(nameof(HashtagCases))]
    public void Hashtags(int index, string description) => AssertHashtags("hashtags", index, description);

    [Theory]
    [MemberData(nameof(AstralCases))]
    public void Hashtags_from_astral(int index, string description) => AssertHashtags("hashtags_from_astral", index, description);

    [Theory]
    [MemberData(nameof(IndexCases))]
    public void Hashtags_with_indices(int index, string description)
    {
        var testCase = ConformanceData.Case("extract.yml", "hashtags_with_indices", index);
        TT.ExtractHashtags((string)testCase["text"]!).Select(h => (h.Value, h.Start, h.End)).ToList()
            .ShouldBe(ConformanceData.Indexed(testCase["expected"], "hashtag"), description);
    }

    private static void AssertHashtags(string section, int index, string description)
    {
        var testCase = ConformanceData.Case("extract.yml", section, index);
        TT.ExtractHashtags((string)testCase["text"]!).Select(h => h.Value).ToList()
            .ShouldBe(ConformanceData.Strings(testCase["expected"]), description);
    }
}

public sealed class MentionConformanceTests
{
    public static TheoryData<int, string> MentionCases => ConformanceData.Cases("extract.yml", "mentions");
    public static TheoryData<int, string> IndexCases => ConformanceData.Cases("extract.yml", "mentions_with_indices");
    public static TheoryData<int, string> ListCases => ConformanceData.Cases("extract.yml", "mentions_or_lists_with_indices");
    public static TheoryData<int, string> ReplyCases => ConformanceData.Cases("extract.yml", "replies");

    [Theory]
    [MemberData(nameof(MentionCases))]
    public void Mentions(int index, string description)
    {
        var testCase = ConformanceData.Case("extract.yml", "mentions", index);
        ScreenNamesOnly((string)testCase["text"]!).Select(m => m.ScreenName).ToList()
            .ShouldBe(ConformanceData.Strings(testCase["expected"]), description);
    }

    [Theory]
    [MemberData(nameof(IndexCases))]
    public void Mentions_with_indices(int index, string description)
    {
        var testCase = ConformanceData.Case("extract.yml", "mentions_with_indices", index);
        ScreenNamesOnly((string)testCase["text"]!).Select(m => (m.ScreenName, m.Start, m.End)).ToList()
            .ShouldBe(ConformanceData.Indexed(testCase["expected"], "screen_name"), description);
    }

    [Theory]
    [MemberData(nameof(ListCases))]
    public void Mentions_or_lists_with_indices(int index, string description)
    {
        var testCase = ConformanceData.Case("extract.yml", "mentions_or_lists_with_indices", index);
        var actual = new List<MentionMatch>();
        TagScanners.ExtractMentionsOrLists((string)testCase["text"]!, actual);
        var expected = ((List<object?>?)testCase["expected"] ?? []).Cast<Dictionary<string, object?>>().ToList();
        actual.Select(m => (m.ScreenName, m.ListSlug ?? "", m.Start, m.End)).ToList().ShouldBe(
            expected.Select(e => ((string)e["screen_name"]!, (string)e["list_slug"]!,
                (int)((List<object?>)e["indices"]!)[0]!, (int)((List<object?>)e["indices"]!)[1]!)).ToList(),
            description);
        // The public entities carry the same spans.
        TT.ExtractMentions((string)testCase["text"]!).Select(m => (m.Start, m.End)).ToList()
            .ShouldBe(actual.Select(m => (m.Start, m.End)).ToList(), description);
    }

    [Theory]
    [MemberData(nameof(ReplyCases))]
    public void Replies(int index, string description)
    {
        var testCase = ConformanceData.Case("extract.yml", "replies", index);
        TagScanners.ExtractReplyScreenName((string)testCase["text"]!).ShouldBe((string?)testCase["expected"], description);
    }

    private static List<MentionMatch> ScreenNamesOnly(string text)
    {
        var all = new List<MentionMatch>();
        TagScanners.ExtractMentionsOrLists(text, all);
        return all.Where(m => m.ListSlug is null).ToList();
    }
}

public sealed class CashtagConformanceTests
{
    public static TheoryData<int, string> CashtagCases => ConformanceData.Cases("extract.yml", "cashtags");
    public static TheoryData<int, string> IndexCases => ConformanceData.Cases("extract.yml", "cashtags_with_indices");

    [Theory]
    [MemberData(nameof(CashtagCases))]
    public void Cashtags(int index, string description)
    {
        var testCase = ConformanceData.Case("extract.yml", "cashtags", index);
        TT.ExtractCashtags((string)testCase["text"]!).Select(c => c.Value).ToList()
            .ShouldBe(ConformanceData.Strings(testCase["expected"]), description);
    }

    [Theory]
    [MemberData(nameof(IndexCases))]
    public void Cashtags_with_indices(int index, string description)
    {
        var testCase = ConformanceData.Case("extract.yml", "cashtags_with_indices", index);
        TT.ExtractCashtags((string)testCase["text"]!).Select(c => (c.Value, c.Start, c.End)).ToList()
            .ShouldBe(ConformanceData.Indexed(testCase["expected"], "cashtag"), description);
    }
}

public sealed class EmbeddedTldListTests
{
    [Fact]
    public void Embedded_tld_lists_are_twitter_texts_tld_lib_in_order()
    {
        var lines = File.ReadAllLines(ConformanceData.PathOf("tld_lib.yml"));
        var country = new List<string>();
        var generic = new List<string>();
        List<string>? current = null;
        foreach (var line in lines)
        {
            if (line.StartsWith("country:", StringComparison.Ordinal)) current = country;
            else if (line.StartsWith("generic:", StringComparison.Ordinal)) current = generic;
            else if (line.StartsWith("- ", StringComparison.Ordinal)) current!.Add(line[2..].Trim().Trim('\'', '"'));
        }
        TwitterTextData.CountryTlds.ShouldBe(country);
        TwitterTextData.GenericTlds.ShouldBe(generic);
    }
}
