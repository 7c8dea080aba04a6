using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace SchoolTwitter.Application.Drafts;

/// <summary>Whether a post on the school's timeline is a draft, as X renders it.</summary>
public static partial class PostMatch
{
    /// <summary>X returns a post's text HTML-escaped and with links shortened: compare with both undone.</summary>
    public static string Normalise(string text)
    {
        var decoded = WebUtility.HtmlDecode(text).Normalize(NormalizationForm.FormC);
        var noLinks = LinkPattern().Replace(decoded, "<link>");
        return WhitespacePattern().Replace(noLinks, " ").Trim().ToLower(CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"https?://\S+", RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
