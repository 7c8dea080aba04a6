using System.Text;
using SchoolTwitter.Cli.Tests.Support;

namespace SchoolTwitter.Cli.Tests;

/// <summary>Every bad usage or input exits 2 with a message on stderr naming the problem, and nothing on stdout.</summary>
public sealed class CheckBadInputTests : IDisposable
{
    private readonly CliHarness _cli = new();
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private CliResult BadInput(params string[] args)
    {
        var result = _cli.Run(args);
        result.ExitCode.ShouldBe(ExitCodes.BadInput, $"stderr: {result.Error}");
        result.Output.ShouldBeEmpty();
        result.Error.ShouldNotBeEmpty();
        _cli.Recorder.Seen.ShouldBeEmpty("nothing may be checked after bad input");
        return result;
    }

    [Fact]
    public void Check_without_a_draft_says_what_to_give()
    {
        BadInput("check").Error.ShouldContain("No draft to check");
    }

    [Fact]
    public void No_command_is_bad_usage()
    {
        BadInput().Error.ShouldContain("--help");
    }

    [Fact]
    public void An_unknown_option_is_bad_usage_not_a_verdict()
    {
        BadInput("check", "Hello.", "--colour").Error.ShouldContain("--colour");
    }

    [Fact]
    public void An_option_missing_its_value_is_bad_usage()
    {
        BadInput("check", "Hello.", "--roster").Error.ShouldContain("--roster");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Empty_text_is_bad_input(string text)
    {
        BadInput("check", text).Error.ShouldContain("empty");
    }

    [Fact]
    public void Text_of_50000_characters_is_bad_input_naming_the_limit()
    {
        BadInput("check", new string('a', 50_000)).Error.ShouldContain("at most 10,000");
    }

    [Fact]
    public void Text_with_a_control_character_is_bad_input()
    {
        BadInput("check", "Hello\u0000there.").Error.ShouldContain("U+0000");
    }

    [Fact]
    public void Text_and_file_together_conflict()
    {
        BadInput("check", "Hello.", "--file", _files.Write("d.json", """{"text":"Hi."}""")).Error.ShouldContain("only one of");
    }

    [Fact]
    public void File_and_jsonl_together_conflict()
    {
        var path = _files.Write("d.json", """{"text":"Hi."}""");
        BadInput("check", "--file", path, "--jsonl", path).Error.ShouldContain("only one of");
    }

    [Fact]
    public void Pupils_and_no_pupils_conflict()
    {
        var image = _files.Write("a.png", TempFiles.Png);
        BadInput("check", "Hello.", "--image", image, "--pupils", "P001", "--no-pupils").Error.ShouldContain("contradict");
    }

    [Theory]
    [InlineData("--alt", "A picture")]
    [InlineData("--pupils", "P001")]
    [InlineData("--no-pupils", null)]
    [InlineData("--not-owned", null)]
    public void Image_options_without_an_image_are_bad_usage(string option, string? value)
    {
        string[] args = value is null ? ["check", "Hello.", option] : ["check", "Hello.", option, value];
        BadInput(args).Error.ShouldContain($"{option} describes images, but no --image was given");
    }

    [Fact]
    public void More_alt_texts_than_images_is_bad_usage()
    {
        var image = _files.Write("a.png", TempFiles.Png);
        BadInput("check", "Hello.", "--image", image, "--alt", "One", "--alt", "Two").Error.ShouldContain("2 --alt texts were given for 1 image");
    }

    [Theory]
    [InlineData(",")]
    [InlineData(" , ")]
    public void Pupils_without_ids_is_bad_usage(string ids)
    {
        var image = _files.Write("a.png", TempFiles.Png);
        BadInput("check", "Hello.", "--image", image, "--pupils", ids).Error.ShouldContain("--pupils needs the roster ids");
    }

    [Fact]
    public void Image_options_with_a_draft_file_are_bad_usage()
    {
        var draft = _files.Write("d.json", """{"text":"Hi."}""");
        var image = _files.Write("a.png", TempFiles.Png);
        BadInput("check", "--file", draft, "--image", image).Error.ShouldContain("\"media\" list");
    }

    [Fact]
    public void A_missing_image_is_named()
    {
        var missing = _files.PathOf("nowhere.jpg");
        BadInput("check", "Hello.", "--image", missing, "--no-pupils").Error.ShouldContain($"The image “{missing}” does not exist.");
    }

    [Fact]
    public void A_folder_given_as_an_image_is_named()
    {
        BadInput("check", "Hello.", "--image", _files.Directory, "--no-pupils").Error.ShouldContain("is a folder");
    }

    [Fact]
    public void An_empty_image_file_is_bad_input()
    {
        var empty = _files.Write("empty.png", []);
        BadInput("check", "Hello.", "--image", empty, "--no-pupils").Error.ShouldContain("is empty");
    }

    [Fact]
    public void An_image_path_the_system_cannot_open_is_named()
    {
        BadInput("check", "Hello.", "--image", "bad\0name.png", "--no-pupils").Error.ShouldContain("Cannot read the image “bad");
    }

    [Fact]
    public void A_missing_roster_is_named()
    {
        BadInput("check", "Hello.", "--roster", _files.PathOf("roster.csv")).Error.ShouldContain("roster.csv” does not exist");
    }

    [Fact]
    public void A_bad_roster_is_reported_with_its_line_numbers()
    {
        var roster = _files.Write("roster.csv", "Id,FirstName,LastName,PhotoConsent\r\nP001,Josh,Smith,Y\r\nP002,Amelia,Jones,maybe\r\nP001,Jo,Smith,N\r\n");

        var error = BadInput("check", "Hello.", "--roster", roster).Error;

        error.ShouldContain("line 3: Line 3 has PhotoConsent “maybe”");
        error.ShouldContain("line 4: Line 4 repeats Id “P001” already used on line 2");
    }

    [Fact]
    public void A_missing_staff_list_is_named()
    {
        BadInput("check", "Hello.", "--staff", _files.PathOf("staff.csv")).Error.ShouldContain("staff.csv” does not exist");
    }

    [Fact]
    public void A_bad_staff_list_is_reported_with_its_line_numbers()
    {
        var staff = _files.Write("staff.csv", "Title,FirstName,LastName,Role\r\nMrs,Sarah,,Teacher\r\nMr,Dave\r\n");

        var error = BadInput("check", "Hello.", "--staff", staff).Error;

        error.ShouldContain("The staff list");
        error.ShouldContain("line 2: Line 2 has an empty LastName.");
        error.ShouldContain("line 3: Line 3 has 2 fields but the header has 4");
    }

    [Fact]
    public void A_roster_that_is_not_utf8_is_bad_input()
    {
        var latin1 = Encoding.Latin1.GetBytes("Id,FirstName,LastName,PhotoConsent\r\nP001,Siobhán,Smith,Y\r\n");
        BadInput("check", "Hello.", "--roster", _files.Write("roster.csv", latin1)).Error.ShouldContain("not UTF-8");
    }

    [Fact]
    public void A_missing_lexicon_folder_is_named()
    {
        BadInput("check", "Hello.", "--lexicons", _files.PathOf("words")).Error.ShouldContain("(--lexicons) does not exist");
    }

    [Fact]
    public void Usage_errors_are_reported_before_files_are_read()
    {
        // The roster does not exist either, but the conflict is the first thing to fix.
        BadInput("check", "Hello.", "--file", "x.json", "--roster", "missing.csv").Error.ShouldContain("only one of");
    }
}
