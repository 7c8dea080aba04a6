using SchoolTwitter.Cli.Output;
using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Cli.Tests;

public sealed class VerdictConsoleTests
{
    private static Finding Block(int start, int length) => new("r", Severity.Block, "m", start, length);
    private static Finding Warn(int start, int length) => new("r", Severity.Warn, "m", start, length);

    [Fact]
    public void Highlight_marks_overlapping_findings_as_one_span()
    {
        VerdictConsole.Highlight("abcdefgh", [Warn(1, 3), Warn(2, 4)], plain: true, unicode: true).ShouldBe("a»bcdef«gh");
    }

    [Fact]
    public void Highlight_styles_a_span_by_its_worst_severity()
    {
        VerdictConsole.Highlight("abcdefgh", [Warn(0, 6), Block(2, 2)], plain: false, unicode: true)
            .ShouldBe("[bold yellow underline]ab[/][bold red underline]cd[/][bold yellow underline]ef[/]gh");
    }

    [Fact]
    public void Highlight_ignores_findings_without_a_position_and_clamps_bad_ranges()
    {
        VerdictConsole.Highlight("abc", [new Finding("r", Severity.Block, "m"), Block(2, 50), Block(-4, 1), Block(1, 0)], plain: true, unicode: false)
            .ShouldBe("ab>>c<<");
    }

    [Fact]
    public void Highlight_never_splits_an_emoji()
    {
        // "🎉" is two UTF-16 units; a finding pointing at half of it widens to the whole.
        VerdictConsole.Highlight("a🎉b", [Warn(2, 1)], plain: true, unicode: true).ShouldBe("a»🎉«b");
        VerdictConsole.Highlight("a🎉b", [Warn(0, 2)], plain: true, unicode: true).ShouldBe("»a🎉«b");
    }

    [Fact]
    public void Highlight_escapes_markup_inside_and_outside_spans()
    {
        VerdictConsole.Highlight("[b]x[/b]", [Block(3, 1)], plain: false, unicode: true).ShouldBe("[[b]][bold red underline]x[/][[/b]]");
    }

    [Fact]
    public void Write_in_plain_text_keeps_multi_line_drafts_indented_and_lists_each_finding()
    {
        var output = new StringWriter { NewLine = "\n" };
        var draft = Draft.FromText("Line one perhaps.\nLine two.");
        var verdict = Verdict.From(null, 27, [new Finding("test-rule", Severity.Warn, "Check “perhaps”.", 9, 7, "maybe")]);

        new VerdictConsole(output, isTerminal: false).Write(draft, verdict);

        output.ToString().ReplaceLineEndings("\n").ShouldBe(
            "REVIEW  1 warning: another SLT member must approve this draft before it is posted.\n" +
            "Length 27 of 280\n" +
            "\n" +
            "  Line one »perhaps«.\n" +
            "  Line two.\n" +
            "\n" +
            "  ▲ warn  test-rule  Check “perhaps”. (suggestion: maybe)\n");
    }
}
