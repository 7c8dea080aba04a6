using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Core.CodeOfConduct;

namespace SchoolTwitter.Application.Page;

/// <summary>
/// What a head teacher reads instead of state names and rule ids: each draft state and each code-of-conduct rule in plain
/// English. One table, so the SLT page and anything else shown to SLT (cards, e-mails) say the same thing.
/// </summary>
public static class PlainWords
{
    /// <summary>The state of a draft as a short phrase ("Waiting for a second SLT member").</summary>
    public static string State(DraftStatus status) => status switch
    {
        DraftStatus.Received or DraftStatus.Checking => "Being checked",
        DraftStatus.Blocked => "Not allowed: it breaks the code of conduct",
        DraftStatus.AwaitingApproval => "Waiting for a second SLT member to approve",
        DraftStatus.Scheduled => "Approved and waiting to be posted",
        DraftStatus.Publishing => "Being posted now",
        DraftStatus.Published => "Posted",
        DraftStatus.NeedsReconciliation => "Needs a person to check X: we do not know whether it was posted",
        DraftStatus.Failed => "Could not be posted",
        DraftStatus.Cancelled => "Cancelled",
        _ => "Unknown",
    };

    /// <summary>A word for the state's colour and icon on the page: good, waiting, attention or stopped.</summary>
    public static string Tone(DraftStatus status) => status switch
    {
        DraftStatus.Published => "good",
        DraftStatus.Blocked or DraftStatus.Failed => "stopped",
        DraftStatus.AwaitingApproval or DraftStatus.NeedsReconciliation => "attention",
        _ => "waiting",
    };

    /// <summary>What the finding's rule stands for in the code of conduct, for someone who has not read the rule list.</summary>
    public static string Rule(string ruleId) => ruleId switch
    {
        RuleIds.Length => "A tweet can be at most 280 characters long (links count as 23).",
        RuleIds.TextSpeak => "The code of conduct asks for Standard English: no text language such as lol, gr8 or l8r.",
        RuleIds.Grammar => "Tweets are written in Standard English with correct grammar and punctuation.",
        RuleIds.Spelling => "A word may be misspelt, or spelt the American way.",
        RuleIds.Shouting => "Words in capitals and runs of !!! read as shouting.",
        RuleIds.HashtagPosition => "Hashtags go only at the end of a tweet.",
        RuleIds.Offensive => "Nothing offensive, abusive or profane is ever posted.",
        RuleIds.PersonalData => "No personal details such as phone numbers, e-mail or home addresses, or dates of birth.",
        RuleIds.Targeted => "No content aimed at one pupil (\"Well done Josh\"): praise the class or the group instead.",
        RuleIds.PupilName => "No pupil's name alongside pictures of pupils.",
        RuleIds.PhotoConsent => "Only pupils whose parents gave photo consent may be pictured.",
        RuleIds.Copyright => "Only pictures and words the school may use (its own, or with permission).",
        RuleIds.Reply => "The school's account never replies to anyone.",
        RuleIds.AltText => "Every picture needs a short description for people who cannot see it.",
        RuleIds.Media => "Pictures must be real JPEG, PNG, GIF or WebP files within X's size limits.",
        RuleIds.Defamation => "Nothing that could damage a person's or organisation's reputation unfairly.",
        RuleIds.Discrimination => "Nothing discriminatory about any group of people.",
        RuleIds.Sexualised => "Nothing sexual or suggestive.",
        RuleIds.ContentSafety => "A second, automatic check (Azure AI Content Safety) read the words or pictures as harmful, or could not check them.",
        RuleIds.ProtectedMaterial => "The words may be copied from a song, poem or book the school has no permission to post.",
        RuleIds.PeopleInPhoto => "A picture shows people: only pupils with photo consent may be pictured, and never named.",
        _ => "A rule of the school's code of conduct.",
    };

    /// <summary>How serious a finding is, in words.</summary>
    public static string Severity(Severity severity) => severity == Core.CodeOfConduct.Severity.Block
        ? "Must be changed before it can be posted"
        : "A second SLT member must agree it is fine";
}
