using System.Text.Json;
using SchoolTwitter.Cli.Tests.Support;
using SchoolTwitter.Core.Roster;

namespace SchoolTwitter.Cli.Tests;

public sealed class CheckTextTests : IDisposable
{
    private readonly CliHarness _cli = new();
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Check_passes_clean_text_with_exit_code_0()
    {
        var result = _cli.Run("check", "Our choir sang at St Helens Town Hall this evening.");

        result.ExitCode.ShouldBe(ExitCodes.Pass);
        result.Output.ShouldStartWith("PASS");
        result.Output.ShouldContain("Our choir sang at St Helens Town Hall this evening.");
        result.Error.ShouldBeEmpty();
    }

    [Fact]
    public void Check_exits_1_for_review_and_highlights_the_warning()
    {
        var result = _cli.Run("check", "We will perhaps see you there.");

        result.ExitCode.ShouldBe(ExitCodes.ReviewOrBlocked);
        result.Output.ShouldStartWith("REVIEW");
        result.Output.ShouldContain("We will »perhaps« see you there.");
        result.Output.ShouldContain("warn  test-perhaps  “perhaps” is not allowed in tests.");
    }

    [Fact]
    public void Check_exits_1_for_blocked_and_shows_the_suggestion()
    {
        var result = _cli.Run("check", "This is forbidden and perhaps odd.");

        result.ExitCode.ShouldBe(ExitCodes.ReviewOrBlocked);
        result.Output.ShouldStartWith("BLOCKED");
        result.Output.ShouldContain("1 problem must be fixed");
        result.Output.ShouldContain("This is »forbidden« and »perhaps« odd.");
        result.Output.ShouldContain("(suggestion: allowed)");
    }

    [Fact]
    public void Check_escapes_markup_in_the_draft_and_findings()
    {
        var result = _cli.Run("check", "[red]forbidden[/] [bold] [link=x]");

        result.ExitCode.ShouldBe(ExitCodes.ReviewOrBlocked);
        result.Error.ShouldBeEmpty();
        result.Output.ShouldContain("[red]»forbidden«[/] [bold] [link=x]");
    }

    [Fact]
    public void Check_json_writes_the_verdict_json_line()
    {
        var result = _cli.Run("check", "Truly forbidden.", "--json");

        result.ExitCode.ShouldBe(ExitCodes.ReviewOrBlocked);
        result.Output.ShouldBe(
            """{"id":null,"verdict":"blocked","weightedLength":16,"findings":[{"rule":"test-forbidden","severity":"block","message":"“forbidden” is not allowed in tests.","start":6,"length":9,"suggestion":"allowed"}]}""" + "\n");
    }

    [Fact]
    public void Check_json_pass_exits_0()
    {
        var result = _cli.Run("check", "--json", "Sports day is on Friday.");

        result.ExitCode.ShouldBe(ExitCodes.Pass);
        JsonDocument.Parse(result.Output).RootElement.GetProperty("verdict").GetString().ShouldBe("pass");
    }

    [Fact]
    public void Check_builds_images_with_alt_text_pupils_and_ownership_from_options()
    {
        var first = _files.Write("choir.png", TempFiles.Png);
        var second = _files.Write("stage.png", TempFiles.Png);

        var result = _cli.Run("check", "Our choir.", "--image", first, "--image", second, "--alt", "The choir on stage", "--pupils", "P001, P002", "--pupils", "P003");

        result.ExitCode.ShouldBe(ExitCodes.Pass);
        result.Output.ShouldContain("2 image(s)");
        var draft = _cli.Recorder.Seen.ShouldHaveSingleItem().Draft;
        draft.Images.Select(i => i.FileName).ShouldBe(["choir.png", "stage.png"]);
        draft.Images[0].Content.ToArray().ShouldBe(TempFiles.Png);
        draft.Images[0].AltText.ShouldBe("The choir on stage");
        draft.Images[1].AltText.ShouldBeNull();
        draft.Images.ShouldAllBe(i => i.OwnedBySchool && !i.NoPupilsPictured);
        draft.Images[1].PupilsPictured.ShouldBe(["P001", "P002", "P003"]);
    }

    [Fact]
    public void Check_declares_no_pupils_and_not_owned()
    {
        var image = _files.Write("field.png", TempFiles.Png);

        _cli.Run("check", "The field.", "--image", image, "--no-pupils", "--not-owned").ExitCode.ShouldBe(ExitCodes.Pass);

        var declared = _cli.Recorder.Seen.ShouldHaveSingleItem().Draft.Images.ShouldHaveSingleItem();
        declared.NoPupilsPictured.ShouldBeTrue();
        declared.PupilsPictured.ShouldBeEmpty();
        declared.OwnedBySchool.ShouldBeFalse();
    }

    [Fact]
    public void Check_gives_the_roster_to_the_checker()
    {
        var roster = _files.Write("roster.csv", "\uFEFFId,FirstName,LastName,PhotoConsent\r\nP001,Josh,Smith,Y\r\nP002,Amelia,Jones,N\r\n");

        _cli.Run("check", "Hello.", "--roster", roster).ExitCode.ShouldBe(ExitCodes.Pass);

        var given = _cli.Recorder.Seen.ShouldHaveSingleItem().Roster;
        given.Pupils.Count.ShouldBe(2);
        given.Find("P002").ShouldNotBeNull().PhotoConsent.ShouldBeFalse();
    }

    [Fact]
    public void Check_gives_the_staff_list_to_the_checker()
    {
        var staff = _files.Write("staff.csv", "Title,FirstName,LastName,Role\r\nMrs,Sarah,Walsh,Teacher\r\n");

        _cli.Run("check", "Hello.", "--staff", staff).ExitCode.ShouldBe(ExitCodes.Pass);

        _cli.Recorder.Seen.ShouldHaveSingleItem().Staff.Members.ShouldBe([new StaffMember("Mrs", "Sarah", "Walsh", "Teacher")]);
    }

    [Fact]
    public void Check_without_a_staff_list_gives_an_empty_one()
    {
        _cli.Run("check", "Hello.").ExitCode.ShouldBe(ExitCodes.Pass);

        _cli.Recorder.Seen.ShouldHaveSingleItem().Staff.Members.ShouldBeEmpty();
    }

    [Fact]
    public void Check_passes_the_lexicon_folder_to_the_checker_factory()
    {
        _cli.Run("check", "Hello.", "--lexicons", _files.Directory).ExitCode.ShouldBe(ExitCodes.Pass);

        _cli.LexiconDirectoriesRequested.ShouldBe([_files.Directory]);
    }

    [Fact]
    public void Check_uses_the_built_in_lists_without_lexicons()
    {
        _cli.Run("check", "Hello.").ExitCode.ShouldBe(ExitCodes.Pass);

        _cli.LexiconDirectoriesRequested.ShouldBe([null]);
    }

    [Fact]
    public void Check_exits_3_when_a_rule_fails_and_never_reports_a_verdict()
    {
        var result = _cli.Run("check", "CRASH now.");

        result.ExitCode.ShouldBe(ExitCodes.InternalError);
        result.Output.ShouldBeEmpty();
        result.Error.ShouldContain("Internal error");
    }

    [Fact]
    public void Help_exits_0()
    {
        var result = _cli.Run("check", "--help");

        result.ExitCode.ShouldBe(0);
        result.Output.ShouldContain("--no-pupils");
        result.Output.ShouldContain("--jsonl");
    }
}
