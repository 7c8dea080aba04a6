using SchoolTwitter.Cli;
using SchoolTwitter.Core.Lexicons;

// Loading the word lists is most of a check's start-up: begin before the command line is parsed. A school's own lists
// (--lexicons) extend the built-in ones, so those are read either way; their lookups are built only for the built-in set.
if (args is ["check", ..])
{
    LexiconSet.StartLoadingBuiltIn(withLookups: !args.Any(a => a.StartsWith("--lexicons", StringComparison.Ordinal)));
}

return SchoolTwitterCli.Run(args, CliEnvironment.FromConsole());
