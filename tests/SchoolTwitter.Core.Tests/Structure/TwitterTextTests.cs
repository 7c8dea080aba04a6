using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.Tests.Structure;

public sealed class TwitterTextTests
{
    [Fact]
    public void ExtractEntities_finds_every_kind_in_text_order_with_original_indices()
    {
        const string text = "Thanks @StHelensCouncil! Photos: https://stmarys.sch.uk/fair $GBP #SummerFair";
        var entities = TwitterText.ExtractEntities(text);
        entities.Select(e => (e.Kind, e.Value, text.Substring(e.Start, e.Length))).ShouldBe(
        [
            (TextEntityKind.Mention, "StHelensCouncil", "@StHelensCouncil"),
            (TextEntityKind.Url, "https://stmarys.sch.uk/fair", "https://stmarys.sch.uk/fair"),
            (TextEntityKind.Cashtag, "GBP", "$GBP"),
            (TextEntityKind.Hashtag, "SummerFair", "#SummerFair"),
        ]);
    }

    [Fact]
    public void ExtractEntities_keeps_the_url_when_a_hashtag_is_inside_it()
    {
        var entities = TwitterText.ExtractEntities("See twitter.com/#hashtag now");
        entities.ShouldHaveSingleItem().Kind.ShouldBe(TextEntityKind.Url);
    }

    [Fact]
    public void ExtractEntities_of_empty_text_is_empty() => TwitterText.ExtractEntities("").ShouldBeEmpty();

    [Theory]
    [InlineData("", 0)]
    [InlineData("Hello", 5)]
    [InlineData("Café", 4)]
    [InlineData("Cafe\u0301", 4)] // NFC first: e + combining acute is one character
    [InlineData("See https://example.com/a/very/long/path/indeed?with=query", 27)]
    [InlineData("👍", 2)]
    [InlineData("👍🏽", 2)] // skin tone
    [InlineData("❤️", 2)] // with VS16
    [InlineData("🇬🇧", 2)] // flag
    [InlineData("🏴󠁧󠁢󠁥󠁮󠁧󠁿", 2)] // England: tag sequence
    [InlineData("👩‍🏫", 2)] // ZWJ sequence
    [InlineData("#️⃣", 2)] // keycap
    [InlineData("© 2025", 6)] // text copyright sign counts as a Latin character
    [InlineData("故人", 4)]
    public void WeightedLength_counts_as_x_does(string text, int expected) => TwitterText.WeightedLength(text).ShouldBe(expected);

    [Fact]
    public void WeightedLength_with_entities_matches_weighted_length_without()
    {
        const string text = "Well done #Year6 👏 https://stmarys.sch.uk/news/sats @StHelensCouncil";
        TwitterText.WeightedLength(text, TwitterText.ExtractEntities(text)).ShouldBe(TwitterText.WeightedLength(text));
    }

    [Theory]
    [InlineData("ABC\uFFFF")]
    [InlineData("lone \uD800 surrogate")]
    [InlineData("\uDC00")]
    public void Scanners_accept_invalid_unicode_without_throwing(string text)
    {
        Should.NotThrow(() => TwitterText.ExtractEntities(text));
        Should.NotThrow(() => TwitterText.WeightedLength(text));
    }

    [Theory]
    [InlineData("prose")]
    [InlineData("dotted")]
    [InlineData("underscored")]
    [InlineData("hashes")]
    [InlineData("ats")]
    public void Scanners_handle_50000_characters(string kind)
    {
        var unit = kind switch
        {
            "prose" => "Lovely day, see stmarys.sch.uk/news today. #Fun @office ",
            "dotted" => "a.",
            "underscored" => "a_a.",
            "hashes" => "#a",
            _ => "@a",
        };
        var text = string.Concat(Enumerable.Repeat(unit, (50_000 / unit.Length) + 1))[..50_000];
        var started = System.Diagnostics.Stopwatch.StartNew();
        var entities = TwitterText.ExtractEntities(text);
        var length = TwitterText.WeightedLength(text, entities);
        started.Stop();
        length.ShouldBeGreaterThan(280);
        // Generous bound: a quadratic scanner takes tens of seconds here.
        started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }
}
