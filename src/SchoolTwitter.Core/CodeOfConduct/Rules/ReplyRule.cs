namespace SchoolTwitter.Core.CodeOfConduct.Rules;

/// <summary>The account never replies to replies (or to anything): a draft in reply to a tweet is blocked.</summary>
public sealed class ReplyRule : IRule
{
    public string Id => RuleIds.Reply;

    public void Check(DraftContext draft, List<Finding> findings)
    {
        if (!string.IsNullOrWhiteSpace(draft.Draft.InReplyToTweetId))
        {
            findings.Add(new Finding(Id, Severity.Block,
                "The school account never replies to tweets. Post this as a new tweet instead, without “inReplyToTweetId”."));
        }
    }
}
