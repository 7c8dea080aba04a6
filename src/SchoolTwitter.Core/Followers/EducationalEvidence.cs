namespace SchoolTwitter.Core.Followers;

/// <summary>
/// Evidence that an account is linked to the school or to education, in two strengths. Verified: it is on the school's approved
/// follows, its website is on an education or public-sector domain (.sch.uk, .ac.uk, .gov.uk, .nhs.uk...) or a known
/// organisation's, or it is a known organisation's own handle. Described: its profile says what it is in words a passing
/// account would not use by accident ("children's author", "Year 4 class teacher", "registered charity", a parent naming their
/// children's year groups, the school's own name). The bare word "school" or "teacher" is neither. Evidence is shown to SLT; it
/// never takes anything off a concern.
/// </summary>
internal sealed partial class EducationalEvidence(FollowerKeywords keywords, SchoolIdentity school)
{
    private readonly string? _schoolHost = ProfileText.HostOf(school.Website);
    private readonly ComponentSignal _kinds = new(keywords.Educational.Entries);

    public sealed record Result(IReadOnlyList<string> Verified, IReadOnlyList<string> Described, string Website);

    public Result Find(ProfileText text, IReadOnlySet<string> approvedFollows)
    {
        var profile = text.Profile;
        var verified = new List<string>();
        var handle = profile.Handle.TrimStart('@');
        if (approvedFollows.Contains(handle)) verified.Add($"@{handle} is on the school's approved follows");

        foreach (var org in keywords.KnownOrganisations)
        {
            var name = org.Field("name") ?? org.Term;
            if (org.IsKind("handle") && string.Equals(org.Term.TrimStart('@'), handle, StringComparison.OrdinalIgnoreCase))
                verified.Add($"@{handle} is the known organisation {name}");
            else if (text.Host is { } host && org.IsKind("suffix") && host.EndsWith(org.Term, StringComparison.OrdinalIgnoreCase))
                verified.Add($"the website {host} is on a {org.Term} domain ({name})");
            else if (text.Host is { } h && org.IsKind("domain") && IsDomain(h, org.Term))
                verified.Add($"the website {h} is {name}'s");
        }
        if (_schoolHost is not null && text.Host is { } own && IsDomain(own, _schoolHost)) verified.Add($"the website {own} is the school's own");

        var described = new List<string>();
        var phrases = keywords.Educational.FindEntries(text.Described).Where(e => e.Kind is null).Select(e => e.Term).ToList();
        if (phrases.Count > 0) described.Add($"describes itself as {Quote(phrases)}");
        if (NamedInstitution().Match(text.Described) is { Success: true } named) described.Add($"names a school or nursery (\"{named.Value}\")");
        var parent = _kinds.Find("parent", text.Described);
        var stage = _kinds.Find("stage", text.Described);
        if (parent.Count > 0 && stage.Count > 0) described.Add($"a parent of a child at school ({Quote([.. parent, .. stage])})");
        var mentioned = school.Names.FirstOrDefault(n => n.Length >= 4 && KeywordList.ContainsWord(
            KeywordList.Normalise(profile.Bio ?? "", leet: false), KeywordList.Normalise(n, leet: false)));
        if (mentioned is not null) described.Add($"mentions {mentioned} in its bio");

        var website = text.Host switch
        {
            null when string.IsNullOrWhiteSpace(profile.Url) => "no website",
            null => "a website link that could not be read",
            "t.co" => "a t.co short link (not expanded, so not checked)",
            { } h when verified.Count == 0 => $"the website {h} (not a recognised education or public-sector domain)",
            { } h => $"the website {h}",
        };
        return new Result(verified, described, website);
    }

    /// <summary>"Brookfoot Primary", "Park Lane Academy", "St Mary's Infants": a capitalised name followed by the kind of school.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:St\.? )?[A-Z][a-z'’]+(?: [A-Z][a-z'’]+)* (?:Primary|Academy|Infants|Juniors|Nursery School|C of E|CE Primary|C\.E\.)\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex NamedInstitution();

    private static bool IsDomain(string host, string domain) =>
        host.Equals(domain, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase);

    private static string Quote(IEnumerable<string> terms) => string.Join(", ", terms.Distinct().Select(t => $"\"{t}\""));
}
