namespace SchoolTwitter.Core.CodeOfConduct.Rules;

/// <summary>
/// Every picture needs a description for people who use screen readers: a picture without alt text needs an SLT
/// member's review; alt text longer than X's 1,000 characters is blocked.
/// </summary>
public sealed class AltTextRule : IRule
{
    public const int MaxAltTextLength = 1000;

    public string Id => RuleIds.AltText;

    public void Check(DraftContext draft, List<Finding> findings)
    {
        var images = draft.Draft.Images;
        for (var i = 0; i < images.Count; i++)
        {
            var alt = images[i].AltText;
            var label = ImageLabel.Of(images[i], i);
            if (string.IsNullOrWhiteSpace(alt))
            {
                findings.Add(new Finding(Id, Severity.Warn,
                    $"{label} has no alt text. Add a short description of what it shows (without pupils' names), e.g. “Year 4 planting trees in the school garden”."));
                continue;
            }
            var length = alt.EnumerateRunes().Count();
            if (length > MaxAltTextLength)
            {
                findings.Add(new Finding(Id, Severity.Block,
                    $"The alt text of {label.ToLowerInvariant()[0]}{label[1..]} is {length} characters, but X allows at most {MaxAltTextLength}. Shorten it to a sentence or two."));
            }
        }
    }
}
