namespace SchoolTwitter.Core.ContentSafety;

/// <summary>The harm categories the second check asks about, spelled as Azure AI Content Safety spells them.</summary>
public static class HarmCategories
{
    public const string Hate = "Hate";
    public const string Sexual = "Sexual";
    public const string Violence = "Violence";
    public const string SelfHarm = "SelfHarm";

    public static IReadOnlyList<string> All { get; } = [Hate, Sexual, Violence, SelfHarm];
}

/// <summary>One category's severity: 0 (safe), 2, 4, 6 on the four-level scale.</summary>
public sealed record CategorySeverity(string Category, int Severity);

/// <summary>The service's reading of a draft's (or a mention's) text.</summary>
public sealed record TextSafety(IReadOnlyList<CategorySeverity> Categories, bool ProtectedMaterial);

/// <summary>The service's reading of one image: harm categories and the confidence of each person it found.</summary>
public sealed record ImageSafety(IReadOnlyList<CategorySeverity> Categories, IReadOnlyList<double> PeopleConfidences);

/// <summary>Everything the second check learned about a draft; Images is in the draft's image order.</summary>
public sealed record SafetyAnalysis(TextSafety Text, IReadOnlyList<ImageSafety> Images);

/// <summary>The school's thresholds (settings): a severity at or above BlockAtSeverity blocks; a person counts at or above PeopleConfidence.</summary>
public sealed record SafetyThresholds(int BlockAtSeverity = 4, double PeopleConfidence = 0.6)
{
    public static SafetyThresholds Default { get; } = new();
}
