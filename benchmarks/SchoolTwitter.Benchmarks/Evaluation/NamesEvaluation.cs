using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Core.Roster;

namespace SchoolTwitter.Benchmarks.Evaluation;

/// <summary>
/// Does the checker stop a draft that names a child, whatever the sentence does, and leave alone sentences that use name-words
/// as words or name adults, characters, classes, events and pets? Names from the data packages (see <see cref="NamesData"/>) in
/// every shape of <see cref="NamesSentences.NamingAChild"/>; ordinary sentences from the Brown corpus where a name-word
/// (grace, will, rose, jack) is a lower-case word mid-sentence.
/// </summary>
public sealed class NamesEvaluation : IEvaluation
{
    private const string Category = "names";
    private const int BrownSentencesPerWord = 20;

    public string Name => Category;

    public IReadOnlyList<EvaluationFigure> Run(EvaluationContext context)
    {
        var data = NamesData.Load(context);
        var checker = context.Checker;
        var figures = new List<EvaluationFigure>();
        var surnames = data.Unseen;

        // Names in every shape: caught when each name is inside a blocking names finding.
        var common = data.Common;
        var byShape = new Dictionary<string, (int Hits, int Total)>();
        var byStratum = new Dictionary<string, (int Hits, int Total)>();
        var misses = new List<string>();
        var warned = 0;
        for (var n = 0; n < common.Count; n++)
        {
            var stratum = n < data.English.Count ? "English-language names" : "UK communities' names";
            foreach (var (shape, template) in NamesSentences.NamingAChild)
            {
                var names = new[] { common[n], common[(n + 101) % common.Count], common[(n + 211) % common.Count] };
                var (text, spans) = Fill(template, names, surnames[n % surnames.Count]);
                var verdict = checker.Check(Draft.FromText(text));
                var caught = spans.All(s => Blocks(verdict, s));
                if (!caught && spans.All(s => Flags(verdict, s))) warned++;
                Count(byShape, shape, caught);
                Count(byStratum, stratum, caught);
                if (!caught) misses.Add($"{shape}\t{text}\t{Describe(verdict)}");
            }
        }
        var total = byShape.Values.Aggregate((0, 0), (a, b) => (a.Item1 + b.Hits, a.Item2 + b.Total));
        var weakest = byShape.OrderBy(s => (double)s.Value.Hits / s.Value.Total).Take(4)
            .Select(s => $"{s.Key} {100.0 * s.Value.Hits / s.Value.Total:0.0}%");
        figures.Add(new EvaluationFigure(Category, $"{common.Count} given names in {NamesSentences.NamingAChild.Length} sentence shapes: blocked",
            total.Item1, total.Item2, 0.99, Examples: "weakest shapes: " + string.Join(", ", weakest)));
        foreach (var (stratum, (hits, count)) in byStratum)
        {
            figures.Add(new EvaluationFigure(Category, $"{stratum}: blocked", hits, count));
        }
        figures.Add(new EvaluationFigure(Category, "given names missed but warned (sent to review)", warned, total.Item2 - total.Item1));
        context.WriteMisses("names-given-names", misses);

        // Names in no list: only the sentence says it is a person.
        var unseenMisses = new List<string>();
        var unseenHits = 0;
        var unseenFlagged = 0;
        var unseenTotal = 0;
        for (var n = 0; n < data.Unseen.Count; n++)
        {
            foreach (var (shape, template) in NamesSentences.NamingAChild)
            {
                if (template.Contains("{1}", StringComparison.Ordinal) || template.Contains("{l}", StringComparison.Ordinal)) continue;
                var (text, spans) = Fill(template, [data.Unseen[n]], data.Unseen[(n + 7) % data.Unseen.Count]);
                var verdict = checker.Check(Draft.FromText(text));
                unseenTotal++;
                if (spans.All(s => Blocks(verdict, s))) unseenHits++;
                else unseenMisses.Add($"{shape}\t{text}\t{Describe(verdict)}");
                if (spans.All(s => Flags(verdict, s))) unseenFlagged++;
            }
        }
        figures.Add(new EvaluationFigure(Category, $"{data.Unseen.Count} names in no list (humannames sample), same shapes: blocked", unseenHits, unseenTotal));
        figures.Add(new EvaluationFigure(Category, "names in no list: blocked or warned", unseenFlagged, unseenTotal));
        context.WriteMisses("names-unseen", unseenMisses);

        // A roster pupil's surname alone, in a draft with a photo.
        var roster = new PupilRoster(common.Select((name, i) => new Pupil($"P{i:D4}", name, surnames[i % surnames.Count], true)));
        var surnameHits = 0;
        var surnameMisses = new List<string>();
        foreach (var pupil in roster.Pupils.Take(surnames.Count))
        {
            var text = $"Lovely singing from {pupil.LastName} at the concert.";
            var draft = new Draft(null, text, null, [new DraftImage("choir.jpg", new byte[] { 0xFF, 0xD8, 0xFF }, "Children singing", [pupil.Id], false, true)]);
            var verdict = checker.Check(draft, roster);
            if (verdict.Findings.Any(f => f.Rule == RuleIds.PupilName && f.Severity == Severity.Block)) surnameHits++;
            else surnameMisses.Add(text);
        }
        figures.Add(new EvaluationFigure(Category, "roster pupil's surname alone with a photo: blocked", surnameHits, Math.Min(roster.Pupils.Count, surnames.Count), 0.99));
        context.WriteMisses("names-surname-with-photo", surnameMisses);

        // Ordinary sentences: Brown corpus sentences with a name-word as a word, and nothing else that could be a name.
        var brown = BrownNameWordSentences(data);
        var (brownBlocked, brownWarned, brownMisses) = FalseAlarms(checker, brown);
        figures.Add(new EvaluationFigure(Category, $"Brown corpus sentences with a name-word as a word ({brown.Count}): blocked", brownBlocked, brown.Count, 0.01, AtMost: true));
        figures.Add(new EvaluationFigure(Category, "Brown corpus sentences with a name-word as a word: warned", brownWarned, brown.Count));
        context.WriteMisses("names-brown-false-alarms", brownMisses);

        // Capitalised words that are no names: Brown sentences whose capitalised words the corpus tags as titles, adjectives,
        // nouns ("Christian unity", "the North won", "Ivy League"), with no proper noun of a person or place.
        var capitalised = data.Brown.Sentences
            .Where(b => b.Words.Count is >= 6 and <= 35 && !b.Words.Any(w => w.Tag.StartsWith("np", StringComparison.Ordinal))
                && b.Words.Skip(1).Any(w => w.Word.Length > 1 && char.IsUpper(w.Word[0]) && w.Word.Skip(1).All(char.IsLower)))
            .Select(b => b.Text())
            .ToList();
        var (capBlocked, capWarned, capMisses) = FalseAlarms(checker, capitalised);
        figures.Add(new EvaluationFigure(Category, $"Brown corpus sentences with capitalised words that are no names ({capitalised.Count}): blocked", capBlocked, capitalised.Count, 0.01, AtMost: true));
        figures.Add(new EvaluationFigure(Category, "Brown corpus sentences with capitalised words that are no names: warned", capWarned, capitalised.Count));
        context.WriteMisses("names-brown-capitalised-false-alarms", capMisses);

        var school = NamesSentences.NotAChild.ToList();
        var (schoolBlocked, schoolWarned, schoolMisses) = FalseAlarms(checker, school);
        figures.Add(new EvaluationFigure(Category, "school sentences: name-words as words, authors, characters, classes, events, pets: blocked", schoolBlocked, school.Count, 0.01, AtMost: true));
        figures.Add(new EvaluationFigure(Category, "school sentences as above: warned", schoolWarned, school.Count));
        context.WriteMisses("names-school-false-alarms", schoolMisses);

        var adults = new List<string>();
        for (var n = 0; n < common.Count; n++)
        {
            var template = NamesSentences.TitledAdults[n % NamesSentences.TitledAdults.Length];
            var title = data.Female.Contains(common[n]) ? (n % 2 == 0 ? "Mrs" : "Miss") : "Mr";
            adults.Add(Fill(template.Replace("{t}", title, StringComparison.Ordinal), [common[n]], surnames[n % surnames.Count]).Text);
        }
        var (adultBlocked, _, adultMisses) = FalseAlarms(checker, adults);
        figures.Add(new EvaluationFigure(Category, $"titled adults with the same names ({adults.Count}): blocked", adultBlocked, adults.Count, 0.01, AtMost: true));
        context.WriteMisses("names-titled-adults", adultMisses);
        return figures;
    }

    private static List<string> BrownNameWordSentences(NamesData data)
    {
        var perWord = new Dictionary<string, int>(StringComparer.Ordinal);
        var sentences = new List<string>();
        foreach (var sentence in data.Brown.Sentences)
        {
            var words = sentence.Words;
            if (words.Count is < 6 or > 40) continue;
            // Only the first word (and "I") capitalised: any names finding is then about the name-word.
            var capitalised = false;
            for (var k = 1; k < words.Count && !capitalised; k++) capitalised = words[k].Word.Any(char.IsUpper) && words[k].Word != "I";
            // The first word must be an ordinary word, not a name opening the sentence ("Caldwell's resignation…").
            var opening = words[0].Word.ToLowerInvariant();
            if (opening.EndsWith("'s", StringComparison.Ordinal)) opening = opening[..^2];
            if (capitalised || data.NameWords.Contains(opening) || !data.LowerCaseWords.Contains(opening)) continue;
            if (words.Any(w => w.Word.Any(char.IsDigit))) continue;
            string? nameWord = null;
            for (var k = 1; k < words.Count && nameWord is null; k++)
            {
                if (data.NameWords.Contains(words[k].Word)) nameWord = words[k].Word;
            }
            if (nameWord is null || perWord.GetValueOrDefault(nameWord) >= BrownSentencesPerWord) continue;
            perWord[nameWord] = perWord.GetValueOrDefault(nameWord) + 1;
            sentences.Add(sentence.Text());
        }
        return sentences;
    }

    private static (int Blocked, int Warned, List<string> Misses) FalseAlarms(CodeOfConductChecker checker, IEnumerable<string> texts)
    {
        var blocked = 0;
        var warned = 0;
        var misses = new List<string>();
        foreach (var text in texts)
        {
            var verdict = checker.Check(Draft.FromText(text));
            var names = verdict.Findings.Where(IsNamesFinding).ToList();
            if (names.Any(f => f.Severity == Severity.Block)) blocked++;
            else if (names.Count > 0) warned++;
            else continue;
            misses.Add($"{text}\t{Describe(verdict)}");
        }
        return (blocked, warned, misses);
    }

    private static (string Text, List<(int Start, int Length)> Spans) Fill(string template, IReadOnlyList<string> names, string surname)
    {
        var text = template;
        var spans = new List<(int, int)>();
        // Replace placeholders left to right, recording where each name lands.
        while (true)
        {
            var at = text.IndexOf('{', StringComparison.Ordinal);
            if (at < 0) break;
            var end = text.IndexOf('}', at);
            var key = text[(at + 1)..end];
            var value = key switch
            {
                "s" => surname,
                "l" => names[0].ToLowerInvariant(),
                _ => names[int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)],
            };
            text = text[..at] + value + text[(end + 1)..];
            if (key != "s") spans.Add((at, value.Length));
        }
        return (text, spans);
    }

    private static bool IsNamesFinding(Finding f) => f.Rule is RuleIds.Targeted or RuleIds.PupilName;

    private static bool Blocks(Verdict verdict, (int Start, int Length) span) =>
        verdict.Findings.Any(f => IsNamesFinding(f) && f.Severity == Severity.Block && Covers(f, span));

    private static bool Flags(Verdict verdict, (int Start, int Length) span) =>
        verdict.Findings.Any(f => IsNamesFinding(f) && Covers(f, span));

    private static bool Covers(Finding f, (int Start, int Length) span) =>
        f.Start is { } s && f.Length is { } l && s <= span.Start && span.Start + span.Length <= s + l;

    private static string Describe(Verdict verdict) =>
        string.Join(" | ", verdict.Findings.Where(IsNamesFinding).Select(f => $"{f.Rule}/{f.Severity}"));

    private static void Count(Dictionary<string, (int Hits, int Total)> counts, string key, bool hit)
    {
        var (hits, total) = counts.GetValueOrDefault(key);
        counts[key] = (hits + (hit ? 1 : 0), total + 1);
    }
}
