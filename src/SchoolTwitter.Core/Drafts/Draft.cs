namespace SchoolTwitter.Core.Drafts;

/// <summary>A tweet as SLT submitted it, after its JSON shape has been validated (see <see cref="DraftReader"/>).</summary>
public sealed record Draft(
    string? Id,
    string Text,
    string? SubmittedBy,
    IReadOnlyList<DraftImage> Images,
    string? InReplyToTweetId = null,
    DateTimeOffset? ScheduledFor = null)
{
    public static Draft FromText(string text, string? id = null) => new(id, text, null, []);
}

/// <summary>An image attached to a draft, with the submitter's declarations about who is pictured and who owns it.</summary>
public sealed record DraftImage(
    string FileName,
    ReadOnlyMemory<byte> Content,
    string? AltText,
    IReadOnlyList<string> PupilsPictured,
    bool NoPupilsPictured,
    bool OwnedBySchool);
