using System.Text.Json;
using SchoolTwitter.Cli.Tests.Support;
using SchoolTwitter.Core.CodeOfConduct;

namespace SchoolTwitter.Cli.Tests;

public sealed class CheckFileTests : IDisposable
{
    private readonly CliHarness _cli = new();
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void File_checks_the_draft_json_with_its_media()
    {
        var png = Convert.ToBase64String(TempFiles.Png);
        var draft = _files.Write("draft.json", $$"""
            { "id": "d-1", "text": "Our choir sang perhaps.", "submittedBy": "head@school.example",
              "media": [ { "fileName": "choir.png", "contentBase64": "{{png}}", "altText": "The choir", "pupilsPictured": ["P001"], "ownedBySchool": true } ] }
            """);

        var result = _cli.Run("check", "--file", draft);

        result.ExitCode.ShouldBe(ExitCodes.ReviewOrBlocked);
        result.Output.ShouldStartWith("REVIEW");
        var seen = _cli.Recorder.Seen.ShouldHaveSingleItem().Draft;
        seen.Id.ShouldBe("d-1");
        seen.Images.ShouldHaveSingleItem().PupilsPictured.ShouldBe(["P001"]);
    }

    [Fact]
    public void File_with_json_echoes_the_id()
    {
        var draft = _files.Write("draft.json", """{"id":"d-2","text":"Sports day."}""");

        var result = _cli.Run("check", "--file", draft, "--json");

        result.ExitCode.ShouldBe(ExitCodes.Pass);
        result.Output.ShouldBe("""{"id":"d-2","verdict":"pass","weightedLength":11,"findings":[]}""" + "\n");
    }

    [Fact]
    public void File_with_broken_json_exits_2_with_line_and_position()
    {
        var draft = _files.Write("draft.json", "{\n  \"text\": \"Hi.\"\n  \"id\": \"x\"\n}");

        var result = _cli.Run("check", "--file", draft);

        result.ExitCode.ShouldBe(ExitCodes.BadInput);
        result.Output.ShouldBeEmpty();
        result.Error.ShouldContain("draft.json” cannot be checked");
        result.Error.ShouldContain("$: The draft is not valid JSON at line 3, position 3");
    }

    [Fact]
    public void File_with_field_errors_lists_every_field()
    {
        var draft = _files.Write("draft.json", """{"text":"","media":[{"contentBase64":"***"}],"colour":"red"}""");

        var result = _cli.Run("check", "--file", draft);

        result.ExitCode.ShouldBe(ExitCodes.BadInput);
        result.Error.ShouldContain("  text: The tweet text is empty");
        result.Error.ShouldContain("  media[0].contentBase64: The image content is not valid base64");
        result.Error.ShouldContain("  colour: “colour” is not a draft field");
    }

    [Fact]
    public void File_errors_with_json_also_write_the_error_object_with_the_id()
    {
        var draft = _files.Write("draft.json", """{"id":"d-3","text":"   "}""");

        var result = _cli.Run("check", "--file", draft, "--json");

        result.ExitCode.ShouldBe(ExitCodes.BadInput);
        var line = JsonDocument.Parse(result.Output).RootElement;
        line.GetProperty("id").GetString().ShouldBe("d-3");
        line.GetProperty("errors")[0].GetProperty("field").GetString().ShouldBe("text");
    }

    [Fact]
    public void File_dash_reads_the_draft_from_standard_input()
    {
        var result = _cli.RunWithInput("""{"id":"piped","text":"Sports day is forbidden."}""", "check", "--file", "-", "--json");

        result.ExitCode.ShouldBe(ExitCodes.ReviewOrBlocked);
        JsonDocument.Parse(result.Output).RootElement.GetProperty("id").GetString().ShouldBe("piped");
    }

    [Fact]
    public void File_dash_with_broken_json_names_standard_input()
    {
        var result = _cli.RunWithInput("{oops", "check", "--file", "-");

        result.ExitCode.ShouldBe(ExitCodes.BadInput);
        result.Error.ShouldContain("the draft file “standard input” cannot be checked");
    }

    [Fact]
    public void A_missing_draft_file_is_named()
    {
        var result = _cli.Run("check", "--file", _files.PathOf("draft.json"));

        result.ExitCode.ShouldBe(ExitCodes.BadInput);
        result.Error.ShouldContain("The draft file “");
        result.Error.ShouldContain("does not exist");
    }

    [Fact]
    public void File_uses_the_real_checker_by_default_and_blocks_a_reply()
    {
        // Independent of which rules are registered: the reply rule is part of the skeleton.
        var draft = _files.Write("draft.json", """{"id":"r","text":"Thank you for coming.","inReplyToTweetId":"1861234567890123456"}""");
        var output = new StringWriter();
        var environment = CliEnvironment.FromConsole() with { Output = output, Error = new StringWriter(), OutputIsTerminal = false };

        var exitCode = SchoolTwitterCli.Run(["check", "--file", draft, "--json"], environment);

        exitCode.ShouldBe(ExitCodes.ReviewOrBlocked);
        var verdict = JsonDocument.Parse(output.ToString()).RootElement;
        verdict.GetProperty("verdict").GetString().ShouldBe("blocked");
        verdict.GetProperty("findings").EnumerateArray().ShouldContain(f => f.GetProperty("rule").GetString() == RuleIds.Reply);
    }
}
