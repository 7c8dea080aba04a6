using SchoolTwitter.Core.Followers;
using SchoolTwitter.Core.Lexicons;
using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.Tests.Followers;

/// <summary>
/// Every entry of every follower term list carries its own examples (<c>| catch: bio | pass: bio</c>): a catch example must exercise
/// the entry and raise the list's concern on an otherwise ordinary, established account; a pass example must not raise it.
/// For follower-known-organisations.txt the examples are a website or a handle instead of a bio.
/// </summary>
public class FollowerListExamplesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);
    private static readonly LexiconSet Lexicons = LexiconSet.Load();
    private static readonly FollowerAssessor Assessor = new(new OffensiveLanguage(Lexicons), FollowerKeywords.From(Lexicons),
        SchoolIdentity.From("Ashworth Green Primary School", "AshworthGreenPS", "Ashworth Green Primary; Ashworth Green"));

    /// <summary>The reason codes each list raises.</summary>
    private static readonly Dictionary<string, string[]> Codes = new()
    {
        [FollowerKeywords.AdultList] = [FollowerReasonCodes.AdultKeyword],
        [FollowerKeywords.AdultEmojiList] = [FollowerReasonCodes.AdultEmoji],
        [FollowerKeywords.SellingList] = [FollowerReasonCodes.FollowerSelling],
        [FollowerKeywords.GamblingList] = [FollowerReasonCodes.Gambling],
        [FollowerKeywords.CryptoList] = [FollowerReasonCodes.Crypto, FollowerReasonCodes.CryptoScam],
        [FollowerKeywords.DrugsList] = [FollowerReasonCodes.Drugs],
        [FollowerKeywords.HateCodesList] = [FollowerReasonCodes.HateCode],
        [FollowerKeywords.AttacksList] = [FollowerReasonCodes.AttacksSchool],
        [FollowerKeywords.GroomingList] = [FollowerReasonCodes.GroomingRisk, FollowerReasonCodes.ContactWithChildren],
        [FollowerKeywords.ConspiracyList] = [FollowerReasonCodes.Conspiracy],
        [FollowerKeywords.PoliticalList] = [FollowerReasonCodes.Political],
        [FollowerKeywords.AgeRestrictedList] = [FollowerReasonCodes.AgeRestricted],
        [FollowerKeywords.CommercialList] = [FollowerReasonCodes.CommercialKeyword],
        [FollowerKeywords.SpamList] = [FollowerReasonCodes.SpamKeyword, FollowerReasonCodes.FakeGiveaway],
        [FollowerKeywords.EducationalList] = [FollowerReasonCodes.EducationalLink],
        [FollowerKeywords.KnownOrganisationsList] = [FollowerReasonCodes.VerifiedLink],
    };

    public static TheoryData<string, int, string, bool> Examples()
    {
        var data = new TheoryData<string, int, string, bool>();
        foreach (var list in FollowerKeywords.TermLists)
        {
            var entries = Lexicons.Entries(list);
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = FollowerListEntry.Parse(entries[i]);
                foreach (var c in entry.Catch) data.Add(list, i, c, true);
                foreach (var p in entry.Pass) data.Add(list, i, p, false);
            }
        }
        return data;
    }

    [Fact]
    public void Every_term_list_is_covered_and_every_entry_has_a_catch_example()
    {
        FollowerKeywords.TermLists.ShouldBe(Codes.Keys, ignoreOrder: true);
        foreach (var list in FollowerKeywords.TermLists)
        {
            var entries = Lexicons.Entries(list);
            entries.ShouldNotBeEmpty(list);
            foreach (var line in entries)
            {
                FollowerListEntry.Parse(line).Catch.ShouldNotBeEmpty($"{list}: {line}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_raises_the_lists_concern_only_when_it_should(string list, int index, string example, bool caught)
    {
        var entry = FollowerListEntry.Parse(Lexicons.Entries(list)[index]);
        var result = Assessor.Assess(ProfileFor(list, example), Now);
        var raised = result.Reasons.Where(r => Codes[list].Contains(r.Code)).ToList();

        if (caught)
        {
            raised.ShouldNotBeEmpty($"{list} entry \"{entry.Term}\" should catch: {example}");
            if (list != FollowerKeywords.KnownOrganisationsList)
            {
                new KeywordList([entry with { Kind = null }], matchRunTogether: false, matchPlurals: true).FindEntries(example)
                    .ShouldNotBeEmpty($"the catch example of \"{entry.Term}\" does not contain it: {example}");
            }
        }
        else
        {
            raised.ShouldBeEmpty($"{list} entry \"{entry.Term}\" should pass: {example}");
        }
    }

    private static FollowerProfile ProfileFor(string list, string example)
    {
        if (list != FollowerKeywords.KnownOrganisationsList)
        {
            return new("1", "example_account", "Example", example, null, "Halifax", Now.AddDays(-900), 300, 250, 1200);
        }
        return example.StartsWith('@')
            ? new("1", example.TrimStart('@'), "Example", "News and updates.", null, null, Now.AddDays(-900), 300, 250, 1200)
            : new("1", "example_account", "Example", "News and updates.", example, null, Now.AddDays(-900), 300, 250, 1200);
    }
}
