using SchoolTwitter.Cli;

return SchoolTwitterCli.Run(args, CliEnvironment.FromConsole());
