namespace SchoolTwitter.Core.Followers;

/// <summary>What the assessment suggests to SLT. Only a suggestion: a person decides, case by case.</summary>
public enum FollowerSuggestion
{
    Keep,
    Review,
    Block,
}

/// <summary>One reason behind a suggestion, in words a head teacher can act on.</summary>
/// <param name="Code">Stable id, see <see cref="FollowerReasonCodes"/>.</param>
/// <param name="Weight">Positive raises suspicion, negative lowers it; <see cref="FollowerAssessor.Decisive"/> means block whatever else.</param>
public sealed record FollowerReason(string Code, string Message, int Weight);

/// <summary>The suggestion for one account with every reason that led to it.</summary>
public sealed record FollowerAssessment(FollowerSuggestion Suggestion, int Score, IReadOnlyList<FollowerReason> Reasons)
{
    public bool IsFlagged => Suggestion != FollowerSuggestion.Keep;
}

public static class FollowerReasonCodes
{
    public const string OffensiveName = "offensive-name";
    public const string OffensiveHandle = "offensive-handle";
    public const string OffensiveBio = "offensive-bio";
    public const string AdultKeyword = "adult-keyword";
    public const string CommercialKeyword = "commercial-keyword";
    public const string SpamKeyword = "spam-keyword";
    public const string DefaultAvatar = "default-avatar";
    public const string EmptyBio = "empty-bio";
    public const string NewAccount = "new-account";
    public const string FollowRatio = "follow-ratio";
    public const string DigitRunHandle = "digit-run-handle";
    public const string EducationalLink = "educational-link";
}
