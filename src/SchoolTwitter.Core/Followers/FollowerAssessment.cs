namespace SchoolTwitter.Core.Followers;

/// <summary>What the assessment suggests to SLT. Only a suggestion: a person decides, case by case.</summary>
public enum FollowerSuggestion
{
    Keep,
    Review,
    Block,
}

/// <summary>What a reason is: a concern (raises suspicion), evidence of a link to the school or education, or a check that ran and found nothing.</summary>
public enum FollowerReasonKind
{
    Concern,
    Evidence,
    Checked,
}

/// <summary>One reason behind a suggestion, in words a head teacher can act on.</summary>
/// <param name="Code">Stable id, see <see cref="FollowerReasonCodes"/>.</param>
/// <param name="Weight">What a concern adds to the score; <see cref="FollowerAssessor.Decisive"/> means block whatever else. Evidence and checks weigh nothing: they never hide a concern.</param>
public sealed record FollowerReason(string Code, string Message, int Weight, FollowerReasonKind Kind = FollowerReasonKind.Concern);

/// <summary>The suggestion for one account with every reason that led to it, and what was checked and found nothing.</summary>
public sealed record FollowerAssessment(FollowerSuggestion Suggestion, int Score, IReadOnlyList<FollowerReason> Reasons)
{
    public bool IsFlagged => Suggestion != FollowerSuggestion.Keep;

    /// <summary>The reasons that raised suspicion, most serious first.</summary>
    public IEnumerable<FollowerReason> Concerns => Reasons.Where(r => r.Kind == FollowerReasonKind.Concern).OrderByDescending(r => r.Weight);

    public IEnumerable<FollowerReason> Evidence => Reasons.Where(r => r.Kind == FollowerReasonKind.Evidence);
}

public static class FollowerReasonCodes
{
    public const string OffensiveName = "offensive-name";
    public const string OffensiveHandle = "offensive-handle";
    public const string OffensiveBio = "offensive-bio";
    public const string ClinicalLanguage = "clinical-language";
    public const string AdultKeyword = "adult-keyword";
    public const string AdultEmoji = "adult-emoji";
    public const string HateCode = "hate-code";
    public const string FollowerSelling = "follower-selling";
    public const string Gambling = "gambling";
    public const string CryptoScam = "crypto-scam";
    public const string Crypto = "crypto";
    public const string Drugs = "drugs";
    public const string GroomingRisk = "grooming-risk";
    public const string ContactWithChildren = "contact-with-children";
    public const string AttacksSchool = "attacks-school";
    public const string Impersonation = "impersonation";
    public const string UsesSchoolName = "uses-school-name";
    public const string FakeGiveaway = "fake-giveaway";
    public const string Conspiracy = "conspiracy";
    public const string Political = "political";
    public const string AgeRestricted = "age-restricted";
    public const string ChildAccount = "child-account";
    public const string CommercialKeyword = "commercial-keyword";
    public const string SpamKeyword = "spam-keyword";
    public const string DefaultAvatar = "default-avatar";
    public const string EmptyBio = "empty-bio";
    public const string NewAccount = "new-account";
    public const string FollowRatio = "follow-ratio";
    public const string DigitRunHandle = "digit-run-handle";

    /// <summary>No visible link to the school or to education: the code of conduct's "not adding any value" is worth a look.</summary>
    public const string NoVisibleLink = "no-visible-link";

    /// <summary>Evidence: verified (approved follow, education or public-sector domain, known organisation).</summary>
    public const string VerifiedLink = "verified-link";

    /// <summary>Evidence: described in the profile's own words (not verified).</summary>
    public const string EducationalLink = "educational-link";

    /// <summary>Checked and found nothing: the words of handle, name and bio.</summary>
    public const string CheckedLanguage = "checked-language";

    /// <summary>Checked and found nothing: the school-specific signals.</summary>
    public const string CheckedSignals = "checked-signals";

    /// <summary>Checked (or not, when the school's name is not set): resemblance to the school.</summary>
    public const string CheckedImpersonation = "checked-impersonation";
}
