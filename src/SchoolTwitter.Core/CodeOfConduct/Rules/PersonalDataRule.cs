using System.Text.RegularExpressions;
using SchoolTwitter.Core.Lexicons;

namespace SchoolTwitter.Core.CodeOfConduct.Rules;

/// <summary>
/// No personal data in a tweet: UK phone numbers (mobiles, +44, 01/02/03 landlines, with spaces or dashes), e-mail addresses (except the
/// school's role mailboxes such as office@), full UK postcodes, house-number-and-street addresses and flats, and dates of
/// birth. Written to stay quiet on school news: years, times, scores ("won 3-2"), "Year 6", class sizes and "2024/25" pass,
/// and so do the phone numbers and e-mail addresses the school publishes on purpose (word list <c>school-contacts</c>).
/// </summary>
public sealed partial class PersonalDataRule : IRule
{
    /// <summary>The word list of the school's own public phone numbers and e-mail addresses, one per line.</summary>
    public const string SchoolContactsList = "school-contacts";

    private readonly HashSet<string> _schoolPhones = new(StringComparer.Ordinal);
    private readonly HashSet<string> _schoolEmails = new(StringComparer.OrdinalIgnoreCase);

    public PersonalDataRule(LexiconSet? lexicons = null)
    {
        foreach (var entry in lexicons?.Entries(SchoolContactsList) ?? [])
        {
            var contact = entry.Trim();
            if (contact.Contains('@'))
            {
                _schoolEmails.Add(contact);
            }
            else if (NationalDigits(contact) is { } national)
            {
                _schoolPhones.Add(national);
            }
        }
    }

    public string Id => RuleIds.PersonalData;

    /// <summary>A written UK number as national digits ("+44 (0)1744 123456" → "01744123456"), or null if it has none.</summary>
    private static string? NationalDigits(string written)
    {
        var digits = new string(written.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("0044", StringComparison.Ordinal)) digits = digits[4..];
        else if (written.TrimStart().StartsWith('+') && digits.StartsWith("44", StringComparison.Ordinal)) digits = digits[2..];
        else return digits.Length > 0 ? digits : null;
        return "0" + (digits.StartsWith('0') ? digits[1..] : digits);
    }

    public void Check(DraftContext draft, List<Finding> findings)
    {
        var text = draft.Text;
        if (text.Length == 0)
        {
            return;
        }
        // Each pattern needs something most drafts lack (a digit, an @, "dot", "born"), so a cheap search comes before its regex.
        var hasDigit = text.AsSpan().IndexOfAnyInRange('0', '9') >= 0;
        if (hasDigit || text.Contains('+'))
        {
            FindPhoneNumbers(text, findings);
            FindAddresses(text, findings);
        }
        if (MayHoldEmail(text))
        {
            FindEmails(text, findings);
        }
        FindSpelledOutEmails(text, findings);
        if (hasDigit)
        {
            FindPostcodes(text, findings);
        }
        if (MayGiveDateOfBirth(text))
        {
            FindDatesOfBirth(text, findings);
        }
    }

    /// <summary>Whether an @ follows a character an address's local part can end with (an @mention follows a space).</summary>
    private static bool MayHoldEmail(string text)
    {
        for (var at = text.IndexOf('@'); at >= 0; at = text.IndexOf('@', at + 1))
        {
            if (at == 0) continue;
            var c = text[at - 1];
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-') return true;
        }
        return false;
    }

    /// <summary>Whether the text has a word <see cref="DateOfBirthPattern"/> starts with: DOB (dotted or not), "date of birth" or "born".</summary>
    private static bool MayGiveDateOfBirth(string text) => text.AsSpan().IndexOfAny(DateOfBirthStarts) >= 0;

    // One pass over the text for all five.
    private static readonly System.Buffers.SearchValues<string> DateOfBirthStarts =
        System.Buffers.SearchValues.Create(["born", "date", "dob", "d.o", "do.b"], StringComparison.OrdinalIgnoreCase);

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
                if (_schoolPhones.Count > 0 && NationalDigits(written) is { } national && _schoolPhones.Contains(national))
                {
                    i = end;
                    continue; // The school's own published number.
                }
                findings.Add(new Finding(Id, Severity.Block,
                    $"“{written}” looks like a phone number. Do not publish phone numbers: remove it (for the school office, " +
                    "point people to the school website's contact page instead).", i, end - i));
                i = end;
            }
        }
    }

    /// <summary>
    /// Reads digits with spaces, dashes or brackets between them and checks the UK numbering plan: 07 mobiles (11 digits)
    /// and 01/02/03 landlines (10–11 digits), written nationally or after +44 / 0044 (with an optional "(0)"). When the
    /// digits run on (two numbers in a row), the longest prefix ending at a group boundary that is a phone number wins.
    /// </summary>
    private static bool TryPhoneAt(string text, int start, out int end)
    {
        end = start;
        Span<char> digits = stackalloc char[20];
        Span<int> digitEnds = stackalloc int[20];
        var count = 0;
        var i = start;
        var international = false;
        if (text[i] == '+')
        {
            if (i + 2 >= text.Length || text[i + 1] != '4' || text[i + 2] != '4') return false;
            international = true;
            i += 3;
        }
        var separatorRun = 0;
        var firstGroup = -1;
        while (i < text.Length && count < digits.Length)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                digits[count] = c;
                digitEnds[count++] = i + 1;
                separatorRun = 0;
            }
            else if (c is ' ' or '-' or '.' or '(' or ')' or '\u00A0' or '\u2013')
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
        for (var k = count; k > 0; k--)
        {
            var after = digitEnds[k - 1];
            if (after < text.Length && char.IsAsciiDigit(text[after]))
            {
                continue; // Not at the end of a group of digits.
            }
            if (IsUkPhoneNumber(digits[..k], international, firstGroup))
            {
                end = after;
                return true;
            }
        }
        return false;
    }

    private static bool IsUkPhoneNumber(ReadOnlySpan<char> number, bool international, int firstGroup)
    {
        if (!international && number.StartsWith("0044"))
        {
            international = true;
            number = number[4..];
        }
        Span<char> national = stackalloc char[21];
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
            // Nationally written numbers start with a group of at least three digits (020, 0161, 01744, 07700):
            // "01 02 2024 10" is a date.
            if (firstGroup is > 0 and < 3 && firstGroup < number.Length)
            {
                return false;
            }
            number.CopyTo(national);
            length = number.Length;
        }
        var n = national[..length];
        return n.Length >= 2 && n[0] == '0' && (
            (n[1] == '7' && n.Length == 11) ||
            (n[1] is '2' or '3' && n.Length == 11) ||
            (n[1] == '1' && n.Length is 10 or 11));
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
            if (RoleMailboxes.Contains(local) || _schoolEmails.Contains(written))
            {
                continue; // The school's own role mailbox or published address is not personal data.
            }
            findings.Add(new Finding(Id, Severity.Block,
                $"“{written}” is an e-mail address. Do not publish personal e-mail addresses: remove it, or give the school office's " +
                "address (office@…) instead.", match.Index, match.Length));
        }
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    /// <summary>Addresses disguised as "jane.doe (at) gmail (dot) com" or "jane at gmail dot com".</summary>
    private void FindSpelledOutEmails(string text, List<Finding> findings)
    {
        // The bracketed form needs ( or [; the plain " at " form needs a spelled-out "dot".
        if (text.AsSpan().IndexOfAny('(', '[') < 0 && text.AsSpan().IndexOf("dot", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return;
        }
        foreach (var match in SpelledOutEmailPattern().EnumerateMatches(text))
        {
            findings.Add(new Finding(Id, Severity.Block,
                $"“{text.AsSpan(match.Index, match.Length)}” is an e-mail address written out in words. Do not publish personal " +
                "e-mail addresses: remove it.", match.Index, match.Length));
        }
    }

    // Either a bracketed (at) with any dots, or a plain " at " with at least one spelled-out " dot ", ending in a common TLD.
    [GeneratedRegex(
        @"\b[A-Za-z0-9._%+-]+\s*[(\[]\s*at\s*[)\]]\s*[A-Za-z0-9-]+(?:(?:\s*[(\[]\s*dot\s*[)\]]\s*|\s+dot\s+|\.)[A-Za-z0-9-]+)+\b|" +
        @"\b[A-Za-z0-9._%+-]+\s+at\s+[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\s+dot\s+(?:[A-Za-z0-9-]+(?:\s+dot\s+|\.))*(?:com|co|uk|org|net|gov|ac|sch|edu|ie|io|me)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpelledOutEmailPattern();

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
        var areas = PostcodeAreas.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var match in PostcodePattern().EnumerateMatches(text))
        {
            var written = text.AsSpan(match.Index, match.Length);
            var areaLength = char.IsAsciiLetter(written[1]) ? 2 : 1;
            if (!areas.Contains(written[..areaLength]))
            {
                continue;
            }
            findings.Add(new Finding(Id, Severity.Block,
                $"“{written}” is a full postcode, which can identify a home. Remove it (the town or area is enough).",
                match.Index, match.Length));
        }
    }

    // Outward code (area letters, district) then inward code (sector digit, two unit letters never C, I, K, M, O or V).
    [GeneratedRegex(@"\b[A-Z]{1,2}[0-9][A-Z0-9]?\s?[0-9][ABD-HJLNP-UW-Z]{2}\b", RegexOptions.CultureInvariant)]
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
        foreach (var match in StreetAddressPattern().EnumerateMatches(text))
        {
            if (NotHouseNumberContext.GetAlternateLookup<ReadOnlySpan<char>>().Contains(PreviousWord(text, match.Index)))
            {
                continue;
            }
            findings.Add(new Finding(Id, Severity.Block,
                $"“{text.AsSpan(match.Index, match.Length)}” looks like a home address. Do not publish addresses: remove it, or name only the street or place " +
                "if it is a public venue.", match.Index, match.Length));
        }
        foreach (var match in FlatPattern().EnumerateMatches(text))
        {
            findings.Add(new Finding(Id, Severity.Block,
                $"“{text.AsSpan(match.Index, match.Length)}” looks like part of a home address. Remove it.", match.Index, match.Length));
        }
    }

    private static ReadOnlySpan<char> PreviousWord(string text, int index)
    {
        var end = index;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        var start = end;
        while (start > 0 && char.IsLetter(text[start - 1])) start--;
        return text.AsSpan(start, end - start);
    }

    [GeneratedRegex(@"\b[0-9]{1,4}[A-Za-z]?,?[ \u00A0]+(?:[A-Z][a-z'’]+[ \u00A0]+){1,3}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Crescent|Court|Way|Grove|Gardens|Place|Terrace|Walk|Mews|Square|Parade|Boulevard)\b\.?",
        RegexOptions.CultureInvariant)]
    private static partial Regex StreetAddressPattern();

    [GeneratedRegex(@"\b(?:Flat|Apartment|Apt\.?)[ \u00A0]+[0-9]{1,4}[A-Za-z]?\b", RegexOptions.CultureInvariant)]
    private static partial Regex FlatPattern();

    // ---- Dates of birth ----

    private void FindDatesOfBirth(string text, List<Finding> findings)
    {
        foreach (var match in DateOfBirthPattern().EnumerateMatches(text))
        {
            findings.Add(new Finding(Id, Severity.Block,
                $"“{text.AsSpan(match.Index, match.Length)}” gives a date of birth. Do not publish dates of birth: remove it (“celebrating a birthday” is enough).",
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
