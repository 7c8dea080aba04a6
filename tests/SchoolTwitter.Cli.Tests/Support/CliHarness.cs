using System.Text;
using SchoolTwitter.Core.CodeOfConduct;

namespace SchoolTwitter.Cli.Tests.Support;

public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs the real <c>schooltwitter</c> command in-process with captured output and a checker of test rules.</summary>
public sealed class CliHarness
{
    public RecordingRule Recorder { get; } = new();

    public List<string?> LexiconDirectoriesRequested { get; } = [];

    /// <summary>Warns on "perhaps", blocks on "forbidden" (suggesting "allowed"), fails on "CRASH", records every draft.</summary>
    public CodeOfConductChecker CreateChecker(string? lexiconDirectory)
    {
        LexiconDirectoriesRequested.Add(lexiconDirectory);
        return new CodeOfConductChecker(
        [
            new WordRule("perhaps", Severity.Warn),
            new WordRule("forbidden", Severity.Block, "allowed"),
            new ThrowingRule("CRASH"),
            Recorder,
        ]);
    }

    public CliResult Run(params string[] args) => RunWithInput(new MemoryStream(), args);

    public CliResult RunWithInput(string stdin, params string[] args) => RunWithInput(new MemoryStream(Encoding.UTF8.GetBytes(stdin)), args);

    public CliResult RunWithInput(Stream stdin, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var environment = new CliEnvironment(output, error, () => stdin, CreateChecker, OutputIsTerminal: false);
        var exitCode = SchoolTwitterCli.Run(args, environment);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
