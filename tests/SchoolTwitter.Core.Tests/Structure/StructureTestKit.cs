using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Core.Roster;

namespace SchoolTwitter.Core.Tests.Structure;

/// <summary>Builds drafts and runs one rule over them.</summary>
internal static class StructureTestKit
{
    public static readonly PupilRoster Roster = new(
    [
        new Pupil("P001", "Amelia", "Jones", PhotoConsent: true),
        new Pupil("P002", "Noah", "Smith", PhotoConsent: false),
        new Pupil("P003", "Isla", "Brown", PhotoConsent: true),
    ]);

    public static List<Finding> Run(IRule rule, Draft draft, PupilRoster? roster = null)
    {
        var findings = new List<Finding>();
        rule.Check(new DraftContext(draft, roster ?? Roster), findings);
        return findings;
    }

    public static List<Finding> Run(IRule rule, string text) => Run(rule, Draft.FromText(text));

    public static DraftImage Image(byte[]? content = null, string fileName = "photo.png", string? alt = "Children planting trees",
        string[]? pupils = null, bool noPupils = true, bool owned = true) =>
        new(fileName, content ?? TestImages.Png(), alt, pupils ?? [], noPupils, owned);

    public static Draft WithImages(params DraftImage[] images) =>
        new("d1", "Our Year 4 class planted trees today.", "head@school.example", images);

    /// <summary>The text a finding points at.</summary>
    public static string Quoted(this Finding finding, string text) => text.Substring(finding.Start!.Value, finding.Length!.Value);
}
