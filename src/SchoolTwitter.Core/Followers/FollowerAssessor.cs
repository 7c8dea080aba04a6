using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.Followers;

/// <summary>
/// Assesses an account that follows or mentions the school, for SLT's weekly review. It reads the handle (run-together words
/// split, leetspeak undone), name, bio (hashtags split) and website, and looks for what matters to a primary school: offensive
/// or sexual words (the checker's <see cref="OffensiveLanguage"/>), adult content (words, platforms, emoji), hate codes, follower
/// selling, gambling, crypto scams, drugs, grooming-risk contact with children, attacks on schools or staff, impersonation of the
/// school and fake giveaways; then softer concerns (conspiracy, politics, age-restricted trade, commercial, spam signals).
/// Evidence of a link to the school or education is shown but never subtracts; no visible link at all is itself a reason to
/// look (the code of conduct's "not adding any value"). Every assessment lists what was checked and found nothing.
/// Pure: the clock and the approved follows are passed in. The result is a suggestion for SLT, never an action.
/// </summary>
public sealed partial class FollowerAssessor
{
    /// <summary>A reason with this weight suggests block whatever else the profile says.</summary>
    public const int Decisive = 100;

    /// <summary>
    /// Score of the signs of a generated account (<see cref="BotSignals"/>) from which the suggestion is block. Other concerns below
    /// <see cref="Decisive"/> (commercial, political, "DM me" to parents) ask for a look however many there are: they add up to a
    /// fuller picture for SLT, not to a bot.
    /// </summary>
    public const int BlockScore = 5;

    /// <summary>Score from which SLT should look at the account.</summary>
    public const int ReviewScore = 2;

    /// <summary>Weight of a concern that alone is worth a look (a possible hate code, "DM me" aimed at children, a child's own account).</summary>
    public const int LookScore = 3;

    public const int NewAccountDays = 30;
    public const int VeryNewAccountDays = 7;
    public const int ManyFollowing = 1000;
    public const int DigitRunLength = 5;

    private static readonly IReadOnlySet<string> NoApprovedFollows = new HashSet<string>();

    /// <summary>The signs of a generated or spam account, which together suggest block.</summary>
    public static IReadOnlySet<string> BotSignals { get; } = new HashSet<string>
    {
        FollowerReasonCodes.DefaultAvatar, FollowerReasonCodes.EmptyBio, FollowerReasonCodes.NewAccount, FollowerReasonCodes.FollowRatio,
        FollowerReasonCodes.DigitRunHandle, FollowerReasonCodes.SpamKeyword,
    };

    private readonly FollowerKeywords _keywords;
    private readonly SchoolIdentity _school;
    private readonly FollowerLanguage _language;
    private readonly WordSegmenter _segmenter;
    private readonly ImpersonationCheck _impersonation;
    private readonly EducationalEvidence _evidence;
    private readonly ComponentSignal _adultEmoji;
    private readonly ComponentSignal _drugs;
    private readonly ComponentSignal _grooming;
    private readonly ComponentSignal _attacks;

    public FollowerAssessor(OffensiveLanguage offensive, FollowerKeywords keywords, SchoolIdentity? school = null)
    {
        ArgumentNullException.ThrowIfNull(offensive);
        ArgumentNullException.ThrowIfNull(keywords);
        _keywords = keywords;
        _school = school ?? SchoolIdentity.None;
        _language = new FollowerLanguage(offensive, keywords, keywords.IsOrdinaryWord, keywords.IsGivenName);
        _segmenter = new WordSegmenter(w => keywords.IsKnownWord(w) || (w.Length >= 3 && offensive.IsOffensive(w)));
        _impersonation = new ImpersonationCheck(_school, keywords, _segmenter);
        _evidence = new EducationalEvidence(keywords, _school);
        _adultEmoji = new ComponentSignal(keywords.AdultEmoji);
        _drugs = new ComponentSignal(keywords.Drugs);
        _grooming = new ComponentSignal(keywords.Grooming);
        _attacks = new ComponentSignal(keywords.Attacks);
    }

    public SchoolIdentity School => _school;

    /// <param name="approvedFollows">Handles on the school's approved follows (case-insensitive): a verified link.</param>
    public FollowerAssessment Assess(FollowerProfile profile, DateTimeOffset now, IReadOnlySet<string>? approvedFollows = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var text = ProfileText.Read(profile, _segmenter);
        var reasons = new List<FollowerReason>();
        var clean = new List<string>();

        CheckLanguage(text, reasons);
        CheckContent(text, reasons, clean);
        CheckImpersonation(text, reasons, now);
        CheckSofterConcerns(text, reasons);
        AddSpamSignals(reasons, profile, now);
        var linked = AddEvidence(text, reasons, approvedFollows ?? NoApprovedFollows);

        if (clean.Count > 0)
        {
            reasons.Add(new(FollowerReasonCodes.CheckedSignals, $"Checked and found nothing for: {string.Join(", ", clean)}.", 0, FollowerReasonKind.Checked));
        }

        var score = reasons.Sum(r => r.Weight);
        var botScore = reasons.Where(r => BotSignals.Contains(r.Code)).Sum(r => r.Weight);
        var suggestion = reasons.Any(r => r.Weight >= Decisive) ? FollowerSuggestion.Block
            : botScore >= BlockScore ? FollowerSuggestion.Block
            : score >= ReviewScore || !linked ? FollowerSuggestion.Review
            : FollowerSuggestion.Keep;
        return new FollowerAssessment(suggestion, score, reasons);
    }

    /// <summary>Offensive-language matches in a post or any text, less those excused in context ("Dick Whittington", "Mrs Dyke", "Cock Hill").</summary>
    public IReadOnlyList<LanguageMatch> FindOffensive(string? text) => _language.Find(text).Matches;

    // ---- Words: offensive, sexual and slurs in handle, name and bio. ----

    private void CheckLanguage(ProfileText text, List<FollowerReason> reasons)
    {
        var excused = new List<string>();
        var found = AddOffensive(reasons, excused, FollowerReasonCodes.OffensiveName, "name", text.Profile.Name, text.All);
        var handle = string.Equals(text.HandleWords, text.HandleReading, StringComparison.Ordinal) ? text.HandleWords : $"{text.HandleWords}\n{text.HandleReading}";
        found |= AddOffensive(reasons, excused, FollowerReasonCodes.OffensiveHandle, "handle", handle, text.All);
        found |= AddOffensive(reasons, excused, FollowerReasonCodes.OffensiveBio, "bio", text.BioReading, text.All);
        if (found) return;
        var read = string.Equals(text.HandleReading, text.Profile.Handle, StringComparison.OrdinalIgnoreCase) ? "" : $" (handle read as \"{text.HandleReading}\")";
        var excuses = excused.Count == 0 ? "" : $" Read in context: {string.Join("; ", excused.Distinct())}.";
        reasons.Add(new(FollowerReasonCodes.CheckedLanguage,
            $"Handle, name and bio checked for offensive, sexual and slur words, run-together words split and look-alike letters and leetspeak undone{read}: none found.{excuses}",
            0, FollowerReasonKind.Checked));
    }

    private bool AddOffensive(List<FollowerReason> reasons, List<string> excused, string code, string where, string? text, string profile)
    {
        var (matches, excuses) = _language.Find(text, profile);
        excused.AddRange(excuses);
        if (matches.Count == 0) return false;
        var decisive = matches.Where(m => !m.IsClinical).ToList();
        var shown = decisive.Count > 0 ? decisive : matches;
        var terms = shown.Select(m => text!.Substring(m.Start, m.Length)).Distinct().ToList();
        var categories = string.Join(", ", shown.Select(m => m.Category).Distinct());
        reasons.Add(decisive.Count > 0
            ? new(code, $"Offensive or sexual language in the {where} ({categories}): {Quote(terms)}.", Decisive)
            : new(FollowerReasonCodes.ClinicalLanguage, $"Clinical or formal sexual words in the {where}: {Quote(terms)}. Worth a look, not a block by itself.", ReviewScore));
        return true;
    }

    // ---- The signals that matter for a school. ----

    private void CheckContent(ProfileText text, List<FollowerReason> reasons, List<string> clean)
    {
        var all = text.All;
        var said = text.Described;

        var adult = _keywords.Adult.Find(all);
        var emoji = AdultEmoji.Find(_adultEmoji, said);
        Add(reasons, clean, "adult content", adult.Count > 0 ? new FollowerReason(FollowerReasonCodes.AdultKeyword, $"Adult-content signs in the profile: {Quote(adult)}.", Decisive) : null,
            emoji.Count > 0 ? new FollowerReason(FollowerReasonCodes.AdultEmoji, $"Emoji that together advertise adult content: {string.Join(" ", emoji)}.", Decisive) : null);

        var hate = _keywords.HateCodes.FindEntries(all);
        var strong = hate.Where(e => !e.IsKind("context")).ToList();
        var context = hate.Where(e => e.IsKind("context")).ToList();
        Add(reasons, clean, "hate codes and symbols", strong.Count > 0 || context.Count >= 2
            ? new FollowerReason(FollowerReasonCodes.HateCode, $"Hate codes or symbols (ADL Hate on Display and UK sources in follower-hate-codes.txt): {Quote(hate.Select(Describe))}.", Decisive)
            : context.Count == 1
                ? new FollowerReason(FollowerReasonCodes.HateCode, $"Possible hate code {Quote(context.Select(Describe))}: it also has innocent uses, so look at the account's posts.", LookScore)
                : null);

        var selling = _keywords.Selling.Find(all);
        Add(reasons, clean, "follower selling", selling.Count > 0 ? new FollowerReason(FollowerReasonCodes.FollowerSelling, $"Sells followers or engagement: {Quote(selling)}.", Decisive) : null);

        var gambling = _keywords.Gambling.Find(all);
        Add(reasons, clean, "gambling", gambling.Count > 0 ? new FollowerReason(FollowerReasonCodes.Gambling, $"Gambling promotion: {Quote(gambling)}.", Decisive) : null);

        var crypto = _keywords.Crypto.FindEntries(all);
        var scam = crypto.Where(e => e.IsKind("block")).Select(e => e.Term).ToList();
        Add(reasons, clean, "crypto and investment scams", scam.Count > 0
            ? new FollowerReason(FollowerReasonCodes.CryptoScam, $"Investment or crypto scam signs: {Quote(scam)}.", Decisive)
            : crypto.Count > 0 ? new FollowerReason(FollowerReasonCodes.Crypto, $"Crypto or trading promotion: {Quote(crypto.Select(e => e.Term))}.", ReviewScore) : null);

        var drugs = DrugSale.Find(_drugs, said);
        Add(reasons, clean, "drugs", drugs.Count > 0 ? new FollowerReason(FollowerReasonCodes.Drugs, $"Emoji and words used to sell drugs: {string.Join(" ", drugs)}.", Decisive) : null);

        var grooming = GroomingRisk.Check(_grooming, said);
        Add(reasons, clean, "grooming-risk contact with children", grooming switch
        {
            null => null,
            { Block: true } g => new FollowerReason(FollowerReasonCodes.GroomingRisk,
                $"Seeks private contact with children or their photos: {Quote([.. g.Contact, .. g.Child, .. g.Ask])}. Consider reporting it (CEOP).", Decisive),
            var g => new FollowerReason(FollowerReasonCodes.ContactWithChildren, $"Invites children or parents of young children to make private contact: {Quote([.. g.Contact, .. g.Child])}.", LookScore),
        });

        var attack = SchoolAttack.Find(_attacks, _school, text.Profile.Name, text.Profile.Bio);
        Add(reasons, clean, "attacks on schools or staff", attack is { } a
            ? new FollowerReason(FollowerReasonCodes.AttacksSchool, $"Attacks schools or staff: \"{a.Attack}\" aimed at \"{a.Target}\".", Decisive)
            : null);

        var giveaway = _keywords.Spam.FindEntries(all).Where(e => e.IsKind("giveaway")).Select(e => e.Term).ToList();
        Add(reasons, clean, "fake giveaways", giveaway.Count > 0
            ? new FollowerReason(FollowerReasonCodes.FakeGiveaway, $"A giveaway that asks for details, contact or a click: {Quote(giveaway)}.", Decisive)
            : null);
    }

    private static void Add(List<FollowerReason> reasons, List<string> clean, string area, params FollowerReason?[] found)
    {
        var any = false;
        foreach (var reason in found)
        {
            if (reason is null) continue;
            reasons.Add(reason);
            any = true;
        }
        if (!any) clean.Add(area);
    }

    private void CheckImpersonation(ProfileText text, List<FollowerReason> reasons, DateTimeOffset now)
    {
        if (!_school.IsSet)
        {
            reasons.Add(new(FollowerReasonCodes.CheckedImpersonation,
                "Impersonation of the school not checked: School__Name and School__Handle are not set.", 0, FollowerReasonKind.Checked));
            return;
        }
        var finding = _impersonation.Check(text.Profile);
        var days = AgeDays(text.Profile, now);
        if (finding is null)
        {
            var variants = _school.Variants.Count == 0 ? "" : $" and {_school.Variants.Count} other name{(_school.Variants.Count == 1 ? "" : "s")}";
            reasons.Add(new(FollowerReasonCodes.CheckedImpersonation,
                $"Compared with {_school.Describe()}{variants}: no resemblance in the handle or name.", 0, FollowerReasonKind.Checked));
            return;
        }
        var age = days is { } d ? $"{d} days old" : "of unknown age";
        if (finding.Impersonates)
        {
            var established = days is >= ImpersonationCheck.EstablishedDays;
            var decisive = !established || finding.ClaimsOfficial || finding.Giveaway;
            var claim = finding.Giveaway ? ", offering a giveaway" : finding.ClaimsOfficial ? ", claiming to be official" : "";
            reasons.Add(new(FollowerReasonCodes.Impersonation,
                decisive
                    ? $"May impersonate the school: {finding.Evidence}{claim}; the account is {age}. Report it to X as impersonation."
                    : $"Shares the school's name ({finding.Evidence}) and is {age}: check it is not an old or unofficial school account.",
                decisive ? Decisive : LookScore));
            return;
        }
        if (days is < NewAccountDays)
        {
            reasons.Add(new(FollowerReasonCodes.UsesSchoolName,
                $"A new account ({age}) using the school's name as a linked account ({finding.Evidence}): confirm it really is the school's.", LookScore));
        }
        else
        {
            reasons.Add(new(FollowerReasonCodes.EducationalLink,
                $"Presents itself as linked to the school ({finding.Evidence}); not verified.", 0, FollowerReasonKind.Evidence));
        }
    }

    private void CheckSofterConcerns(ProfileText text, List<FollowerReason> reasons)
    {
        var all = text.All;
        AddList(reasons, _keywords.Conspiracy, all, FollowerReasonCodes.Conspiracy, "Conspiracy or misinformation themes", ReviewScore);
        AddList(reasons, _keywords.Political, all, FollowerReasonCodes.Political,
            "Political party or campaign (a school must stay politically impartial)", ReviewScore);
        if (!reasons.Any(r => r.Code is FollowerReasonCodes.AdultKeyword or FollowerReasonCodes.AdultEmoji or FollowerReasonCodes.Gambling or FollowerReasonCodes.Drugs))
        {
            AddList(reasons, _keywords.AgeRestricted, all, FollowerReasonCodes.AgeRestricted, "Age-restricted products or content", ReviewScore);
        }
        AddList(reasons, _keywords.Commercial, all, FollowerReasonCodes.CommercialKeyword, "Commercial or promotional profile", ReviewScore);
        var spam = _keywords.Spam.FindEntries(all).Where(e => !e.IsKind("giveaway")).Select(e => e.Term).ToList();
        if (spam.Count > 0) reasons.Add(new(FollowerReasonCodes.SpamKeyword, $"Spam phrases in the profile: {Quote(spam)}.", LookScore));
        if (ChildAge().Match(text.Profile.Bio ?? "") is { Success: true } child)
        {
            reasons.Add(new(FollowerReasonCodes.ChildAccount,
                $"May be a child's own account (\"{child.Value.Trim()}\"; X requires users to be 13 or over): a safeguarding question.", LookScore));
        }
    }

    private static void AddList(List<FollowerReason> reasons, KeywordList list, string text, string code, string what, int weight)
    {
        var found = list.Find(text);
        if (found.Count > 0) reasons.Add(new(code, $"{what}: {Quote(found)}.", weight));
    }

    /// <summary>"11. Year 6.", "I'm 10", "age 9", "12 years old": a bio that gives an age under 13.</summary>
    [GeneratedRegex(@"^\s*(?:8|9|10|11|12)\s*[.,|•]\s|\b(?:i'?m|i am|age|aged)\s+(?:8|9|10|11|12)\b(?!\s*(?:-|to|months))|\b(?:8|9|10|11|12)\s*(?:yrs?|years?)\s*old\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChildAge();

    // ---- Evidence of a link to the school or education. ----

    private bool AddEvidence(ProfileText text, List<FollowerReason> reasons, IReadOnlySet<string> approvedFollows)
    {
        var found = _evidence.Find(text, approvedFollows.Count == 0 ? approvedFollows : new HashSet<string>(approvedFollows, StringComparer.OrdinalIgnoreCase));
        foreach (var v in found.Verified)
        {
            reasons.Add(new(FollowerReasonCodes.VerifiedLink, $"Verified link to education: {v}.", 0, FollowerReasonKind.Evidence));
        }
        foreach (var d in found.Described)
        {
            reasons.Add(new(FollowerReasonCodes.EducationalLink, $"Described link to education (not verified): {d}.", 0, FollowerReasonKind.Evidence));
        }
        if (reasons.Any(r => r.Kind == FollowerReasonKind.Evidence)) return true;
        reasons.Add(new(FollowerReasonCodes.NoVisibleLink,
            $"No visible link to the school or to education: not on the approved follows, {found.Website}, and nothing in the name or bio says what it is to the school. Worth a look: the code of conduct asks whether a follower adds any value.",
            0));
        return false;
    }

    // ---- Spam signals. ----

    private static void AddSpamSignals(List<FollowerReason> reasons, FollowerProfile profile, DateTimeOffset now)
    {
        if (profile.DefaultAvatar)
        {
            reasons.Add(new(FollowerReasonCodes.DefaultAvatar, "Still has X's default profile picture.", 1));
        }

        if (string.IsNullOrWhiteSpace(profile.Bio))
        {
            reasons.Add(new(FollowerReasonCodes.EmptyBio, "The bio is empty.", 1));
        }

        if (AgeDays(profile, now) is { } days)
        {
            if (days < VeryNewAccountDays)
            {
                reasons.Add(new(FollowerReasonCodes.NewAccount, $"The account is {days} days old.", 2));
            }
            else if (days < NewAccountDays)
            {
                reasons.Add(new(FollowerReasonCodes.NewAccount, $"The account is {days} days old.", 1));
            }
        }

        if (profile.FollowingCount >= ManyFollowing && profile.FollowersCount * 10 < profile.FollowingCount)
        {
            reasons.Add(new(FollowerReasonCodes.FollowRatio,
                string.Create(CultureInfo.InvariantCulture,
                    $"Follows {profile.FollowingCount:N0} accounts but only {profile.FollowersCount:N0} follow it back."), 2));
        }

        if (LongestDigitRun(profile.Handle) >= DigitRunLength)
        {
            reasons.Add(new(FollowerReasonCodes.DigitRunHandle, $"The handle @{profile.Handle} ends in a long run of digits, typical of generated accounts.", 1));
        }
    }

    private static int? AgeDays(FollowerProfile profile, DateTimeOffset now) =>
        profile.CreatedAt is { } created ? Math.Max((int)Math.Floor((now - created).TotalDays), 0) : null;

    internal static int LongestDigitRun(string handle)
    {
        int longest = 0, run = 0;
        foreach (var c in handle)
        {
            run = c is >= '0' and <= '9' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }

    /// <summary>"HotBabe_69xx" → "Hot Babe 69 xx": handles have no spaces, so words are split at case changes, underscores and digits.</summary>
    internal static string HandleWords(string handle)
    {
        var sb = new StringBuilder(handle.Length * 2);
        char prev = '\0';
        foreach (var c in handle.TrimStart('@'))
        {
            if (c == '_')
            {
                sb.Append(' ');
                prev = ' ';
                continue;
            }
            var boundary = prev != '\0' && prev != ' '
                && ((char.IsUpper(c) && char.IsLower(prev)) || (char.IsDigit(c) != char.IsDigit(prev)));
            if (boundary) sb.Append(' ');
            sb.Append(c);
            prev = c;
        }
        return sb.ToString();
    }

    private static string Describe(FollowerListEntry entry) => entry.Field("means") is { } means ? $"{entry.Term} ({means})" : entry.Term;

    private static string Quote(IEnumerable<string> terms) => string.Join(", ", terms.Distinct().Select(t => $"\"{t}\""));
}
