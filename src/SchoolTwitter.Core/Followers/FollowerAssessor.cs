using System.Globalization;
using System.Text;
using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.Followers;

/// <summary>
/// Assesses an account that follows or mentions the school: offensive or sexual words (the checker's <see cref="OffensiveLanguage"/>,
/// with its evasion handling), adult and commercial keywords, spam signals, and signs of an educational link that lower suspicion.
/// Pure: the clock is passed in. The result is a suggestion for SLT, never an action.
/// </summary>
public sealed class FollowerAssessor(OffensiveLanguage offensive, FollowerKeywords keywords)
{
    /// <summary>A reason with this weight suggests block whatever else the profile says (offensive words, adult content).</summary>
    public const int Decisive = 100;

    /// <summary>Score from which the suggestion is block (several spam signals together: a bot).</summary>
    public const int BlockScore = 5;

    /// <summary>Score from which SLT should look at the account.</summary>
    public const int ReviewScore = 2;

    public const int NewAccountDays = 30;
    public const int VeryNewAccountDays = 7;
    public const int ManyFollowing = 1000;
    public const int DigitRunLength = 5;

    public FollowerAssessment Assess(FollowerProfile profile, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var reasons = new List<FollowerReason>();

        AddOffensive(reasons, FollowerReasonCodes.OffensiveName, "name", profile.Name);
        AddOffensive(reasons, FollowerReasonCodes.OffensiveHandle, "handle", HandleWords(profile.Handle));
        AddOffensive(reasons, FollowerReasonCodes.OffensiveBio, "bio", profile.Bio);

        var profileText = string.Join('\n', new[] { profile.Name, HandleWords(profile.Handle), profile.Bio, profile.Url, profile.Location }
            .Where(s => !string.IsNullOrWhiteSpace(s)));

        var adult = keywords.Adult.Find(profileText);
        if (adult.Count > 0)
        {
            reasons.Add(new(FollowerReasonCodes.AdultKeyword, $"Adult-content signs in the profile: {Quote(adult)}.", Decisive));
        }

        var commercial = keywords.Commercial.Find(profileText);
        if (commercial.Count > 0)
        {
            reasons.Add(new(FollowerReasonCodes.CommercialKeyword, $"Commercial or promotional profile: {Quote(commercial)}.", 2));
        }

        var spam = keywords.Spam.Find(profileText);
        if (spam.Count > 0)
        {
            reasons.Add(new(FollowerReasonCodes.SpamKeyword, $"Spam phrases in the profile: {Quote(spam)}.", 3));
        }

        AddSpamSignals(reasons, profile, now);

        var educational = keywords.Educational.Find(profileText);
        if (educational.Count > 0)
        {
            reasons.Add(new(FollowerReasonCodes.EducationalLink, $"Signs of an educational link: {Quote(educational)}.", -3));
        }

        var score = reasons.Sum(r => r.Weight);
        var suggestion = reasons.Any(r => r.Weight >= Decisive) ? FollowerSuggestion.Block
            : score >= BlockScore ? FollowerSuggestion.Block
            : score >= ReviewScore ? FollowerSuggestion.Review
            : FollowerSuggestion.Keep;
        return new FollowerAssessment(suggestion, score, reasons);
    }

    /// <summary>Offensive-language matches in a post or any text, ignoring those inside innocent names ("Dick Whittington").</summary>
    public IReadOnlyList<LanguageMatch> FindOffensive(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : offensive.Find(text).Where(m => !InsideInnocentName(text, m)).ToList();

    private void AddOffensive(List<FollowerReason> reasons, string code, string where, string? text)
    {
        var matches = FindOffensive(text);
        if (matches.Count == 0) return;
        var terms = matches.Select(m => text!.Substring(m.Start, m.Length)).Distinct().ToList();
        var categories = string.Join(", ", matches.Select(m => m.Category).Distinct());
        reasons.Add(new(code, $"Offensive or sexual language in the {where} ({categories}): {Quote(terms)}.", Decisive));
    }

    /// <summary>"Dick Whittington", "Dick King-Smith": a match wholly inside a listed innocent name is not offensive.</summary>
    private bool InsideInnocentName(string text, LanguageMatch match)
    {
        foreach (var name in keywords.InnocentNames)
        {
            for (var i = text.IndexOf(name, StringComparison.OrdinalIgnoreCase); i >= 0;
                 i = text.IndexOf(name, i + 1, StringComparison.OrdinalIgnoreCase))
            {
                if (match.Start >= i && match.Start + match.Length <= i + name.Length) return true;
            }
        }
        return false;
    }

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

        if (profile.CreatedAt is { } created)
        {
            var days = (int)Math.Floor((now - created).TotalDays);
            if (days < VeryNewAccountDays)
            {
                reasons.Add(new(FollowerReasonCodes.NewAccount, $"The account is {Math.Max(days, 0)} days old.", 2));
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

    private static string Quote(IEnumerable<string> terms) => string.Join(", ", terms.Select(t => $"\"{t}\""));
}
