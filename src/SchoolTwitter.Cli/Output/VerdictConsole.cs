using System.Text;
using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Drafts;
using Spectre.Console;

namespace SchoolTwitter.Cli.Output;

/// <summary>
/// The verdict for people: the outcome in a word, the draft with the offending words highlighted, and each finding with its fix.
/// Every piece of draft or finding text is escaped before it meets Spectre markup (a tweet may contain "[red]").
/// Only this class touches Spectre.Console, so JSON modes never load it.
/// </summary>
internal sealed class VerdictConsole
{
    public const int TweetLimit = 280;

    private readonly IAnsiConsole _console;
    private readonly bool _plain;
    private readonly bool _unicode;

    /// <summary>Sets up the console (capability detection); cheap to do while the checker is still being built.</summary>
    public VerdictConsole(TextWriter output, bool isTerminal)
    {
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!isTerminal)
        {
            _console.Profile.Width = 4096; // files and pipes: one line per line, no wrapping
        }
        _plain = !_console.Profile.Capabilities.Ansi;
        _unicode = _console.Profile.Capabilities.Unicode;
    }

    public void Write(Draft draft, Verdict verdict)
    {
        var (console, plain, unicode) = (_console, _plain, _unicode);
        console.MarkupLine(Headline(verdict));
        var lengthStyle = verdict.WeightedLength > TweetLimit ? "red" : "grey";
        console.MarkupLine($"[{lengthStyle}]Length {verdict.WeightedLength} of {TweetLimit}[/]" +
                           (draft.Images.Count > 0 ? $"[grey], {draft.Images.Count} image(s)[/]" : ""));
        console.WriteLine();
        console.MarkupLine("  " + Highlight(draft.Text, verdict.Findings, plain, unicode).ReplaceLineEndings("\n  "));
        console.WriteLine();
        if (verdict.Findings.Count == 0) return;

        var rows = verdict.Findings.Select(f => (
            Mark: f.Severity == Severity.Block ? (unicode ? "✖" : "x") : (unicode ? "▲" : "!"),
            Style: f.Severity == Severity.Block ? "red" : "yellow",
            Severity: VerdictJson.SeverityName(f.Severity),
            f.Rule,
            Message: Markup.Escape(f.Message) +
                     (string.IsNullOrEmpty(f.Suggestion) ? "" : $" [green](suggestion: {Markup.Escape(f.Suggestion)})[/]"))).ToList();

        if (plain)
        {
            // Files and pipes: aligned columns, no padding after the message.
            var severityWidth = rows.Max(r => r.Severity.Length);
            var ruleWidth = rows.Max(r => r.Rule.Length);
            foreach (var r in rows)
            {
                console.MarkupLine($"  {r.Mark} {r.Severity.PadRight(severityWidth)}  {Markup.Escape(r.Rule.PadRight(ruleWidth))}  {r.Message}");
            }
            return;
        }

        // Terminals: a grid keeps each message in its own column, so a long message wraps under itself.
        var grid = new Grid()
            .AddColumn(new GridColumn().NoWrap().Padding(2, 0, 2, 0))
            .AddColumn(new GridColumn().NoWrap())
            .AddColumn(new GridColumn());
        foreach (var r in rows)
        {
            grid.AddRow(
                new Markup($"[{r.Style}]{r.Mark} {r.Severity}[/]"),
                new Markup($"[bold]{Markup.Escape(r.Rule)}[/]"),
                new Markup(r.Message));
        }
        console.Write(grid);
    }

    private static string Headline(Verdict verdict) => verdict.Outcome switch
    {
        VerdictOutcome.Pass => "[bold green]PASS[/]  This draft meets the code of conduct.",
        VerdictOutcome.Review => $"[bold yellow]REVIEW[/]  {Count(verdict.Findings.Count, "warning")}: another SLT member must approve this draft before it is posted.",
        _ => $"[bold red]BLOCKED[/]  This draft cannot be posted: {Count(verdict.Findings.Count(f => f.Severity == Severity.Block), "problem")} must be fixed.",
    };

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    /// <summary>
    /// The draft text as markup, each span a finding points at styled by its worst severity. Without colours (files, pipes)
    /// the spans are bracketed with »…« instead, so the highlight survives.
    /// </summary>
    internal static string Highlight(string text, IReadOnlyList<Finding> findings, bool plain, bool unicode)
    {
        // Per character: 0 none, 1 warn, 2 block. Drafts are at most 10,000 characters.
        var marks = new byte[text.Length];
        foreach (var f in findings)
        {
            if (f.Start is not { } start || f.Length is not { } length || length <= 0) continue;
            var end = (int)Math.Clamp((long)start + length, 0, text.Length);
            start = Math.Clamp(start, 0, text.Length);
            if (end <= start) continue;
            // Never split a surrogate pair (an emoji) across a style boundary.
            if (start > 0 && char.IsLowSurrogate(text[start])) start--;
            if (end < text.Length && end > 0 && char.IsHighSurrogate(text[end - 1])) end++;
            var level = f.Severity == Severity.Block ? (byte)2 : (byte)1;
            for (var i = start; i < end; i++)
            {
                if (marks[i] < level) marks[i] = level;
            }
        }

        var (open, close) = unicode ? ("»", "«") : (">>", "<<");
        var sb = new StringBuilder(text.Length + 64);
        var runStart = 0;
        while (runStart < text.Length)
        {
            var level = marks[runStart];
            var runEnd = runStart + 1;
            while (runEnd < text.Length && marks[runEnd] == level) runEnd++;
            var escaped = Markup.Escape(text[runStart..runEnd]);
            if (level == 0) sb.Append(escaped);
            else if (plain) sb.Append(open).Append(escaped).Append(close);
            else sb.Append(level == 2 ? "[bold red underline]" : "[bold yellow underline]").Append(escaped).Append("[/]");
            runStart = runEnd;
        }
        return sb.ToString();
    }
}
