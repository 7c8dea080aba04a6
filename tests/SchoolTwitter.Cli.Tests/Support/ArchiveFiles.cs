using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace SchoolTwitter.Cli.Tests.Support;

/// <summary>Generated X archives (data/tweets.js) with breaches of the code of conduct seeded at known posts.</summary>
public static class ArchiveFiles
{
    /// <summary>A pupil on the roster whose name no word list knows (so it is read as a name wherever it stands).</summary>
    public const string RosterCsv = "Id,FirstName,LastName,PhotoConsent\nP001,Zorvexa,Quillintor,Y\n";

    private static readonly string[] Clean =
    [
        "Year 4 visited the museum on Tuesday and learnt about the Romans.",
        "Our choir sang at the town hall on Friday evening.",
        "Reception enjoyed planting seeds in the garden this week.",
        "The library is open after school every Wednesday.",
        "Year 6 wrote poems about autumn leaves.",
        "Thank you to every family who came to the summer fair.",
        "Fish &amp; chips for lunch on Friday.",
    ];

    /// <summary>The archive's text and the ids of the posts that break the code (text language, a hashtag mid-sentence, a reply,
    /// a pupil named beside a picture, a child singled out, markup that must come out encoded).</summary>
    public static (string Archive, HashSet<string> Breaches) Generate(int count)
    {
        var items = new JsonArray();
        var breaches = new HashSet<string>();
        var start = new DateTimeOffset(2019, 9, 2, 8, 30, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var id = (1_100_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture);
            var tweet = new JsonObject
            {
                ["id_str"] = id,
                ["id"] = id,
                ["created_at"] = start.AddHours(i * 7).ToString("ddd MMM dd HH:mm:ss '+0000' yyyy", CultureInfo.InvariantCulture),
                ["full_text"] = Clean[i % Clean.Length],
                ["entities"] = new JsonObject { ["hashtags"] = new JsonArray(), ["urls"] = new JsonArray() },
            };
            var breach = true;
            if (i % 250 == 7) tweet["full_text"] = "What a gr8 day at the farm lol";
            else if (i % 333 == 11) tweet["full_text"] = "Our #PE lesson was outdoors today.";
            else if (i % 400 == 3) tweet["in_reply_to_status_id_str"] = "1000000000000000001";
            else if (i % 500 == 5) Picture(tweet, $"Zorvexa and friends at forest school. https://t.co/f{i}", $"https://t.co/f{i}", "Pupils by the fire pit");
            else if (i % 600 == 9) tweet["full_text"] = "Well done Josh, a better lesson today.";
            else if (i == 1_234) tweet["full_text"] = "&lt;script&gt;alert(1)&lt;/script&gt; lol";
            else
            {
                breach = false;
                if (i % 10 == 1) Picture(tweet, "Sports day was a great success. https://t.co/s" + i, "https://t.co/s" + i, "Children on the field");
            }
            if (breach) breaches.Add(id);
            items.Add(new JsonObject { ["tweet"] = tweet });
        }
        return ("window.YTD.tweets.part0 = " + items.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }), breaches);
    }

    private static void Picture(JsonObject tweet, string text, string link, string alt)
    {
        tweet["full_text"] = text;
        var media = new JsonArray(new JsonObject { ["url"] = link, ["type"] = "photo", ["media_url_https"] = "https://pbs.twimg.com/media/x.jpg", ["ext_alt_text"] = alt });
        tweet["extended_entities"] = new JsonObject { ["media"] = media };
    }

    public static byte[] Bytes(string archive) => new UTF8Encoding(false).GetBytes(archive);
}
