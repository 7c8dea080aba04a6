using System.CommandLine;
using SchoolTwitter.Cli.Checking;
using SchoolTwitter.Cli.History;

namespace SchoolTwitter.Cli;

/// <summary>The <c>schooltwitter</c> command: its syntax, and the mapping of every outcome to an exit code.</summary>
public static class SchoolTwitterCli
{
    public static RootCommand BuildRootCommand(CliEnvironment environment)
    {
        var root = new RootCommand("SchoolTwitter: check tweet drafts against the school's social media code of conduct.");
        root.Add(new CheckCommand().Build(request => Execute(environment, () => new CheckRunner(environment).Run(request))));
        root.Add(new AuditHistoryCommand().Build(request => Execute(environment, () => new AuditHistoryRunner(environment).Run(request))));
        return root;
    }

    /// <summary>Parses and runs a command line: 0 all pass, 1 any review or blocked, 2 bad usage or input, 3 a fault in the tool.</summary>
    public static int Run(string[] args, CliEnvironment environment)
    {
        var parse = BuildRootCommand(environment).Parse(args);
        if (parse.Errors.Count > 0)
        {
            // System.CommandLine exits 1 on a parse error; here 1 means "the draft needs attention", so usage errors exit 2.
            foreach (var error in parse.Errors)
            {
                environment.Error.WriteLine($"Error: {error.Message}");
            }
            environment.Error.WriteLine($"Run 'schooltwitter {(args.FirstOrDefault() == "audit-history" ? "audit-history" : "check")} --help' for the options.");
            return ExitCodes.BadInput;
        }
        return parse.Invoke(new InvocationConfiguration
        {
            Output = environment.Output,
            Error = environment.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        });
    }

    private static int Execute(CliEnvironment environment, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (CliInputException ex)
        {
            environment.Error.WriteLine($"Error: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception ex)
        {
            // Never let a fault look like a verdict (exit 1) or a pass (exit 0).
            environment.Error.WriteLine($"Internal error: {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.InternalError;
        }
    }
}
