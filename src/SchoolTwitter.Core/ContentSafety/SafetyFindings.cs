using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Core.ContentSafety;

/// <summary>
/// Turns the second check's analysis into findings of the verdict's usual shape. The service only advises: a severity at or
/// above the school's threshold blocks, anything lower but present asks an approver to look, and a picture showing more
/// people than the draft declares asks the approver to check consent. It never clears what the rules found.
/// </summary>
public static class SafetyFindings
{
    public static IReadOnlyList<Finding> For(Draft draft, SafetyAnalysis analysis, SafetyThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(analysis);
        if (analysis.Images.Count != draft.Images.Count)
        {
            throw new ArgumentException($"The analysis covers {analysis.Images.Count} images; the draft has {draft.Images.Count}.", nameof(analysis));
        }

        var findings = new List<Finding>();
        findings.AddRange(Categories(analysis.Text.Categories, "the text", thresholds));
        if (analysis.Text.ProtectedMaterial)
        {
            findings.Add(new Finding(RuleIds.ProtectedMaterial, Severity.Warn,
                "The text may copy published material (song lyrics, an article or a recipe). Check the school may use it, or write it in your own words."));
        }

        for (var i = 0; i < draft.Images.Count; i++)
        {
            var image = draft.Images[i];
            var where = $"image {i + 1} ({image.FileName})";
            findings.AddRange(Categories(analysis.Images[i].Categories, where, thresholds));
            var people = People(image, analysis.Images[i], $"image {i + 1}, {image.FileName}", thresholds);
            if (people is not null) findings.Add(people);
        }
        return findings;
    }

    /// <summary>The service's reading of harm categories alone (inbound mentions and replies).</summary>
    public static IReadOnlyList<Finding> ForText(TextSafety text, SafetyThresholds thresholds) => ForInbound("the post's text", text.Categories, thresholds);

    /// <summary>
    /// Harm categories of someone else's post (its text, or "picture 2"): at or above the school's threshold it is treated as
    /// offensive (hidden and muted if a reply); lower but present, SLT look at it. Nothing is posted either way.
    /// </summary>
    public static IReadOnlyList<Finding> ForInbound(string where, IReadOnlyList<CategorySeverity> categories, SafetyThresholds thresholds) =>
    [
        .. categories.Where(c => c.Severity > 0).OrderByDescending(c => c.Severity).Select(c => c.Severity >= thresholds.BlockAtSeverity
            ? new Finding(RuleIds.ContentSafety, Severity.Block,
                $"Azure AI Content Safety rates {where} as {Describe(c.Category)} at severity {c.Severity} (the school acts from {thresholds.BlockAtSeverity}), so it is treated as offensive.")
            : new Finding(RuleIds.ContentSafety, Severity.Warn,
                $"Azure AI Content Safety rates {where} as possibly {Describe(c.Category)} (severity {c.Severity}). Look at it in X before deciding.")),
    ];

    /// <summary>Someone else's post (or one picture in it) the second check could not read: a person looks, it is never passed unseen.</summary>
    public static Finding CouldNotCheck(string what, string reason) => new(RuleIds.ContentSafety, Severity.Warn,
        $"The second check could not check {what} ({reason}). Look at it, and every picture in it, in X before deciding.");

    /// <summary>The second check was switched on but did not answer: the draft waits for a person, never passes on the rules alone.</summary>
    public static Finding CouldNotRun(string reason) => new(RuleIds.ContentSafety, Severity.Warn,
        $"The second check could not run ({reason}). An SLT member must look at the text and every picture before this draft is posted.");

    private static IEnumerable<Finding> Categories(IReadOnlyList<CategorySeverity> categories, string where, SafetyThresholds thresholds)
    {
        foreach (var c in categories.Where(c => c.Severity > 0).OrderByDescending(c => c.Severity))
        {
            var topic = Describe(c.Category);
            yield return c.Severity >= thresholds.BlockAtSeverity
                ? new Finding(RuleIds.ContentSafety, Severity.Block,
                    $"Azure AI Content Safety rates {where} as {topic} at severity {c.Severity} (the school blocks from {thresholds.BlockAtSeverity}). It cannot be posted.")
                : new Finding(RuleIds.ContentSafety, Severity.Warn,
                    $"Azure AI Content Safety rates {where} as possibly {topic} (severity {c.Severity}). An approver should read it before it is posted.");
        }
    }

    private static Finding? People(DraftImage image, ImageSafety safety, string where, SafetyThresholds thresholds)
    {
        var found = safety.PeopleConfidences.Count(c => c >= thresholds.PeopleConfidence);
        if (found == 0) return null;

        var shows = found == 1 ? "shows 1 person" : $"shows {found} people";
        if (image.NoPupilsPictured)
        {
            return new Finding(RuleIds.PeopleInPhoto, Severity.Warn,
                $"This photo ({where}) {shows}; the draft declares no pupils pictured. Look at the photo and check who is in it before approving.");
        }

        var declared = image.PupilsPictured.Count;
        if (found <= declared) return null;
        var pupils = declared == 1 ? "1 pupil" : $"{declared} pupils";
        return new Finding(RuleIds.PeopleInPhoto, Severity.Warn,
            $"This photo ({where}) {shows}; the draft declares {pupils}. Check that everyone pictured has photo consent (staff and adults count too) before approving.");
    }

    private static string Describe(string category) => category switch
    {
        HarmCategories.Hate => "hateful or discriminatory",
        HarmCategories.Sexual => "sexual",
        HarmCategories.Violence => "violent",
        HarmCategories.SelfHarm => "about self-harm",
        _ => $"unsuitable ({category})",
    };
}
