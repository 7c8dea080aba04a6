using SchoolTwitter.Core.CodeOfConduct;

namespace SchoolTwitter.Cli;

/// <summary>
/// What the command talks to: its output streams, standard input and how the checker is built. The real process uses the
/// console and <see cref="CodeOfConductFactory.CreateDefault"/>; tests run the same command in-process with their own.
/// </summary>
/// <param name="CreateChecker">Builds the checker from the built-in word lists extended by the given folder (null for none).</param>
/// <param name="OutputIsTerminal">True when people read the output in a terminal (colours, wrapping); false for files, pipes and tests.</param>
/// <param name="ReadSetting">Reads a setting such as X__AccountId (environment variables; tests give their own).</param>
public sealed record CliEnvironment(
    TextWriter Output,
    TextWriter Error,
    Func<Stream> OpenStandardInput,
    Func<string?, CodeOfConductChecker> CreateChecker,
    bool OutputIsTerminal,
    Func<string, string?>? ReadSetting = null)
{
    public static CliEnvironment FromConsole() => new(
        Console.Out,
        Console.Error,
        Console.OpenStandardInput,
        CodeOfConductFactory.CreateDefault,
        OutputIsTerminal: !Console.IsOutputRedirected,
        ReadSetting: Environment.GetEnvironmentVariable);
}
