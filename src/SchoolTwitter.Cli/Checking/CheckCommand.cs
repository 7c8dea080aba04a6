using System.CommandLine;

namespace SchoolTwitter.Cli.Checking;

/// <summary>The <c>check</c> command's syntax: its argument and options, and how a parse becomes a <see cref="CheckRequest"/>.</summary>
internal sealed class CheckCommand
{
    private readonly Argument<string?> _text = new("text")
    {
        Description = "The tweet text to check (quote it).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<string?> _file = new("--file", "-f")
    {
        Description = "Check the draft in this JSON file (the HTTP API's draft shape); '-' reads standard input.",
        HelpName = "draft.json",
    };

    private readonly Option<string?> _jsonl = new("--jsonl")
    {
        Description = "Check one draft JSON per line of this file ('-' reads standard input); writes one verdict JSON per line, in order.",
        HelpName = "drafts.jsonl",
    };

    private readonly Option<string[]> _image = new("--image", "-i")
    {
        Description = "An image to post with the text; repeat for several.",
        HelpName = "PATH",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<string[]> _alt = new("--alt")
    {
        Description = "Alt text for the images, in order: the first --alt describes the first --image.",
        HelpName = "TEXT",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<string[]> _pupils = new("--pupils")
    {
        Description = "Roster ids of every pupil pictured, comma-separated (P001,P002).",
        HelpName = "IDS",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<bool> _noPupils = new("--no-pupils")
    {
        Description = "Declare that no pupils are pictured in the images.",
    };

    private readonly Option<bool> _notOwned = new("--not-owned")
    {
        Description = "The images are not owned by the school (they will be blocked as a copyright risk).",
    };

    private readonly Option<string?> _roster = new("--roster", "-r")
    {
        Description = "The pupil roster CSV exported from the MIS: Id,FirstName,LastName,PhotoConsent (Y/N).",
        HelpName = "roster.csv",
    };

    private readonly Option<string?> _staff = new("--staff")
    {
        Description = "The school's staff and governors CSV: Title,FirstName,LastName,Role. Their names are read as adults', not pupils'.",
        HelpName = "staff.csv",
    };

    private readonly Option<bool> _json = new("--json")
    {
        Description = "Write the verdict as JSON instead of for people.",
    };

    private readonly Option<string?> _lexicons = new("--lexicons")
    {
        Description = "A folder of the school's own word lists extending the built-in ones (glossary.txt, acronyms.txt, …).",
        HelpName = "DIR",
    };

    public Command Build(Func<CheckRequest, int> run)
    {
        var command = new Command("check", "Check a tweet draft against the school's social media code of conduct.")
        {
            _text, _file, _jsonl, _image, _alt, _pupils, _noPupils, _notOwned, _roster, _staff, _json, _lexicons,
        };
        command.SetAction(parse => run(ToRequest(parse)));
        return command;
    }

    private CheckRequest ToRequest(ParseResult parse) => new(
        Text: parse.GetValue(_text),
        DraftFile: parse.GetValue(_file),
        JsonLinesFile: parse.GetValue(_jsonl),
        Images: parse.GetValue(_image) ?? [],
        AltTexts: parse.GetValue(_alt) ?? [],
        PupilIds: parse.GetValue(_pupils) ?? [],
        PupilsGiven: parse.GetResult(_pupils) is not null,
        NoPupils: parse.GetValue(_noPupils),
        NotOwned: parse.GetValue(_notOwned),
        RosterFile: parse.GetValue(_roster),
        Json: parse.GetValue(_json),
        LexiconDirectory: parse.GetValue(_lexicons),
        StaffFile: parse.GetValue(_staff));
}

/// <summary>What the person asked <c>check</c> to do, before any of it is validated.</summary>
internal sealed record CheckRequest(
    string? Text,
    string? DraftFile,
    string? JsonLinesFile,
    IReadOnlyList<string> Images,
    IReadOnlyList<string> AltTexts,
    IReadOnlyList<string> PupilIds,
    bool PupilsGiven,
    bool NoPupils,
    bool NotOwned,
    string? RosterFile,
    bool Json,
    string? LexiconDirectory,
    string? StaffFile = null);
