using SchoolTwitter.Core.Lexicons;
using static SchoolTwitter.Core.CodeOfConduct.Rules.LanguageRuleSupport;

namespace SchoolTwitter.Core.CodeOfConduct.Rules;

/// <summary>
/// No content aimed at one pupil and no pupil named: any child's name blocks, whatever the sentence does — praise, blame, awards,
/// birthdays, possessives, lists, "Maya K.", full names, lower case ("Well done Josh a better lesson today", "Star of the week goes
/// to Isla!", "Look at Freddie's painting!"). Adults (Mrs Walsh, the staff list), well-known people and characters (Roald Dahl,
/// Jack and the Beanstalk), classes and houses (Willow Class), events (Summer Fair), places, dates and pets are not pupils; a
/// name-word whose reading is unclear (Grace, Hope) warns so a second SLT member looks. <see cref="ChildNames"/> decides.
/// </summary>
public sealed class TargetedRule(LexiconSet lexicons) : IRule
{
    private readonly ChildNames _names = ChildNames.For(lexicons);

    public string Id => RuleIds.Targeted;

    public void Check(DraftContext draft, List<Finding> findings)
    {
        var words = draft.Words;
        foreach (var mention in draft.NameMentions(_names))
        {
            var who = Quote(Span(words, mention.First, mention.Last));
            var start = words[mention.First].Start;
            var length = words[mention.Last].End - start;
            findings.Add(mention.Reading == NameReading.Child
                ? new Finding(Id, Severity.Block,
                    $"{who} names a child. The code of conduct allows nothing aimed at one pupil and no pupils' names: praise or concern about one child belongs with the family; celebrate the class or team without naming anyone.",
                    start, length)
                : new Finding(Id, Severity.Warn,
                    $"{who} may be a child's name. If it names a pupil, take it out; if it is a word, an adult, a character or a place, a second member of SLT can approve the tweet.",
                    start, length));
        }
    }
}
