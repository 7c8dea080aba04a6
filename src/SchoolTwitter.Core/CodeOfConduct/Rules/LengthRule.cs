using SchoolTwitter.Core.Text;
using SchoolTwitter.Core.Text.TwitterTextImpl;

namespace SchoolTwitter.Core.CodeOfConduct.Rules;

/// <summary>X refuses tweets whose weighted length (twitter-text config v3) is over 280: such a draft is blocked.</summary>
public sealed class LengthRule : IRule
{
    public string Id => RuleIds.Length;

    public void Check(DraftContext draft, List<Finding> findings)
    {
        var length = draft.WeightedLength;
        if (length <= TwitterText.MaxWeightedLength)
        {
            return;
        }
        // Point at the words past the limit: everything after the last character that still fits.
        var parse = TwitterText.Parse(draft.Text, TwitterTextConfig.V3);
        var overflowStart = Math.Clamp(parse.LastFittingIndex + 1, 0, draft.Text.Length);
        findings.Add(new Finding(Id, Severity.Block,
            $"The tweet is {length} characters long as X counts them, but the limit is {TwitterText.MaxWeightedLength}. " +
            $"Shorten it by at least {length - TwitterText.MaxWeightedLength} characters (web links count as 23 and emoji as 2).",
            overflowStart, draft.Text.Length - overflowStart));
    }
}
