using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Testing.FakeX;

/// <summary>
/// A post as X's read endpoints render it: every link the author wrote (with or without a scheme, as twitter-text finds
/// them) replaced by a t.co link, one t.co link to the photos appended when there are any, the text HTML-escaped; with
/// <c>entities.urls</c> (url, expanded_url, display_url, media_key for the photo link; start/end in code points of the
/// unescaped text) and <c>attachments.media_keys</c> when the caller asked for those fields.
/// </summary>
internal static class FakePostRendering
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static void Render(JsonObject json, FakePost post, string username, ISet<string> fields)
    {
        var text = new StringBuilder();
        var urls = new JsonArray();
        var written = post.Text;
        var at = 0;
        var n = 0;
        foreach (var link in TwitterText.ExtractUrls(written))
        {
            text.Append(written, at, link.Start - at);
            var shortened = ShortLink(post.Id, n++);
            var expanded = link.Value.Contains("://", StringComparison.Ordinal) ? link.Value : "http://" + link.Value;
            var display = expanded[(expanded.IndexOf("://", StringComparison.Ordinal) + 3)..];
            urls.Add(Entity(text, shortened, expanded, display.Length > 26 ? display[..25] + "…" : display, mediaKey: null));
            text.Append(shortened);
            at = link.End;
        }
        text.Append(written, at, written.Length - at);

        if (post.MediaIds.Count > 0)
        {
            var shortened = ShortLink(post.Id, n);
            if (text.Length > 0) text.Append(' ');
            urls.Add(Entity(text, shortened, $"https://x.com/{username}/status/{post.Id}/photo/1", "pic.x.com/" + shortened[13..],
                MediaKey(post.MediaIds[0])));
            text.Append(shortened);
        }

        // X escapes exactly these three.
        json["text"] = text.ToString().Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
        if (fields.Contains("entities") && urls.Count > 0) json["entities"] = new JsonObject { ["urls"] = urls };
        if (fields.Contains("attachments") && post.MediaIds.Count > 0)
        {
            json["attachments"] = new JsonObject { ["media_keys"] = new JsonArray(post.MediaIds.Select(id => (JsonNode)MediaKey(id)).ToArray()) };
        }
    }

    /// <summary>The media key X gives an uploaded image (the upload answer's <c>media_key</c>).</summary>
    public static string MediaKey(string mediaId) => "3_" + mediaId;

    private static JsonObject Entity(StringBuilder before, string url, string expanded, string display, string? mediaKey)
    {
        var start = CodePoints(before.ToString());
        var entity = new JsonObject
        {
            ["start"] = start,
            ["end"] = start + url.Length,
            ["url"] = url,
            ["expanded_url"] = expanded,
            ["display_url"] = display,
        };
        if (mediaKey is not null) entity["media_key"] = mediaKey;
        return entity;
    }

    private static int CodePoints(string s) => s.EnumerateRunes().Count();

    private static string ShortLink(string postId, int index)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{postId}/{index}"));
        return "https://t.co/" + new string(hash.Take(10).Select(b => Alphabet[b % Alphabet.Length]).ToArray());
    }
}
