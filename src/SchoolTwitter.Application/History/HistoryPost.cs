using System.Net;
using SchoolTwitter.Application.Protection;
using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Application.History;

/// <summary>
/// One of the account's past posts, as the history audit checks it: the text as the author wrote it (X's HTML escaping undone,
/// the link X appends for the pictures removed), one alt text per picture, and the post it replied to.
/// </summary>
public sealed record HistoryPost(string Id, string Text, DateTimeOffset? PostedAt, IReadOnlyList<string?> AltTexts, string? RepliedToPostId)
{
    public string Link => Drafts.PublishedDraftRecorder.TweetUrl(Id);

    /// <summary>The text X serves, made the author's again: the picture links (t.co) cut out, then &amp;amp; &amp;lt; &amp;gt; undone.</summary>
    public static string Unrender(string text, IEnumerable<string> pictureLinks)
    {
        foreach (var link in pictureLinks.Where(l => l.Length > 0))
        {
            text = text.Replace(link, "", StringComparison.Ordinal);
        }
        return WebUtility.HtmlDecode(text).TrimEnd();
    }

    /// <summary>
    /// The post as a draft for the checker. The pictures' bytes are not at hand (the media rule is left out of the audit); who they
    /// showed comes from the post's record when the publisher kept one, otherwise they are taken as showing no pupil.
    /// </summary>
    public Draft ToDraft(PostRecord? record)
    {
        var pictured = record?.PupilsPictured ?? [];
        var images = AltTexts.Select((alt, i) => new DraftImage($"picture {i + 1}", ReadOnlyMemory<byte>.Empty, alt,
            i == 0 ? pictured : [], i != 0 || pictured.Count == 0, OwnedBySchool: true)).ToList();
        return new Draft(Id, Text, null, images, RepliedToPostId);
    }
}
