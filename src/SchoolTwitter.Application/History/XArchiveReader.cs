using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace SchoolTwitter.Application.History;

/// <summary>The file is not an X archive's tweets file, or is damaged. The message says where and what to do.</summary>
public sealed class XArchiveFormatException(string message, Exception? inner = null) : FormatException(message, inner);

/// <summary>
/// Reads an X archive's <c>data/tweets.js</c> (<c>window.YTD.tweets.part0 = [ {"tweet": {…}}, … ]</c>) one post at a time, so a
/// school's 20,000 posts take no more memory than one: the JSON array is streamed, never loaded whole.
/// </summary>
public static class XArchiveReader
{
    private const int MaxPrefixBytes = 256;

    public static async IAsyncEnumerable<HistoryPost> ReadAsync(Stream archive, [EnumeratorCancellation] CancellationToken ct)
    {
        SkipPrefix(archive);
        var items = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(archive, cancellationToken: ct).GetAsyncEnumerator(ct);
        var index = 0;
        try
        {
            while (true)
            {
                try
                {
                    if (!await items.MoveNextAsync()) break;
                }
                catch (JsonException e)
                {
                    throw new XArchiveFormatException(
                        $"The archive is damaged after post {index:N0} (line {e.LineNumber + 1}): {e.Message} Download the archive from X again.", e);
                }
                index++;
                yield return Read(items.Current, index);
            }
        }
        finally
        {
            await items.DisposeAsync();
        }
    }

    /// <summary>Consumes "window.YTD.tweets.part0 =" (any part number), leaving the stream at the array.</summary>
    private static void SkipPrefix(Stream archive)
    {
        var prefix = new StringBuilder();
        while (true)
        {
            var b = archive.ReadByte();
            if (b < 0 || prefix.Length > MaxPrefixBytes) throw NotAnArchive();
            if (b == '=') break;
            if (prefix.Length == 0 && b == 0xEF) { archive.ReadByte(); archive.ReadByte(); continue; } // UTF-8 BOM
            prefix.Append((char)b);
        }
        var name = prefix.ToString().Trim();
        if (!name.StartsWith("window.YTD.tweets.part", StringComparison.Ordinal) || !name["window.YTD.tweets.part".Length..].All(char.IsAsciiDigit))
        {
            throw NotAnArchive();
        }
    }

    private static XArchiveFormatException NotAnArchive() => new(
        "This is not an X archive's tweets file: it must begin \"window.YTD.tweets.part0 = [\". Give the data/tweets.js file from " +
        "the archive X sends (Settings › Your account › Download an archive of your data), unzipped.");

    private static HistoryPost Read(JsonElement item, int index)
    {
        var tweet = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("tweet", out var inner) ? inner : item;
        var id = Str(tweet, "id_str") ?? Str(tweet, "id")
            ?? throw new XArchiveFormatException($"Post {index:N0} of the archive has no id_str: this is not X's tweets.js.");
        var media = Media(tweet);
        var text = HistoryPost.Unrender(Str(tweet, "full_text") ?? Str(tweet, "text") ?? "", media.Select(m => Str(m, "url") ?? ""));
        return new HistoryPost(id, text, Date(Str(tweet, "created_at")), [.. media.Select(m => Str(m, "ext_alt_text"))],
            Str(tweet, "in_reply_to_status_id_str") ?? Str(tweet, "in_reply_to_status_id"));
    }

    /// <summary>The post's pictures: extended_entities.media lists each; entities.media only the first.</summary>
    private static List<JsonElement> Media(JsonElement tweet)
    {
        foreach (var holder in new[] { "extended_entities", "entities" })
        {
            if (tweet.TryGetProperty(holder, out var entities) && entities.ValueKind == JsonValueKind.Object
                && entities.TryGetProperty("media", out var media) && media.ValueKind == JsonValueKind.Array && media.GetArrayLength() > 0)
            {
                return [.. media.EnumerateArray()];
            }
        }
        return [];
    }

    /// <summary>"Wed Oct 10 20:19:24 +0000 2018", as the archive writes it.</summary>
    private static DateTimeOffset? Date(string? value)
    {
        if (value is null) return null;
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 6 && parts[4].Length == 5) parts[4] = parts[4][..3] + ":" + parts[4][3..];
        return DateTimeOffset.TryParseExact(string.Join(' ', parts), "ddd MMM dd HH:mm:ss zzz yyyy", CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var at) ? at : null;
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v)
            ? v.ValueKind switch { JsonValueKind.String => v.GetString(), JsonValueKind.Number => v.GetRawText(), _ => null }
            : null;
}
