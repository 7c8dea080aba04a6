using System.Text;
using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Core.Tests.Io;

public sealed class DraftReaderTests
{
    // A 1x1 PNG; the reader only decodes base64, the media rule judges the bytes.
    private const string PngBase64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    private static InputError SingleError(string json, string field)
    {
        var result = DraftReader.Parse(json);
        result.IsValid.ShouldBeFalse();
        result.Value.ShouldBeNull();
        result.Errors.ShouldContain(e => e.Field == field, $"errors were: {string.Join(" | ", result.Errors)}");
        return result.Errors.First(e => e.Field == field);
    }

    [Fact]
    public void Parse_reads_every_field_of_the_issue_example()
    {
        var json = $$"""
            { "id": "d-42",
              "text": "Our choir sang at St Helens Town Hall this evening.",
              "submittedBy": "head@school.example",
              "media": [ { "fileName": "choir.png", "contentBase64": "{{PngBase64}}", "altText": "The school choir on stage",
                           "pupilsPictured": ["P001", "P003"], "noPupilsPictured": false, "ownedBySchool": true } ],
              "inReplyToTweetId": null,
              "scheduledFor": "2026-12-01T09:30:00Z" }
            """;

        var result = DraftReader.Parse(json);

        result.Errors.ShouldBeEmpty();
        var draft = result.Value.ShouldNotBeNull();
        draft.Id.ShouldBe("d-42");
        draft.Text.ShouldBe("Our choir sang at St Helens Town Hall this evening.");
        draft.SubmittedBy.ShouldBe("head@school.example");
        draft.InReplyToTweetId.ShouldBeNull();
        draft.ScheduledFor.ShouldBe(new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero));
        var image = draft.Images.ShouldHaveSingleItem();
        image.FileName.ShouldBe("choir.png");
        image.Content.ToArray().ShouldBe(Convert.FromBase64String(PngBase64));
        image.AltText.ShouldBe("The school choir on stage");
        image.PupilsPictured.ShouldBe(["P001", "P003"]);
        image.NoPupilsPictured.ShouldBeFalse();
        image.OwnedBySchool.ShouldBeTrue();
    }

    [Fact]
    public void Parse_accepts_text_alone_with_everything_else_defaulted()
    {
        var draft = DraftReader.Parse("""{"text":"Sports day is on Friday."}""").Value.ShouldNotBeNull();

        draft.Id.ShouldBeNull();
        draft.Images.ShouldBeEmpty();
        draft.ScheduledFor.ShouldBeNull();
    }

    [Fact]
    public void Parse_of_utf8_bytes_with_a_byte_order_mark_matches_the_string_overload()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""{"text":"Café trip – “lovely”."}""")).ToArray();

        DraftReader.Parse(bytes).Value.ShouldNotBeNull().Text.ShouldBe("Café trip – “lovely”.");
    }

    [Fact]
    public void Parse_undoes_json_escapes_in_text_and_base64()
    {
        // Some serialisers escape '/' as \/ and '+' as \u002B.
        var escaped = PngBase64.Replace("/", "\\/", StringComparison.Ordinal).Replace("+", "\\u002B", StringComparison.Ordinal);
        var json = $$"""{"text":"Year 6 \u2013 \"brilliant\"","media":[{"contentBase64":"{{escaped}}","noPupilsPictured":true}]}""";

        var draft = DraftReader.Parse(json).Value.ShouldNotBeNull();

        draft.Text.ShouldBe("Year 6 – \"brilliant\"");
        draft.Images[0].Content.ToArray().ShouldBe(Convert.FromBase64String(PngBase64));
    }

    [Fact]
    public void Parse_accepts_a_data_url_and_wrapped_base64()
    {
        var wrapped = PngBase64[..20] + "\\r\\n" + PngBase64[20..];
        var json = $$"""{"text":"Hello.","media":[{"contentBase64":"data:image/png;base64,{{wrapped}}","noPupilsPictured":true}]}""";

        DraftReader.Parse(json).Value.ShouldNotBeNull().Images[0].Content.ToArray().ShouldBe(Convert.FromBase64String(PngBase64));
    }

    [Fact]
    public void Parse_names_a_default_file_name_when_none_is_given()
    {
        var json = $$"""{"text":"Hello.","media":[{"contentBase64":"{{PngBase64}}"},{"contentBase64":"{{PngBase64}}","fileName":" "}]}""";

        DraftReader.Parse(json).Value.ShouldNotBeNull().Images.Select(i => i.FileName).ShouldBe(["image1", "image2"]);
    }

    [Fact]
    public void Parse_keeps_numeric_ids_as_written()
    {
        var draft = DraftReader.Parse("""{"id":1234567890123456789,"text":"Hi.","inReplyToTweetId":1861234567890123456}""").Value.ShouldNotBeNull();

        draft.Id.ShouldBe("1234567890123456789");
        draft.InReplyToTweetId.ShouldBe("1861234567890123456");
    }

    [Theory]
    [InlineData("{\"text\": \"a\",}", 1, 14)]
    [InlineData("{\"text\" \"a\"}", 1, 9)]
    [InlineData("{\n  \"text\": \"a\"\n  \"id\": \"x\"\n}", 3, 3)]
    [InlineData("{\"text\": 'a'}", 1, 10)]
    public void Parse_reports_broken_json_with_line_and_position(string json, int line, int position)
    {
        var error = SingleError(json, "$");

        error.Message.ShouldStartWith("The draft is not valid JSON");
        error.Message.ShouldContain($"line {line}, position {position}");
        error.Message.ShouldNotContain("LineNumber");
    }

    [Theory]
    [InlineData("{\"text\":\"a\"")]
    [InlineData("{\"text\":\"a\"} {\"text\":\"b\"}")]
    [InlineData("{\"text\":\"a\"} trailing")]
    [InlineData("{\"text\":\"a\" /* comment */}")]
    public void Parse_rejects_truncated_or_trailing_content(string json)
    {
        SingleError(json, "$").Message.ShouldStartWith("The draft is not valid JSON");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n ")]
    public void Parse_rejects_an_empty_document(string json)
    {
        SingleError(json, "$").Message.ShouldContain("empty");
    }

    [Theory]
    [InlineData("[]", "a list")]
    [InlineData("\"hello\"", "a string")]
    [InlineData("42", "a number")]
    [InlineData("null", "null")]
    public void Parse_rejects_a_document_that_is_not_an_object(string json, string kind)
    {
        SingleError(json, "$").Message.ShouldContain($"not {kind}");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"text\":null}")]
    [InlineData("{\"id\":\"x\"}")]
    public void Parse_requires_text(string json)
    {
        SingleError(json, "text").Message.ShouldContain("no “text”");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\\n\\t ")]
    [InlineData("\\u200B \\u200D\\uFEFF")]
    public void Parse_rejects_empty_or_whitespace_text(string text)
    {
        SingleError($$"""{"text":"{{text}}"}""", "text").Message.ShouldContain("empty");
    }

    [Theory]
    [InlineData("42", "a number")]
    [InlineData("true", "true/false")]
    [InlineData("[\"a\"]", "a list")]
    [InlineData("{\"a\":1}", "an object")]
    public void Parse_rejects_text_of_the_wrong_type(string value, string kind)
    {
        SingleError($$"""{"text":{{value}}}""", "text").Message.ShouldContain($"must be a string, not {kind}");
    }

    [Fact]
    public void Parse_rejects_50000_characters_and_says_the_limit()
    {
        var error = SingleError($$"""{"text":"{{new string('a', 50_000)}}"}""", "text");

        error.Message.ShouldContain("50,000 characters");
        error.Message.ShouldContain("at most 10,000");
    }

    [Fact]
    public void Parse_accepts_text_at_the_10000_character_input_limit()
    {
        DraftReader.Parse($$"""{"text":"{{new string('a', 10_000)}}"}""").IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Parse_rejects_control_characters_in_text()
    {
        SingleError("""{"text":"Hello\u0007 there."}""", "text").Message.ShouldContain("U+0007");
    }

    [Fact]
    public void Parse_rejects_a_lone_surrogate_escape()
    {
        SingleError("""{"text":"Hello \uD800 there."}""", "text").Message.ShouldContain("not valid Unicode");
    }

    [Fact]
    public void Parse_rejects_invalid_utf8_bytes()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"text\":\"Hello XX\"}");
        bytes[15] = 0xC3; // a lead byte followed by 'X' is not UTF-8
        bytes[16] = 0x28;

        var result = DraftReader.Parse(bytes);

        result.IsValid.ShouldBeFalse();
        result.Errors.ShouldHaveSingleItem().Field.ShouldBeOneOf("text", "$");
    }

    [Fact]
    public void Parse_rejects_invalid_base64_naming_the_media_index()
    {
        var json = $$"""{"text":"Hi.","media":[{"contentBase64":"{{PngBase64}}"},{"contentBase64":"not base64!!"}]}""";

        SingleError(json, "media[1].contentBase64").Message.ShouldContain("not valid base64");
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"  \"")]
    [InlineData("\"data:image/png;base64,\"")]
    public void Parse_rejects_empty_image_content(string value)
    {
        SingleError($$"""{"text":"Hi.","media":[{"contentBase64":{{value}}}]}""", "media[0].contentBase64").Message.ShouldContain("empty");
    }

    [Theory]
    [InlineData("{\"fileName\":\"a.jpg\"}")]
    [InlineData("{\"contentBase64\":null}")]
    public void Parse_requires_image_content(string item)
    {
        SingleError($$"""{"text":"Hi.","media":[{{item}}]}""", "media[0].contentBase64").Message.ShouldContain("no “contentBase64”");
    }

    [Fact]
    public void Parse_rejects_an_image_larger_than_the_input_limit()
    {
        var huge = Convert.ToBase64String(new byte[DraftReader.MaxImageBytes + 3]);

        SingleError($$"""{"text":"Hi.","media":[{"contentBase64":"{{huge}}"}]}""", "media[0].contentBase64").Message.ShouldContain("MB");
    }

    [Theory]
    [InlineData("\"media\":\"photo.jpg\"", "media", "must be a list")]
    [InlineData("\"media\":[\"photo.jpg\"]", "media[0]", "must be an object")]
    [InlineData("\"media\":[{\"contentBase64\":\"QUJD\",\"ownedBySchool\":\"yes\"}]", "media[0].ownedBySchool", "must be true or false")]
    [InlineData("\"media\":[{\"contentBase64\":\"QUJD\",\"noPupilsPictured\":1}]", "media[0].noPupilsPictured", "must be true or false")]
    [InlineData("\"media\":[{\"contentBase64\":\"QUJD\",\"pupilsPictured\":\"P001\"}]", "media[0].pupilsPictured", "must be a list")]
    [InlineData("\"media\":[{\"contentBase64\":\"QUJD\",\"pupilsPictured\":[\"P001\",7]}]", "media[0].pupilsPictured[1]", "must be a string")]
    [InlineData("\"media\":[{\"contentBase64\":\"QUJD\",\"pupilsPictured\":[\" \"]}]", "media[0].pupilsPictured[0]", "empty")]
    [InlineData("\"media\":[{\"contentBase64\":\"QUJD\",\"altText\":5}]", "media[0].altText", "must be a string")]
    [InlineData("\"media\":[{\"contentBase64\":123}]", "media[0].contentBase64", "must be a string")]
    [InlineData("\"submittedBy\":[]", "submittedBy", "must be a string")]
    [InlineData("\"id\":{}", "id", "must be a string")]
    [InlineData("\"inReplyToTweetId\":true", "inReplyToTweetId", "must be a string")]
    public void Parse_names_the_field_of_a_wrong_type(string property, string field, string message)
    {
        SingleError($$"""{"text":"Hi.",{{property}}}""", field).Message.ShouldContain(message);
    }

    [Fact]
    public void Parse_rejects_conflicting_pupil_declarations()
    {
        var json = """{"text":"Hi.","media":[{"contentBase64":"QUJD","noPupilsPictured":true,"pupilsPictured":["P001"]}]}""";

        SingleError(json, "media[0].noPupilsPictured").Message.ShouldContain("one or the other");
    }

    [Fact]
    public void Parse_reads_up_to_the_media_limit_so_the_media_rule_can_explain()
    {
        var items = string.Join(",", Enumerable.Repeat($$"""{"contentBase64":"{{PngBase64}}","noPupilsPictured":true}""", DraftReader.MaxMedia));

        DraftReader.Parse($$"""{"text":"Hi.","media":[{{items}}]}""").Value.ShouldNotBeNull().Images.Count.ShouldBe(DraftReader.MaxMedia);
    }

    [Fact]
    public void Parse_rejects_more_media_than_the_limit()
    {
        var items = string.Join(",", Enumerable.Repeat("""{"contentBase64":"QUJD"}""", DraftReader.MaxMedia + 2));

        SingleError($$"""{"text":"Hi.","media":[{{items}}]}""", "media").Message.ShouldContain($"{DraftReader.MaxMedia + 2} media items");
    }

    [Theory]
    [InlineData("{\"text\":\"Hi.\",\"colour\":\"red\"}", "colour", "not a draft field")]
    [InlineData("{\"Text\":\"Hi.\"}", "Text", "did you mean “text”")]
    [InlineData("{\"text\":\"Hi.\",\"media\":[{\"contentBase64\":\"QUJD\",\"noPupilsPicturd\":true}]}", "media[0].noPupilsPicturd", "not a draft field")]
    [InlineData("{\"text\":\"Hi.\",\"media\":[{\"contentBase64\":\"QUJD\",\"OwnedBySchool\":true}]}", "media[0].OwnedBySchool", "did you mean “ownedBySchool”")]
    public void Parse_rejects_unknown_fields_naming_them(string json, string field, string message)
    {
        SingleError(json, field).Message.ShouldContain(message);
    }

    [Theory]
    [InlineData("{\"text\":\"Hi.\",\"text\":\"Bye.\"}", "text")]
    [InlineData("{\"text\":\"Hi.\",\"media\":[{\"contentBase64\":\"QUJD\",\"ownedBySchool\":true,\"ownedBySchool\":false}]}", "media[0].ownedBySchool")]
    public void Parse_rejects_duplicate_properties(string json, string field)
    {
        SingleError(json, field).Message.ShouldContain("more than once");
    }

    [Theory]
    [InlineData("\"tomorrow\"")]
    [InlineData("\"2026-12-01\"")]
    [InlineData("\"2026-12-01T09:30:00\"")]
    [InlineData("\"2026-13-01T09:30:00Z\"")]
    [InlineData("1764581400")]
    public void Parse_rejects_a_schedule_that_is_not_a_date_time_with_offset(string value)
    {
        SingleError($$"""{"text":"Hi.","scheduledFor":{{value}}}""", "scheduledFor").Message.ShouldContain("time zone");
    }

    [Fact]
    public void Parse_keeps_the_offset_of_a_schedule()
    {
        DraftReader.Parse("""{"text":"Hi.","scheduledFor":"2026-06-01T15:00:00+01:00"}""").Value.ShouldNotBeNull()
            .ScheduledFor.ShouldBe(new DateTimeOffset(2026, 6, 1, 15, 0, 0, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Parse_reports_every_field_error_at_once()
    {
        var result = DraftReader.Parse("""{"text":"","colour":1,"media":[{"contentBase64":"%%"}],"scheduledFor":"soon"}""");

        result.Errors.Select(e => e.Field).ShouldBe(["text", "colour", "media[0].contentBase64", "scheduledFor"], ignoreOrder: true);
    }

    [Fact]
    public void Parse_rejects_an_over_long_id()
    {
        SingleError($$"""{"id":"{{new string('x', DraftReader.MaxIdLength + 1)}}","text":"Hi."}""", "id").Message.ShouldContain("longer than");
    }

    [Theory]
    [InlineData("""{"id":"d-7","text":""}""", "d-7")]
    [InlineData("""{"id":12,"text":"Hi.",""", "12")]
    [InlineData("""{"text":"a","id":"late"}""", "late")]
    [InlineData("""{"media":{"id":"inner"},"id":"outer"}""", "outer")]
    [InlineData("""{"text": oops, "id":"after-the-break"}""", null)]
    [InlineData("""not json""", null)]
    [InlineData("""{"id":null}""", null)]
    public void RecoverId_finds_the_top_level_id_before_anything_broken(string json, string? expected)
    {
        DraftReader.RecoverId(json).ShouldBe(expected);
    }
}
