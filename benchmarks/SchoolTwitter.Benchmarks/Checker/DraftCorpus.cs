using System.Buffers;
using System.Text.Json;
using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Core.Roster;

namespace SchoolTwitter.Benchmarks.Checker;

/// <summary>
/// A deterministic corpus of varied school tweets for the checker benchmarks: everyday news from templates with varied slots,
/// about a quarter carrying a breach (text language, shouting, misplaced hashtags, personal data, a pupil singled out, poor
/// grammar, American spelling, insults, over-length, replies), a fifth with images (declared pupils, missing alt text,
/// not owned, a text file posing as a JPEG), and a roster of 300 pupils to check names and consent against.
/// </summary>
public sealed class DraftCorpus
{
    private static readonly string[] Places =
    [
        "St Helens Town Hall", "the World of Glass", "Knowsley Safari Park", "Sherdley Park", "the Liverpool Philharmonic",
        "Chester Zoo", "the Walker Art Gallery", "Victoria Park", "the Theatre Royal", "Haydock library",
    ];
    private static readonly string[] Events =
    [
        "Sports Day", "the Summer Fair", "our Christmas concert", "the Year 6 leavers' assembly", "Harvest Festival",
        "the Reading Café", "World Book Day", "the PTA quiz night", "parents' evening", "the nativity play",
    ];
    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
    private static readonly string[] Topics = ["the Romans", "recycling", "kindness", "the water cycle", "Ancient Egypt", "road safety", "space"];
    private static readonly string[] Teams = ["netball", "football", "cross-country", "tag rugby", "chess", "quiz"];
    private static readonly string[] Hashtags = ["#SportsDay", "#ProudHeadteacher", "#Reading", "#STEM", "#SchoolTrip", "#EndOfTerm", "#Music"];

    private static readonly string[] FirstNames =
    [
        "Josh", "Amelia", "Olivia", "Noah", "Isla", "Jack", "Ava", "Leo", "Mia", "Oscar", "Freya", "Harry", "Ella", "Charlie",
        "Sophia", "George", "Lily", "Alfie", "Evie", "Theo", "Poppy", "Arthur", "Ruby", "Freddie", "Siobhán", "Zara", "Mohammed",
        "Aisha", "Kacper", "Zofia",
    ];
    private static readonly string[] LastNames =
    [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans",
        "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "O'Brien", "Khan", "Nowak", "Patel",
    ];

    // 1x1 images in each format the media rule accepts, and a text file named .jpg.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    private static readonly byte[] Gif = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
    private static readonly byte[] Jpeg = Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=");
    private static readonly byte[] NotAnImage = "This is a text file, not a photo."u8.ToArray();

    private DraftCorpus(IReadOnlyList<Draft> drafts, PupilRoster roster)
    {
        Drafts = drafts;
        Roster = roster;
    }

    public IReadOnlyList<Draft> Drafts { get; }

    public PupilRoster Roster { get; }

    public static DraftCorpus Generate(int count, int seed = 20261124)
    {
        var random = new Random(seed);
        var pupils = new List<Pupil>(300);
        for (var i = 1; i <= 300; i++)
        {
            pupils.Add(new Pupil($"P{i:D3}", Pick(random, FirstNames), Pick(random, LastNames), PhotoConsent: random.Next(10) != 0));
        }
        var roster = new PupilRoster(pupils);

        var drafts = new List<Draft>(count);
        for (var i = 0; i < count; i++)
        {
            var text = random.Next(4) == 0 ? WithBreach(random, Everyday(random), pupils) : Everyday(random);
            var images = random.Next(5) == 0 ? Images(random, pupils) : [];
            var replyTo = random.Next(200) == 0 ? "1861234567890123456" : null;
            drafts.Add(new Draft($"draft-{i:D5}", text, "head@school.example", images, replyTo));
        }
        return new DraftCorpus(drafts, roster);
    }

    /// <summary>Each draft as the HTTP API / <c>--jsonl</c> receive it (UTF-8 JSON, images in base64).</summary>
    public byte[][] ToJson()
    {
        var result = new byte[Drafts.Count][];
        var buffer = new ArrayBufferWriter<byte>(1024);
        using var writer = new Utf8JsonWriter(buffer, VerdictJson.WriterOptions);
        for (var i = 0; i < Drafts.Count; i++)
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            Write(writer, Drafts[i]);
            writer.Flush();
            result[i] = buffer.WrittenSpan.ToArray();
        }
        return result;
    }

    private static void Write(Utf8JsonWriter writer, Draft draft)
    {
        writer.WriteStartObject();
        writer.WriteString("id", draft.Id);
        writer.WriteString("text", draft.Text);
        writer.WriteString("submittedBy", draft.SubmittedBy);
        if (draft.Images.Count > 0)
        {
            writer.WriteStartArray("media");
            foreach (var image in draft.Images)
            {
                writer.WriteStartObject();
                writer.WriteString("fileName", image.FileName);
                writer.WriteBase64String("contentBase64", image.Content.Span);
                if (image.AltText is not null) writer.WriteString("altText", image.AltText);
                if (image.PupilsPictured.Count > 0)
                {
                    writer.WriteStartArray("pupilsPictured");
                    foreach (var id in image.PupilsPictured) writer.WriteStringValue(id);
                    writer.WriteEndArray();
                }
                writer.WriteBoolean("noPupilsPictured", image.NoPupilsPictured);
                writer.WriteBoolean("ownedBySchool", image.OwnedBySchool);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        if (draft.InReplyToTweetId is not null) writer.WriteString("inReplyToTweetId", draft.InReplyToTweetId);
        writer.WriteEndObject();
    }

    private static string Everyday(Random r) => r.Next(14) switch
    {
        0 => $"Year {r.Next(1, 7)} enjoyed a fantastic trip to {Pick(r, Places)} today. Thank you to all the parents who helped! {Pick(r, Hashtags)}",
        1 => $"Reminder: {Pick(r, Events)} is on {Pick(r, Days)} at {r.Next(1, 4)}.{(r.Next(2) == 0 ? "15" : "30")}pm. We look forward to seeing you there.",
        2 => $"Our {Pick(r, Teams)} team won their match this afternoon. Well done, everyone! #PE",
        3 => $"Congratulations to Class {r.Next(1, 15)} for the best attendance this week.",
        4 => $"The PTA raised £{r.Next(100, 2000)} at {Pick(r, Events)} for the school library. Thank you for your generosity.",
        5 => $"Applications for Reception places in September close on {r.Next(1, 28)} January. Details: https://www.example-school.sch.uk/admissions",
        6 => $"Our choir sang at {Pick(r, Places)} this evening.",
        7 => $"Harvest Festival donations go to the St Helens food bank. Thank you! {Pick(r, Hashtags)} {Pick(r, Hashtags)}",
        8 => "KS2 SATs start on Monday. Good luck, Year 6! We are so proud of your hard work.",
        9 => $"School closes at 1.30pm on {Pick(r, Days)} for the end of term. Have a restful holiday. #EndOfTerm",
        10 => $"Well done to our Year {r.Next(1, 7)} pupils for their brilliant assembly about {Pick(r, Topics)}.",
        11 => $"Please remember that PE kits are needed on {Pick(r, Days)}s. Thank you, @StHelensSport.",
        12 => $"Mrs Walsh and Mr Ahmed led a wonderful {Pick(r, Topics)} workshop for Reception today 🎉",
        _ => $"Our Eco Council planted {r.Next(10, 60)} trees in {Pick(r, Places)} with Councillor Jones this morning. 🌳 #Eco",
    };

    private static string WithBreach(Random r, string text, List<Pupil> pupils) => r.Next(12) switch
    {
        0 => "gr8 day 2day, thx 4 coming lol",
        1 => text.Replace("today", "2day", StringComparison.Ordinal) + " c u l8r!",
        2 => "#SportsDay " + text,
        3 => "PLEASE REMEMBER TO BRING YOUR COATS TOMORROW!!!",
        4 => text + " Questions? Call the office on 01744 123456 or email office@school.example.",
        5 => $"Well done {pupils[r.Next(pupils.Count)].FirstName} a better lesson today",
        6 => "we could of won but it was alot of fun and i was proud",
        7 => $"The {Pick(r, Events)} was a huge success and everyone had a great time with the new color scheme",
        8 => "The parents who parked on the zigzags this morning are idiots.",
        9 => string.Join(" ", Enumerable.Repeat(text, 3)),
        10 => text.Replace("Our", "Our our", StringComparison.Ordinal),
        _ => text.Replace("o", "о", StringComparison.Ordinal) + " lоl", // Cyrillic о
    };

    private static IReadOnlyList<DraftImage> Images(Random r, List<Pupil> pupils)
    {
        var count = r.Next(1, 6); // 5 breaches the four-image limit
        var images = new List<DraftImage>(count);
        for (var i = 0; i < count; i++)
        {
            var (name, bytes) = r.Next(10) switch
            {
                < 4 => ("photo.jpg", Jpeg),
                < 7 => ("photo.png", Png),
                < 9 => ("animation.gif", Gif),
                _ => ("photo.jpg", NotAnImage),
            };
            var alt = r.Next(6) == 0 ? null : "Pupils in the school hall during the assembly";
            var noPupils = r.Next(3) == 0;
            IReadOnlyList<string> pictured = noPupils ? [] : Enumerable.Range(0, r.Next(0, 4)).Select(_ => pupils[r.Next(pupils.Count)].Id).ToArray();
            images.Add(new DraftImage(name, bytes, alt, pictured, noPupils, OwnedBySchool: r.Next(15) != 0));
        }
        return images;
    }

    private static string Pick(Random r, string[] values) => values[r.Next(values.Length)];
}
