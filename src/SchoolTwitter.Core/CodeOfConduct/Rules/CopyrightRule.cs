namespace SchoolTwitter.Core.CodeOfConduct.Rules;

/// <summary>Only pictures the school owns may be posted: any picture not declared as owned by the school is blocked.</summary>
public sealed class CopyrightRule : IRule
{
    public string Id => RuleIds.Copyright;

    public void Check(DraftContext draft, List<Finding> findings)
    {
        var images = draft.Draft.Images;
        for (var i = 0; i < images.Count; i++)
        {
            if (!images[i].OwnedBySchool)
            {
                findings.Add(new Finding(Id, Severity.Block,
                    $"{ImageLabel.Of(images[i], i)} is not declared as owned by the school. Post only pictures the school took " +
                    "or holds the rights to; if the school does own it, mark it as owned by the school."));
            }
        }
    }
}
