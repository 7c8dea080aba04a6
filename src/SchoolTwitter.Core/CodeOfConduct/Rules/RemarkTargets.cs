using SchoolTwitter.Core.Lexicons;
using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.CodeOfConduct.Rules;

/// <summary>Who a remark is aimed at: words First..End-1, whether it is surely a real person or organisation, and what kind.</summary>
internal readonly record struct RemarkTarget(int First, int End, bool Certain, string Kind, int Attributive = -1);

/// <summary>
/// Finds the named people, schools and organisations a remark can be aimed at: a title and a name ("Mr Smith"), a full name
/// ("John Smith"), a school or organisation's name ("Oakfield Primary", "St Mary's", "Leeds City Council") and the people in it
/// ("Oakfield's head", "St Mary's teachers"), or an organisation after the/our/their ("the council", "their head").
/// A lone given name ("Jack stole the harp") or an unknown capitalised word ("Oakfield is ...") is uncertain: it may be a
/// character, so what is said of it warns rather than blocks.
/// </summary>
internal static class RemarkTargets
{
    private const int MaxNameWords = 5;

    public const string Person = "a named person";
    public const string Organisation = "a named school or organisation";

    public static bool TryFind(RemarkReading r, LanguageLexicons language, int k, out RemarkTarget target)
    {
        target = default;
        if (r.Capitalised(k))
        {
            if (r.Has(k, RemarkRole.Title) && k + 1 < r.Count && r.Joined(k + 1) && r.Capitalised(k + 1))
            {
                target = WithPossessive(r, new RemarkTarget(k, NameEnd(r, k + 1), true, Person));
                return true;
            }
            if ((r.Is(k, "st") || r.Is(k, "saint")) && k + 1 < r.Count && r.Joined(k + 1) && r.Capitalised(k + 1))
            {
                target = WithPossessive(r, new RemarkTarget(k, NameEnd(r, k + 1), true, Organisation));
                return true;
            }
            if (TryName(r, language, k, out target)) return true;
        }
        return TryOrganisation(r, k, out target);
    }

    /// <summary>A run of capitalised words: an organisation's name, a full name, or (uncertain) a lone name.</summary>
    private static bool TryName(RemarkReading r, LanguageLexicons language, int k, out RemarkTarget target)
    {
        target = default;
        var folded = r.Folded(k);
        if (folded.Length < 2 || r.Has(k, NotNameRoles)) return false;
        if (r.Has(k, RemarkRole.Org) && r.Lexicon.EntriesStartingWith(folded) is { } entries && Array.Exists(entries, e => e.Bare))
        {
            target = WithPossessive(r, new RemarkTarget(k, k + 1, true, Organisation)); // Ofsted
            return true;
        }
        var end = NameEnd(r, k);
        var givenName = language.IsGivenName(folded) || language.IsEverydayNameWord(folded);
        // A capital that only starts the sentence is no name: "The", "Girls", "Teachers" (but "Jack", "John Smith" are).
        if (r.Words[k].Has(WordFlags.SentenceStart) && !givenName && language.IsLowerCaseWord(folded) && end - k == 1) return false;
        for (var s = end - 1; s > k; s--)
        {
            if (r.Has(s, RemarkRole.OrgSuffix))
            {
                target = WithPossessive(r, new RemarkTarget(k, end, true, Organisation));
                return true;
            }
        }
        if (end - k >= 2)
        {
            // "David Smith"; a run without a known given name ("John Smith" while John is missing, "Great Fire") may be anything.
            target = WithPossessive(r, new RemarkTarget(k, end, givenName, Person));
            return true;
        }
        if (end - k == 1 && r.Possessive(k) && IsOrgAt(r, k + 1, out var orgEnd))
        {
            target = new RemarkTarget(k, orgEnd, true, Organisation); // "Oakfield's head"
            return true;
        }
        if (end - k == 1 && (givenName || !language.IsDictionaryWord(Stem(folded))))
        {
            target = new RemarkTarget(k, end, false, givenName ? Person : Organisation);
            return true;
        }
        return false;
    }

    /// <summary>"the council", "their head", "the school's governors", "the new head" (an adjective may stand between).</summary>
    private static bool TryOrganisation(RemarkReading r, int k, out RemarkTarget target)
    {
        target = default;
        var determiner = r.Words[k].Has(WordFlags.LowerCase) || r.Words[k].Has(WordFlags.SentenceStart)
            ? r.Folded(k) is "the" or "our" or "their" or "that" or "this" or "your" or "his" or "her" or "my" || (r.Possessive(k) && r.Has(k + 1, RemarkRole.Org))
            : false;
        if (!determiner || k + 1 >= r.Count || !r.Joined(k + 1)) return false;
        if (IsOrgAt(r, k + 1, out var end))
        {
            target = new RemarkTarget(k, end, true, Organisation);
            return true;
        }
        if (k + 2 < r.Count && r.Joined(k + 2) && !r.Has(k + 1, RemarkRole.Copula | RemarkRole.Modifier) && IsOrgAt(r, k + 2, out end))
        {
            target = new RemarkTarget(k, end, true, Organisation, Attributive: k + 1);
            return true;
        }
        return false;
    }

    private static bool IsOrgAt(RemarkReading r, int k, out int end)
    {
        end = k < r.Count && (k == 0 || r.Joined(k)) ? r.Match(k, RemarkRole.Org, out _) : -1;
        // "the academy trust", "the school governors": an organisation word after another is part of it.
        while (end > 0 && end < r.Count && r.Joined(end) && r.Match(end, RemarkRole.Org, out _) is > 0 and var more) end = more;
        return end > 0;
    }

    private static RemarkTarget WithPossessive(RemarkReading r, RemarkTarget t) =>
        r.Possessive(t.End - 1) && IsOrgAt(r, t.End, out var end) ? t with { End = end, Kind = Organisation } : t;

    /// <summary>The end of a run of capitalised words from <paramref name="k"/> (at most <see cref="MaxNameWords"/>).</summary>
    private static int NameEnd(RemarkReading r, int k)
    {
        var end = k + 1;
        while (end < r.Count && end - k < MaxNameWords && r.Joined(end) && r.Capitalised(end) && !r.Has(end, NotNameRoles) && !r.Possessive(end - 1))
        {
            end++;
        }
        return end;
    }

    private static ReadOnlySpan<char> Stem(ReadOnlySpan<char> folded) =>
        folded.Length > 2 && folded[^2] == '\'' && folded[^1] == 's' ? folded[..^2] : folded;

    private const RemarkRole NotNameRoles = RemarkRole.Copula | RemarkRole.Negation | RemarkRole.Modifier | RemarkRole.Generic
        | RemarkRole.Specific | RemarkRole.Speaker;
}
