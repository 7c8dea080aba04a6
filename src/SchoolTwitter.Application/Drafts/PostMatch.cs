using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using SchoolTwitter.Application.X;
using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Application.Drafts;

/// <summary>
/// Whether a post on the school's timeline is a draft as X renders it. X HTML-escapes the text, wraps every link the
/// author wrote (with or without https://, as twitter-text finds them) in a t.co link, and appends one t.co link for the
/// photos. With the post's entities each t.co link is compared by what it stands for and the photo link is dropped;
/// the photos are compared by count (attachments.media_keys).
/// </summary>
public static partial class PostMatch
{
    private const string AnyLink = "<link>";

    public static bool IsRenderingOf(XPost post, string draftText, int imageCount)
    {
        if ((post.MediaKeys?.Count ?? 0) != imageCount) return false;
        if (post.Urls is null)
        {
            // No entities: links can only be compared as "a link here".
            return Normalise(post.Text) == Normalise(draftText);
        }

        var byShortLink = new Dictionary<string, XUrlEntity>(StringComparer.Ordinal);
        foreach (var url in post.Urls) byShortLink.TryAdd(url.Url, url);
        var rendered = Canonical(Decode(post.Text), link => byShortLink.TryGetValue(link, out var entity)
            ? IsMediaLink(entity) ? "" : Bracketed(entity.ExpandedUrl ?? entity.DisplayUrl ?? entity.Url)
            : Bracketed(link));
        return rendered == Canonical(draftText, Bracketed);
    }

    /// <summary>The text with X's escaping undone and every link as <c>&lt;link&gt;</c>, for a comparison without entities.</summary>
    public static string Normalise(string text) => Canonical(Decode(text), _ => AnyLink);

    private static string Decode(string text) => WebUtility.HtmlDecode(text);

    private static string Canonical(string text, Func<string, string> link)
    {
        text = text.Normalize(NormalizationForm.FormC);
        var replaced = new StringBuilder(text.Length);
        var at = 0;
        foreach (var (start, end) in Links(text))
        {
            replaced.Append(text, at, start - at).Append(link(text[start..end]));
            at = end;
        }
        replaced.Append(text, at, text.Length - at);
        return WhitespacePattern().Replace(replaced.ToString(), " ").Trim().ToLower(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// What twitter-text finds (bare domains too), and any other http(s):// run: X's list of top-level domains can be newer
    /// than the library's, and an unknown link only needs to be treated alike on both sides.
    /// </summary>
    private static List<(int Start, int End)> Links(string text)
    {
        var links = TwitterText.ExtractUrls(text).Select(u => (u.Start, u.End)).ToList();
        foreach (Match m in SchemeLinkPattern().Matches(text))
        {
            var end = m.Index + m.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', '\'', '"').Length;
            if (!links.Any(l => l.Start < end && m.Index < l.End)) links.Add((m.Index, end));
        }
        links.Sort();
        return links;
    }

    /// <summary>A link by where it goes: scheme and trailing slash dropped (X adds http:// to a bare domain).</summary>
    private static string Bracketed(string url)
    {
        var bare = SchemePattern().Replace(url.Trim(), "").TrimEnd('/');
        return "<" + bare.ToLower(CultureInfo.InvariantCulture) + ">";
    }

    private static bool IsMediaLink(XUrlEntity url) =>
        url.MediaKey is not null || url.ExpandedUrl is { } expanded && MediaPagePattern().IsMatch(expanded);

    [GeneratedRegex(@"https?://\S+", RegexOptions.IgnoreCase)]
    private static partial Regex SchemeLinkPattern();

    [GeneratedRegex(@"^https?://", RegexOptions.IgnoreCase)]
    private static partial Regex SchemePattern();

    [GeneratedRegex(@"^https?://(x|twitter)\.com/\w+/status/\d+/(photo|video)/\d+$", RegexOptions.IgnoreCase)]
    private static partial Regex MediaPagePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
