using System.Text.RegularExpressions;

namespace SchoolTwitter.Core.CodeOfConduct.Rules;

/// <summary>
/// No personal data in a tweet: UK phone numbers (mobiles, +44, 01/02/03 landlines, with spaces or dashes), e-mail addresses (except the
/// school's role mailboxes such as office@), full UK postcodes, house-number-and-street addresses and flats, and dates of
/// birth. Written to stay quiet on school news: years, times, scores ("won 3-2"), "Year 6", class sizes and "2024/25" pass.
/// </summary>
public sealed partial class PersonalDataRule : IRule
{
    public string Id => RuleIds.PersonalData;

    public void Check(DraftContext draft, List<Finding> findings)
    {
        var text = draft.Text;
        if (text.Length == 0)
        {
            return;
        }
        if (text.AsSpan().IndexOfAnyInRange('0', '9') >= 0 || text.Contains('+'))
        {
            FindPhoneNumbers(text, findings);
            FindAddresses(text, findings);
        }
        if (text.Contains('@'))
        {
            FindEmails(text, findings);
        }
        FindPostcodes(text, findings);
        FindDatesOfBirth(text, findings);
    }

    // ---- Phone numbers ----

    private void FindPhoneNumbers(string text, List<Finding> findings)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!(c == '+' || c == '(' || c == '0') || (i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] is '.' or ',' or '/' or ':')))
            {
                continue;
            }
            if (TryPhoneAt(text, i, out var end))
            {
                var written = text[i..end];
                findings.Add(new Finding(Id, Severity.Block,
                    $"“{written}” looks like a phone number. Do not publish phone numbers: remove it (for the school office, " +
                    "point people to the school website's contact page instead).", i, end - i));
                i = end;
            }
        }
    }

    /// <summary>
    /// Reads digits with single spaces, dashes, dots or brackets between them and checks the UK numbering plan: 07 mobiles
    /// (11 digits) and 01/02/03 landlines (10–11 digits), written nationally or after +44 / 0044 (with an optional "(0)").
    /// </summary>
    private static bool TryPhoneAt(string text, int start, out int end)
    {
        end = start;
        Span<char> digits = stackalloc char[16];
        var count = 0;
        var i = start;
        var lastDigitEnd = start;
        var international = false;
        if (text[i] == '+')
        {
            if (i + 2 >= text.Length || text[i + 1] != '4' || text[i + 2] != '4') return false;
            international = true;
            i += 3;
            lastDigitEnd = i;
        }
        var separatorRun = 0;
        var firstGroup = -1;
        while (i < text.Length && count < digits.Length)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                digits[count++] = c;
                lastDigitEnd = i + 1;
                separatorRun = 0;
            }
            else if (c is ' ' or '-' or '(' or ')' or '\u00A0' or '\u2013')
            {
                if (++separatorRun > 2) break; // e.g. ") " between groups, but not a gap between two numbers.
                if (firstGroup < 0 && count > 0) firstGroup = count;
            }
            else
            {
                break;
            }
            i++;
        }
        if (lastDigitEnd < text.Length && char.IsAsciiDigit(text[lastDigitEnd]))
        {
            return false; // Runs on into more digits than a phone number has.
        }
        var number = digits[..count];
        if (!international && number.StartsWith("0044"))
        {
            international = true;
            number = number[4..];
        }
        Span<char> national = stackalloc char[17];
        int length;
        if (international)
        {
            // +44 (0)7700 900123 and +44 7700 900123 are both 07700 900123.
            var rest = number.StartsWith("0") ? number[1..] : number;
            national[0] = '0';
            rest.CopyTo(national[1..]);
            length = rest.Length + 1;
        }
        else
        {
            number.CopyTo(national);
            length = number.Length;
        }
        var n = national[..length];
        // Nationally written numbers start with a group of at least three digits (020, 0161, 01744, 07700): "01 02 2024 10" is a date.
        if (!international && firstGroup is > 0 and < 3)
        {
            return false;
        }
        var isPhone = n.Length >= 2 && n[0] == '0' && (
            (n[1] == '7' && n.Length == 11) ||
            (n[1] is '2' or '3' && n.Length == 11) ||
            (n[1] == '1' && n.Length is 10 or 11));
        if (isPhone)
        {
            end = lastDigitEnd;
        }
        return isPhone;
    }

    // ---- E-mail addresses ----

    private static readonly HashSet<string> RoleMailboxes = new(StringComparer.OrdinalIgnoreCase)
    {
        "office", "admin", "enquiries", "enquiry", "info", "reception", "contact", "hello", "schooloffice", "admissions",
    };

    private void FindEmails(string text, List<Finding> findings)
    {
        foreach (var match in EmailPattern().EnumerateMatches(text))
        {
            var written = text.Substring(match.Index, match.Length);
            var local = written[..written.IndexOf('@')];
            if (RoleMailboxes.Contains(local))
            {
                continue; // The school's own role mailbox is not personal data.
            }
            findings.Add(new Finding(Id, Severity.Block,
                $"“{written}” is an e-mail address. Do not publish personal e-mail addresses: remove it, or give the school office's " +
                "address (office@…) instead.", match.Index, match.Length));
        }
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    // ---- Postcodes ----

    // Every UK postcode area; "KS2" or "PE1" inside other words cannot match because the inward part is required.
    private static readonly HashSet<string> PostcodeAreas = new(StringComparer.Ordinal)
    {
        "AB", "AL", "B", "BA", "BB", "BD", "BF", "BH", "BL", "BN", "BR", "BS", "BT", "BX", "CA", "CB", "CF", "CH", "CM", "CO", "CR",
        "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT", "DY", "E", "EC", "EH", "EN", "EX", "FK", "FY", "G", "GL",
        "GU", "GY", "HA", "HD", "HG", "HP", "HR", "HS", "HU", "HX", "IG", "IM", "IP", "IV", "JE", "KA", "KT", "KW", "KY", "L",
        "LA", "LD", "LE", "LL", "LN", "LS", "LU", "M", "ME", "MK", "ML", "N", "NE", "NG", "NN", "NP", "NR", "NW", "OL", "OX",
        "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH", "RM", "S", "SA", "SE", "SG", "SK", "SL", "SM", "SN", "SO", "SP", "SR",
        "SS", "ST", "SW", "SY", "TA", "TD", "TF", "TN", "TQ", "TR", "TS", "TW", "UB", "W", "WA", "WC", "WD", "WF", "WN", "WR",
        "WS", "WV", "YO", "ZE",
    };

    private void FindPostcodes(string text, List<Finding> findings)
    {
        foreach (Match match in PostcodePattern().Matches(text))
        {
            if (!PostcodeAreas.Contains(match.Groups["area"].Value))
            {
                continue;
            }
            findings.Add(new Finding(Id, Severity.Block,
                $"“{match.Value}” is a full postcode, which can identify a home. Remove it (the town or area is enough).",
                match.Index, match.Length));
        }
    }

    // Outward code (area letters, district) then inward code (sector digit, two unit letters never C, I, K, M, O or V).
    [GeneratedRegex(@"\b(?<area>[A-Z]{1,2})[0-9][A-Z0-9]?\s?[0-9][ABD-HJLNP-UW-Z]{2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex PostcodePattern();

    // ---- Addresses ----

    // Words before a number that make it a class, year group or page rather than a house number.
    private static readonly HashSet<string> NotHouseNumberContext = new(StringComparer.OrdinalIgnoreCase)
    {
        "year", "yr", "years", "class", "room", "group", "set", "stage", "ks", "key", "page", "team", "level", "table",
        "platform", "gate", "no", "number", "under", "u", "aged", "age", "of", "won", "lost", "drew", "scored", "top",
    };

    private void FindAddresses(string text, List<Finding> findings)
    {
        foreach (Match match in StreetAddressPattern().Matches(text))
        {
            if (NotHouseNumberContext.Contains(PreviousWord(text, match.Index)))
            {
                continue;
            }
            findings.Add(new Finding(Id, Severity.Block,
                $"“{match.Value}” looks like a home address. Do not publish addresses: remove it, or name only the street or place " +
                "if it is a public venue.", match.Index, match.Length));
        }
        foreach (Match match in FlatPattern().Matches(text))
        {
            findings.Add(new Finding(Id, Severity.Block,
                $"“{match.Value}” looks like part of a home address. Remove it.", match.Index, match.Length));
        }
    }

    private static string PreviousWord(string text, int index)
    {
        var end = index;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        var start = end;
        while (start > 0 && char.IsLetter(text[start - 1])) start--;
        return text[start..end];
    }

    [GeneratedRegex(@"\b[0-9]{1,4}[A-Za-z]?,?[ \u00A0]+(?:[A-Z][a-z'’]+[ \u00A0]+){1,3}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Crescent|Court|Way|Grove|Gardens|Place|Terrace|Walk|Mews|Square|Parade|Boulevard)\b\.?",
        RegexOptions.CultureInvariant)]
    private static partial Regex StreetAddressPattern();

    [GeneratedRegex(@"\b(?:Flat|Apartment|Apt\.?)[ \u00A0]+[0-9]{1,4}[A-Za-z]?\b", RegexOptions.CultureInvariant)]
    private static partial Regex FlatPattern();

    // ---- Dates of birth ----

    private void FindDatesOfBirth(string text, List<Finding> findings)
    {
        foreach (Match match in DateOfBirthPattern().Matches(text))
        {
            findings.Add(new Finding(Id, Severity.Block,
                $"“{match.Value}” gives a date of birth. Do not publish dates of birth: remove it (“celebrating a birthday” is enough).",
                match.Index, match.Length));
        }
    }

    private const string Month =
        "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    private const string Day = @"[0-3]?[0-9](?:st|nd|rd|th)?";

    [GeneratedRegex(
        @"\b(?:D\.?O\.?B\b\.?|date\s+of\s+birth\b|born\s+(?:on\s+)?(?:the\s+)?(?:" + Day + @"(?:\s+of)?\s+" + Month + @"\b(?:,?\s+[0-9]{4})?|" +
        Month + @"\s+" + Day + @"\b(?:,?\s+[0-9]{4})?|[0-3]?[0-9][/.-][01]?[0-9][/.-](?:[0-9]{4}|[0-9]{2})\b))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateOfBirthPattern();
}
