namespace SchoolTwitter.Core.CodeOfConduct;

/// <summary>The stable rule ids that appear in verdicts.</summary>
public static class RuleIds
{
    public const string Length = "length";
    public const string TextSpeak = "text-speak";
    public const string Grammar = "grammar";
    public const string Spelling = "spelling";
    public const string Shouting = "shouting";
    public const string HashtagPosition = "hashtag-position";
    public const string Offensive = "offensive";
    public const string PersonalData = "personal-data";
    public const string Targeted = "targeted";
    public const string PupilName = "pupil-name";
    public const string PhotoConsent = "photo-consent";
    public const string Copyright = "copyright";
    public const string Reply = "reply";
    public const string AltText = "alt-text";
    public const string Media = "media";
    public const string Defamation = "defamation";
    public const string Discrimination = "discrimination";
    public const string Sexualised = "sexualised";

    // The second check (Azure AI, optional): findings from a service's reading of the text and pictures, after the rules.
    public const string ContentSafety = "content-safety";
    public const string ProtectedMaterial = "protected-material";
    public const string PeopleInPhoto = "people-in-photo";
}
