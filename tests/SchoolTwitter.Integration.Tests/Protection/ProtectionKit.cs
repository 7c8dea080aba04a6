using System.Text.Json.Nodes;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Application.Protection;
using SchoolTwitter.Core.Roster;
using SchoolTwitter.Integration.Tests.Drafts;
using SchoolTwitter.Testing.FakeX;

namespace SchoolTwitter.Integration.Tests.Protection;

/// <summary>Pupils of a test's own (tests share one Azurite and its roster) and posts seeded as the publisher records them.</summary>
public static class ProtectionKit
{
    private const string Consonants = "bdfklmnprstvz";
    private const string Vowels = "aeiou";

    /// <summary>A pupil with made-up names no word list knows, so the name rule reads them as names wherever they stand.</summary>
    public static Pupil NewPupil(bool consent = true) =>
        new("P" + Guid.NewGuid().ToString("N")[..10], MadeUpName("Zo"), MadeUpName("Qu"), consent);

    private static string MadeUpName(string start)
    {
        var letters = start.ToCharArray().ToList();
        for (var i = 0; i < 3; i++)
        {
            letters.Add(Consonants[Random.Shared.Next(Consonants.Length)]);
            letters.Add(Vowels[Random.Shared.Next(Vowels.Length)]);
        }
        letters.Add('x');
        return new string([.. letters]);
    }

    /// <summary>Adds the pupils to the stored roster (kept as it is otherwise, so an upload changes only what the test means).</summary>
    public static async Task<PupilRoster> AddToRosterAsync(DraftTestKit kit, params Pupil[] pupils)
    {
        var store = kit.Get<IPupilRosterStore>();
        var current = await store.GetAsync(CancellationToken.None);
        var roster = new PupilRoster([.. current.Pupils.Where(p => pupils.All(n => n.Id != p.Id)), .. pupils]);
        await store.ReplaceAsync(roster, CancellationToken.None);
        return roster;
    }

    /// <summary>The roster CSV with one pupil changed (or left out when <paramref name="changed"/> is null).</summary>
    public static async Task<string> RosterCsvWithAsync(DraftTestKit kit, string pupilId, Pupil? changed)
    {
        var current = await kit.Get<IPupilRosterStore>().GetAsync(CancellationToken.None);
        return RosterCsv.Write(current.Pupils.Where(p => p.Id != pupilId).Concat(changed is null ? [] : [changed]));
    }

    /// <summary>A post made <paramref name="at"/>, on the fake X and in the post records, as the publisher would have recorded it.</summary>
    public static async Task<FakePost> SeedPostAsync(DraftTestKit kit, string text, DateTimeOffset at, string[]? pictured = null, string? altText = null)
    {
        var x = kit.Host.X;
        var post = pictured is null ? x.AddPost(text, createdAt: at) : x.AddPostWithPictures(text, [altText], at);
        var draft = new DraftRecord
        {
            Id = "seed-" + Guid.NewGuid().ToString("N"),
            Text = text,
            SubmittedBy = "head@school.example",
            Images = pictured is null ? [] : [new DraftImageRecord("photo.jpg", altText, pictured, pictured.Length == 0, true, "image/jpeg", 3)],
            ContentHash = "seeded",
            Status = DraftStatus.Published,
            SubmittedAt = at,
        };
        await kit.Get<PostRecorder>().RecordAsync(draft, post.Id, at, CancellationToken.None);
        return post;
    }

    /// <summary>A picture declaring who it shows, for a draft submitted through the pipeline.</summary>
    public static JsonObject PictureOf(params string[] pupilIds)
    {
        var photo = DraftTestKit.Image(TestImages.Png(), "field.png", "Pupils racing on the school field");
        photo["noPupilsPictured"] = pupilIds.Length == 0;
        photo["pupilsPictured"] = new JsonArray([.. pupilIds.Select(id => (JsonNode)id)]);
        return photo;
    }

    public static async Task<ProtectionCase> CaseForAsync(DraftTestKit kit, string pupilId) =>
        (await kit.Get<IProtectionCaseStore>().ListAsync(CancellationToken.None)).Where(c => c.PupilId == pupilId).ShouldHaveSingleItem();
}
