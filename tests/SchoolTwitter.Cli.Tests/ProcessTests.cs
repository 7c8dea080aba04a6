using System.Diagnostics;
using System.Text.Json;
using SchoolTwitter.Cli.Tests.Support;

namespace SchoolTwitter.Cli.Tests;

/// <summary>The built <c>schooltwitter</c> as a real process: exit codes, stdout/stderr separation, a pipe into --jsonl.</summary>
public sealed class ProcessTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static CliResult RunProcess(string? stdin, params string[] args)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "schooltwitter.dll");
        File.Exists(cli).ShouldBeTrue($"the CLI should be built beside the tests: {cli}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(cli);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["NO_COLOR"] = "1";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (stdin is not null) process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        process.WaitForExit(TimeSpan.FromSeconds(60)).ShouldBeTrue("the CLI should finish");
        return new CliResult(process.ExitCode, output.Result, error.Result);
    }

    [Fact]
    public void Process_passes_a_clean_draft_with_exit_code_0()
    {
        var result = RunProcess(null, "check", "Our choir sang at St Helens Town Hall this evening.", "--json");

        result.ExitCode.ShouldBe(ExitCodes.Pass, result.Error);
        JsonDocument.Parse(result.Output).RootElement.GetProperty("verdict").GetString().ShouldBe("pass");
    }

    [Fact]
    public void Process_blocks_a_reply_with_exit_code_1_in_readable_form()
    {
        var draft = _files.Write("draft.json", """{"text":"Thank you for coming.","inReplyToTweetId":"186"}""");

        var result = RunProcess(null, "check", "--file", draft);

        result.ExitCode.ShouldBe(ExitCodes.ReviewOrBlocked, result.Error);
        result.Output.ShouldStartWith("BLOCKED");
        result.Output.ShouldContain("reply");
    }

    [Fact]
    public void Process_blocks_a_pictured_pupil_without_photo_consent_from_the_roster()
    {
        var roster = _files.Write("pupils.csv", "Id,FirstName,LastName,PhotoConsent\r\nP001,Josh,Smith,Y\r\nP002,Amelia,Jones,N\r\n");
        var image = _files.Write("choir.png", TempFiles.Png);

        var consented = RunProcess(null, "check", "Our choir sang beautifully.", "--image", image, "--alt", "The choir on stage",
            "--pupils", "P001", "--roster", roster, "--json");
        var withoutConsent = RunProcess(null, "check", "Our choir sang beautifully.", "--image", image, "--alt", "The choir on stage",
            "--pupils", "P001,P002", "--roster", roster, "--json");

        Rules(consented).ShouldNotContain("photo-consent");
        withoutConsent.ExitCode.ShouldBe(ExitCodes.ReviewOrBlocked, withoutConsent.Error);
        Rules(withoutConsent).ShouldContain("photo-consent");
    }

    private static List<string?> Rules(CliResult result) =>
        JsonDocument.Parse(result.Output).RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).ToList();

    [Fact]
    public void Process_reports_bad_usage_on_stderr_with_exit_code_2()
    {
        var result = RunProcess(null, "check", "Hello.", "--pupils", "P001", "--no-pupils", "--image", "x.png");

        result.ExitCode.ShouldBe(ExitCodes.BadInput);
        result.Output.ShouldBeEmpty();
        result.Error.ShouldContain("contradict");
    }

    [Fact]
    public void Process_checks_json_lines_piped_to_standard_input()
    {
        var result = RunProcess("{\"id\":\"a\",\"text\":\"One.\"}\n{oops\n{\"id\":\"c\",\"text\":\"Three.\"}\n", "check", "--jsonl", "-");

        result.ExitCode.ShouldBe(ExitCodes.BadInput);
        result.OutputLines.Length.ShouldBe(3);
        JsonDocument.Parse(result.OutputLines[1]).RootElement.GetProperty("line").GetInt32().ShouldBe(2);
        JsonDocument.Parse(result.OutputLines[2]).RootElement.GetProperty("id").GetString().ShouldBe("c");
    }
}
