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
            if (string.IsNullOrWhiteSpace(alt))
            {
                findings.Add(new Finding(Id, Severity.Warn,
                    $"{ImageLabel.Of(images[i], i)} has no alt text. Add a short description of what it shows (without pupils' names), e.g. “Year 4 planting trees in the school garden”."));
                continue;
            }
            if (alt.Length <= MaxAltTextLength) continue; // X counts characters (code points), never more than UTF-16 units.
            var length = CodePoints(alt);
            if (length > MaxAltTextLength)
            {
                var label = ImageLabel.Of(images[i], i);
                findings.Add(new Finding(Id, Severity.Block,
                    $"The alt text of {label.ToLowerInvariant()[0]}{label[1..]} is {length} characters, but X allows at most {MaxAltTextLength}. Shorten it to a sentence or two."));
            }
        }
    }

    private static int CodePoints(string text)
    {
        var count = text.Length;
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (char.IsSurrogatePair(text[i], text[i + 1]))
            {
                count--;
                i++;
            }
        }
        return count;
    }
}
