using System.CommandLine;

namespace SchoolTwitter.Cli.History;

/// <summary>The <c>audit-history</c> command's syntax.</summary>
internal sealed class AuditHistoryCommand
{
    private readonly Option<string?> _archive = new("--archive", "-a")
    {
        Description = "The data/tweets.js file of the archive X sends (unzipped). Without it, the live account is read (X__AccountId and the X credentials from the environment).",
        HelpName = "data/tweets.js",
    };

    private readonly Option<string?> _roster = new("--roster", "-r")
    {
        Description = "The pupil roster CSV exported from the MIS (Id,FirstName,LastName,PhotoConsent): pupils' names are checked with it.",
        HelpName = "roster.csv",
    };

    private readonly Option<string?> _staff = new("--staff")
    {
        Description = "The school's staff and governors CSV: their names are read as adults'.",
        HelpName = "staff.csv",
    };

    private readonly Option<string?> _lexicons = new("--lexicons")
    {
        Description = "A folder of the school's own word lists extending the built-in ones.",
        HelpName = "DIR",
    };

    private readonly Option<string> _out = new("--out", "-o")
    {
        Description = "The folder the report is written to (history-audit.csv and history-audit.html).",
        HelpName = "DIR",
        DefaultValueFactory = _ => ".",
    };

    private readonly Option<bool> _yes = new("--yes", "-y")
    {
        Description = "Agree to the read cost without being asked (the live account only).",
    };

    public Command Build(Func<AuditHistoryRequest, int> run)
    {
        var command = new Command("audit-history",
            "Check the account's past posts (the live account, or an X archive) against today's code of conduct; write a CSV and an HTML report.")
        {
            _archive, _roster, _staff, _lexicons, _out, _yes,
        };
        command.SetAction(parse => run(new AuditHistoryRequest(
            parse.GetValue(_archive), parse.GetValue(_roster), parse.GetValue(_staff), parse.GetValue(_lexicons), parse.GetValue(_out) ?? ".", parse.GetValue(_yes))));
        return command;
    }
}

internal sealed record AuditHistoryRequest(string? Archive, string? RosterFile, string? StaffFile, string? LexiconDirectory, string OutDirectory, bool Yes);
