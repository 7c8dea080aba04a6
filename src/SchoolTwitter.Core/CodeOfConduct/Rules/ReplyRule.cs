using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.CodeOfConduct.Rules;

/// <summary>
/// The account never replies or debates: a draft in reply to a tweet is blocked, and so is one that begins with an @handle
/// (or ".@handle"), which speaks to one account and is a public reply in all but name. Crediting someone mid-sentence
/// ("Thank you to @LocalLibrary for the visit") is fine.
/// </summary>
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
        if (LeadingMention(draft) is { } mention)
        {
            var handle = draft.Text.Substring(mention.Start, mention.Length);
            findings.Add(new Finding(Id, Severity.Block,
                $"The draft begins with {handle}, so it speaks to that one account: a public reply in all but name, and the school " +
                $"account does not reply or debate. Start with words and credit them within the sentence (“Thank you to {handle} for …”).",
                mention.Start, mention.Length, $"Thank you to {handle} for"));
        }
    }

    /// <summary>The @mention the text opens with, after spaces, invisible characters and one dot (".@handle"), if any.</summary>
    private static TextEntity? LeadingMention(DraftContext draft)
    {
        var text = draft.Text;
        var i = 0;
        while (i < text.Length && (char.IsWhiteSpace(text[i]) || TextFolding.IsInvisible(text[i]))) i++;
        if (i < text.Length && text[i] == '.') i++;
        var entities = draft.Entities;
        for (var n = 0; n < entities.Count; n++) // an index, not foreach: no enumerator allocated per draft
        {
            if (entities[n].Kind == TextEntityKind.Mention && entities[n].Start == i) return entities[n];
        }
        return null;
    }
}
