using SchoolTwitter.Core.ContentSafety;

namespace SchoolTwitter.Application.ContentSafety;

/// <summary>Second-check settings (section "ContentSafety"). Without an endpoint the check is off.</summary>
public sealed class ContentSafetyOptions
{
    public const string SectionName = "ContentSafety";

    /// <summary>The Azure AI services account's endpoint, e.g. https://ai-school.cognitiveservices.azure.com/.</summary>
    public string? Endpoint { get; set; }

    /// <summary>A severity (0, 2, 4, 6) at or above this blocks; lower but above 0 asks an approver.</summary>
    public int BlockAtSeverity { get; set; } = 4;

    /// <summary>A detected person counts from this confidence (0 to 1); the service also returns faint, doubtful boxes.</summary>
    public double PeopleConfidence { get; set; } = 0.6;

    /// <summary>Protected-material detection is English only and offered in fewer regions: a school can switch it off.</summary>
    public bool DetectProtectedMaterial { get; set; } = true;

    /// <summary>Each request's own time limit.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per request, including the first (429 waits for Retry-After; 5xx, timeouts and network errors retry).</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Content Safety's own limit for one image.</summary>
    public const int ServiceImageLimitBytes = 4 * 1024 * 1024;

    /// <summary>
    /// A picture in a reply or mention is downloaded only up to this size (bytes); a larger one is not sent, and the post goes
    /// to the review list as not checked. At most Content Safety's 4 MB.
    /// </summary>
    public int InboundImageMaxBytes { get; set; } = ServiceImageLimitBytes;

    public SafetyThresholds Thresholds() => new(BlockAtSeverity, PeopleConfidence);
}
