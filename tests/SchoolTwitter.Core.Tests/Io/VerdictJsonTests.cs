using System.Text.Json;
using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Core.Tests.Io;

public sealed class VerdictJsonTests
{
    [Fact]
    public void Serialize_writes_the_issue_shape_in_camel_case_with_lower_case_names()
    {
        var verdict = Verdict.From("d-1", 51,
        [
            new Finding(RuleIds.TextSpeak, Severity.Block, "“gr8” is text language; write “great”.", 0, 3, "great"),
        ]);

        VerdictJson.Serialize(verdict).ShouldBe(
            """{"id":"d-1","verdict":"blocked","weightedLength":51,"findings":[{"rule":"text-speak","severity":"block","message":"“gr8” is text language; write “great”.","start":0,"length":3,"suggestion":"great"}]}""");
    }

    [Fact]
    public void Serialize_writes_null_for_absent_id_position_and_suggestion()
    {
        var verdict = Verdict.From(null, 10, [new Finding(RuleIds.AltText, Severity.Warn, "Add alt text.")]);

        VerdictJson.Serialize(verdict).ShouldBe(
            """{"id":null,"verdict":"review","weightedLength":10,"findings":[{"rule":"alt-text","severity":"warn","message":"Add alt text.","start":null,"length":null,"suggestion":null}]}""");
    }

    [Fact]
    public void Serialize_writes_pass_with_an_empty_findings_list()
    {
        VerdictJson.Serialize(Verdict.From("x", 5, [])).ShouldBe("""{"id":"x","verdict":"pass","weightedLength":5,"findings":[]}""");
    }

    [Fact]
    public void Serialize_escapes_what_json_requires_and_round_trips()
    {
        var message = "Quote \"this\"\\ line\nbreak\ttab \u0001 and <b>&</b> émoji 🎉";
        var verdict = Verdict.From("id\"1", 3, [new Finding(RuleIds.Offensive, Severity.Block, message, 1, 2)]);

        using var doc = JsonDocument.Parse(VerdictJson.Serialize(verdict));

        doc.RootElement.GetProperty("id").GetString().ShouldBe("id\"1");
        doc.RootElement.GetProperty("findings")[0].GetProperty("message").GetString().ShouldBe(message);
    }

    [Fact]
    public void Serialize_keeps_curly_quotes_readable()
    {
        VerdictJson.Serialize(Verdict.From(null, 1, [new Finding("r", Severity.Warn, "“lol”")])).ShouldContain("“lol”");
    }

    [Fact]
    public void WriteInputError_gives_id_error_and_field_errors()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, VerdictJson.WriterOptions))
        {
            VerdictJson.WriteInputError(writer, "d-9", [new InputError("text", "The tweet text is empty."), new InputError("media[0].contentBase64", "Bad.")]);
        }

        System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan).ShouldBe(
            """{"id":"d-9","error":"text: The tweet text is empty.; media[0].contentBase64: Bad.","errors":[{"field":"text","message":"The tweet text is empty."},{"field":"media[0].contentBase64","message":"Bad."}]}""");
    }

    [Fact]
    public void WriteInputError_writes_null_id_when_unrecoverable()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, VerdictJson.WriterOptions))
        {
            VerdictJson.WriteInputError(writer, null, [new InputError("$", "Broken.")]);
        }

        System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan).ShouldStartWith("""{"id":null,"error":"$: Broken.""");
    }

    [Theory]
    [InlineData(VerdictOutcome.Pass, "pass")]
    [InlineData(VerdictOutcome.Review, "review")]
    [InlineData(VerdictOutcome.Blocked, "blocked")]
    public void OutcomeName_is_lower_case(VerdictOutcome outcome, string name)
    {
        VerdictJson.OutcomeName(outcome).ShouldBe(name);
    }
}
