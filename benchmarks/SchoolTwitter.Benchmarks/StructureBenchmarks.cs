using BenchmarkDotNet.Attributes;
using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.CodeOfConduct.Rules;
using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Core.Roster;
using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Benchmarks;

/// <summary>
/// The structural half of the checker on its own: twitter-text (entities + weighted length) and the seven structural rules,
/// over 10,000 varied text drafts. Run: dotnet run -c Release --project benchmarks/SchoolTwitter.Benchmarks -- --filter *Structure* --inProcess
/// </summary>
[MemoryDiagnoser]
public class StructureBenchmarks
{
    private static readonly string[] Openings =
    [
        "Our choir sang at St Helens Town Hall this evening.",
        "Year 6 won 3-2 against St Mary's today, well done to the whole team!",
        "Reminder: school closes at 1:30pm on Friday 19 December for the holidays. 🎄",
        "Thank you to @StHelensCouncil for the new library books 📚👏",
        "#SportsDay was brilliant, call 07700 900123 or email jane.doe@gmail.com for photos.",
        "Parents' evening booking opens on Monday at 9am via the school app.",
        "Photos from our trip to the farm are on the website: https://stmarys.sch.uk/news/farm-trip-2025",
        "Congratulations to Class 3 on 100% attendance this week! 👨‍👩‍👧‍👦 🇬🇧",
    ];
    private static readonly string[] Endings = ["", " #Music", " #PE #Year6", " Have a lovely weekend.", " More at stmarys.sch.uk 🏅"];

    private readonly IRule[] _rules =
        [new LengthRule(), new HashtagPositionRule(), new PersonalDataRule(), new MediaRule(), new PhotoConsentRule(), new CopyrightRule(), new AltTextRule()];

    private Draft[] _drafts = [];

    [GlobalSetup]
    public void Setup() =>
        _drafts = Enumerable.Range(0, 10_000)
            .Select(i => Draft.FromText(Openings[i % Openings.Length] + Endings[(i / Openings.Length) % Endings.Length], $"d{i}"))
            .ToArray();

    [Benchmark(OperationsPerInvoke = 10_000)]
    public int EntitiesAndWeightedLength()
    {
        var total = 0;
        foreach (var draft in _drafts)
        {
            total += TwitterText.WeightedLength(draft.Text, TwitterText.ExtractEntities(draft.Text));
        }
        return total;
    }

    [Benchmark(OperationsPerInvoke = 10_000)]
    public int StructuralRules()
    {
        var total = 0;
        var findings = new List<Finding>();
        foreach (var draft in _drafts)
        {
            var context = new DraftContext(draft, PupilRoster.Empty);
            findings.Clear();
            foreach (var rule in _rules) rule.Check(context, findings);
            total += findings.Count;
        }
        return total;
    }
}
