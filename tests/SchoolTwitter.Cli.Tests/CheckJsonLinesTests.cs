using System.Text;
using System.Text.Json;
using SchoolTwitter.Cli.Checking;
using SchoolTwitter.Cli.Tests.Support;

namespace SchoolTwitter.Cli.Tests;

public sealed class CheckJsonLinesTests : IDisposable
{
    private readonly CliHarness _cli = new();
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static JsonElement[] Lines(CliResult result) => result.OutputLines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToArray();

    [Fact]
    public void Jsonl_writes_one_verdict_per_draft_in_input_order_echoing_ids()
    {
        var drafts = Enumerable.Range(0, 300).Select(i => i % 7 == 3
            ? $$"""{"id":"d{{i}}","text":"Item {{i}} is forbidden."}"""
            : $$"""{"id":"d{{i}}","text":"Item {{i}} is fine."}""");
        var path = _files.Write("drafts.jsonl", string.Join("\n", drafts) + "\n");

        var result = _cli.Run("check", "--jsonl", path);

        result.ExitCode.ShouldBe(ExitCodes.ReviewOrBlocked);
        var lines = Lines(result);
        lines.Select(l => l.GetProperty("id").GetString()).ShouldBe(Enumerable.Range(0, 300).Select(i => $"d{i}"));
        lines.Select(l => l.GetProperty("verdict").GetString())
            .ShouldBe(Enumerable.Range(0, 300).Select(i => i % 7 == 3 ? "blocked" : "pass"));
        result.Error.ShouldBeEmpty();
    }

    [Fact]
    public void Jsonl_exits_0_when_every_draft_passes()
    {
        var path = _files.Write("drafts.jsonl", "{\"id\":\"a\",\"text\":\"One.\"}\r\n{\"id\":\"b\",\"text\":\"Two.\"}");

        var result = _cli.Run("check", "--jsonl", path);

        result.ExitCode.ShouldBe(ExitCodes.Pass);
        Lines(result).Select(l => l.GetProperty("id").GetString()).ShouldBe(["a", "b"]);
    }

    [Fact]
    public void Jsonl_malformed_lines_get_error_lines_and_the_others_still_run()
    {
        var path = _files.Write("drafts.jsonl", string.Join("\n",
            """{"id":"a","text":"Fine."}""",
            "{\"id\":\"b\",\"text\":\"Fine again.\"",
            """{"id":"c","text":""}""",
            """not json at all""",
            """{"id":"e","text":"Perhaps."}""",
            """[1,2]""",
            """{"text":"No id.","colour":1}"""));

        var result = _cli.Run("check", "--jsonl", path);

        result.ExitCode.ShouldBe(ExitCodes.BadInput);
        var lines = Lines(result);
        lines.Length.ShouldBe(7);
        lines[0].GetProperty("verdict").GetString().ShouldBe("pass");
        lines[1].GetProperty("id").GetString().ShouldBe("b");
        lines[1].GetProperty("line").GetInt32().ShouldBe(2);
        lines[1].GetProperty("error").GetString()!.ShouldContain("not valid JSON");
        lines[2].GetProperty("id").GetString().ShouldBe("c");
        lines[2].GetProperty("error").GetString()!.ShouldContain("text: The tweet text is empty");
        lines[3].GetProperty("id").ValueKind.ShouldBe(JsonValueKind.Null);
        lines[3].GetProperty("line").GetInt32().ShouldBe(4);
        lines[4].GetProperty("verdict").GetString().ShouldBe("review");
        lines[5].GetProperty("id").ValueKind.ShouldBe(JsonValueKind.Null);
        lines[6].GetProperty("errors")[0].GetProperty("field").GetString().ShouldBe("colour");
        result.Error.ShouldContain("5 of 7 lines could not be checked");
    }

    [Fact]
    public void Jsonl_skips_blank_lines_but_counts_them_in_line_numbers()
    {
        var path = _files.Write("drafts.jsonl", "\n{\"id\":\"a\",\"text\":\"One.\"}\n   \n\r\n{\"id\":\"b\",\"text\":\"\"}\n\n");

        var lines = Lines(_cli.Run("check", "--jsonl", path));

        lines.Length.ShouldBe(2);
        lines[1].GetProperty("line").GetInt32().ShouldBe(5);
    }

    [Fact]
    public void Jsonl_reads_standard_input_for_a_dash()
    {
        var result = _cli.RunWithInput("{\"id\":\"in\",\"text\":\"From a pipe.\"}\n", "check", "--jsonl", "-");

        result.ExitCode.ShouldBe(ExitCodes.Pass);
        Lines(result).ShouldHaveSingleItem().GetProperty("id").GetString().ShouldBe("in");
    }

    [Fact]
    public void Jsonl_with_no_drafts_is_bad_input()
    {
        var result = _cli.Run("check", "--jsonl", _files.Write("drafts.jsonl", "\n\n"));

        result.ExitCode.ShouldBe(ExitCodes.BadInput);
        result.Error.ShouldContain("has no drafts");
    }

    [Fact]
    public void Jsonl_missing_file_is_named()
    {
        var result = _cli.Run("check", "--jsonl", _files.PathOf("drafts.jsonl"));

        result.ExitCode.ShouldBe(ExitCodes.BadInput);
        result.Output.ShouldBeEmpty();
        result.Error.ShouldContain("drafts.jsonl” does not exist");
    }

    [Fact]
    public void Jsonl_keeps_going_after_a_rule_fault_and_exits_3()
    {
        var path = _files.Write("drafts.jsonl", "{\"id\":\"a\",\"text\":\"CRASH.\"}\n{\"id\":\"b\",\"text\":\"Fine.\"}\n");

        var result = _cli.Run("check", "--jsonl", path);

        result.ExitCode.ShouldBe(ExitCodes.InternalError);
        var lines = Lines(result);
        lines[0].GetProperty("id").GetString().ShouldBe("a");
        lines[0].GetProperty("error").GetString()!.ShouldContain("checker failed");
        lines[1].GetProperty("verdict").GetString().ShouldBe("pass");
    }

    [Fact]
    public void Jsonl_uses_the_roster_for_every_line()
    {
        var roster = _files.Write("roster.csv", "Id,FirstName,LastName,PhotoConsent\nP001,Josh,Smith,N\n");
        var path = _files.Write("drafts.jsonl", "{\"text\":\"One.\"}\n{\"text\":\"Two.\"}\n");

        _cli.Run("check", "--jsonl", path, "--roster", roster).ExitCode.ShouldBe(ExitCodes.Pass);

        _cli.Recorder.Seen.Count.ShouldBe(2);
        _cli.Recorder.Seen.ShouldAllBe(s => s.Roster.Find("P001") != null);
    }

    [Fact]
    public void Jsonl_writes_each_verdict_before_reading_the_next_line()
    {
        var output = new StringWriter { NewLine = "\n" };
        var input = new LineAtATimeStream(
            ["{\"id\":\"1\",\"text\":\"One.\"}\n", "{\"id\":\"2\",\"text\":\"Two.\"}\n", "{\"id\":\"3\",\"text\":\"Three.\"}\n"],
            onRead: () => output.ToString().Count(c => c == '\n'));
        var environment = new CliEnvironment(output, new StringWriter(), () => input, _cli.CreateChecker, OutputIsTerminal: false);

        SchoolTwitterCli.Run(["check", "--jsonl", "-"], environment).ShouldBe(ExitCodes.Pass);

        // Before the 2nd chunk is read, the 1st verdict is out; before the 3rd, the 2nd; and so on.
        input.OutputLinesAtEachRead.ShouldBe([0, 1, 2, 3]);
    }

    [Fact]
    public void Splitter_reports_an_over_long_line_and_carries_on()
    {
        var text = "short\n" + new string('x', 100) + "\nafter\n" + new string('y', 40) + "\r\nlast";
        var seen = new List<(string Line, long Number, bool TooLong)>();

        JsonLinesSplitter.ForEachLine(new MemoryStream(Encoding.UTF8.GetBytes(text)), maxLineBytes: 50,
            (line, number, tooLong) => seen.Add((Encoding.UTF8.GetString(line), number, tooLong)));

        seen.ShouldBe([("short", 1, false), ("", 2, true), ("after", 3, false), (new string('y', 40), 4, false), ("last", 5, false)]);
    }

    [Fact]
    public void Splitter_handles_lines_split_across_reads()
    {
        var lines = Enumerable.Range(0, 2000).Select(i => new string((char)('a' + i % 26), i % 97)).ToArray();
        var seen = new List<string>();

        JsonLinesSplitter.ForEachLine(new TrickleStream(Encoding.UTF8.GetBytes(string.Join("\n", lines))), maxLineBytes: 1024,
            (line, _, _) => seen.Add(Encoding.UTF8.GetString(line)));

        seen.ShouldBe(lines);
    }

    /// <summary>Returns one chunk per read, noting how many output lines existed at each read.</summary>
    private sealed class LineAtATimeStream(string[] chunks, Func<int> onRead) : Stream
    {
        private int _next;

        public List<int> OutputLinesAtEachRead { get; } = [];

        public override int Read(byte[] buffer, int offset, int count)
        {
            OutputLinesAtEachRead.Add(onRead());
            if (_next == chunks.Length) return 0;
            var bytes = Encoding.UTF8.GetBytes(chunks[_next++]);
            bytes.CopyTo(buffer, offset);
            return bytes.Length;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Returns at most 7 bytes per read, so lines straddle reads.</summary>
    private sealed class TrickleStream(byte[] data) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 7));
    }
}
