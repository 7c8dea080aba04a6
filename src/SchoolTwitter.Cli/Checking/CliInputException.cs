namespace SchoolTwitter.Cli.Checking;

/// <summary>Bad usage or input: the message is shown on stderr as it is, and the command exits with <see cref="ExitCodes.BadInput"/>.</summary>
public sealed class CliInputException(string message) : Exception(message);
