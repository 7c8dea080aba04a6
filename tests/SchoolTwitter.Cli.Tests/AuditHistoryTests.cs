using System.Text;
using SchoolTwitter.Application.History;
using SchoolTwitter.Cli.Tests.Support;
using SchoolTwitter.Core.CodeOfConduct;

namespace SchoolTwitter.Cli.Tests;

/// <summary>
/// <c>schooltwitter audit-history</c> over an X archive (issue 13): today's code of conduct (the real rules and the roster) over
/// every post, a CSV and an HTML report, the archive streamed.
/// </summary>
public sealed class AuditHistoryTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static CliResult Run(Func<string, string?>? settings, Stream? stdin, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var environment = new CliEnvironment(output, error, () => stdin ?? new MemoryStream(), CodeOfConductFactory.CreateDefault, false, settings);
        return new CliResult(SchoolTwitterCli.Run(args, environment), output.ToString(), error.ToString());
    }

    [Fact]
    public void An_archive_of_3000_posts_reports_exactly_the_seeded_breaches_in_csv_and_html()
    {
        var (archive, breaches) = ArchiveFiles.Generate(3_000);
        var path = _files.Write("tweets.js", archive);
        var roster = _files.Write("roster.csv", ArchiveFiles.RosterCsv);

        var result = Run(null, null, "audit-history", "--archive", path, "--roster", roster, "--out", _files.Directory);

        result.ExitCode.ShouldBe(ExitCodes.ReviewOrBlocked, result.Error);
        result.Output.ShouldContain($"3,000 posts checked: {breaches.Count} break the code of conduct, 0 need a second look.");
        var rows = File.ReadAllLines(_files.PathOf("history-audit.csv")).Skip(1).ToList();
        rows.Select(r => r.Split(',')[0]).ToHashSet().ShouldBe(breaches, ignoreOrder: true);
        rows.ShouldAllBe(r => r.Split(',')[3] == "breach");
        rows.ShouldContain(r => r.Contains(",text-speak,block,"));
        rows.ShouldContain(r => r.Contains(",hashtag-position,block,"));
        rows.ShouldContain(r => r.Contains(",reply,block,"));
        rows.ShouldContain(r => r.Contains(",pupil-name,block,"));
        rows.ShouldContain(r => r.Contains(",targeted,block,"));

        var html = File.ReadAllText(_files.PathOf("history-audit.html"));
        foreach (var id in breaches) html.ShouldContain($"https://x.com/i/web/status/{id}");
        html.ShouldNotContain("<script>");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        html.ShouldContain($"3,000 posts checked: {breaches.Count} break the code of conduct");
    }

    [Fact]
    public async Task The_archive_is_streamed_one_post_at_a_time()
    {
        var (archive, _) = ArchiveFiles.Generate(3_000);
        var bytes = ArchiveFiles.Bytes(archive);
        var stream = new CountingStream(bytes);

        await using var posts = XArchiveReader.ReadAsync(stream, CancellationToken.None).GetAsyncEnumerator();
        (await posts.MoveNextAsync()).ShouldBeTrue();

        stream.BytesRead.ShouldBeLessThan(bytes.Length / 20, "the first post is yielded after reading a small part of the file, not all of it");
        posts.Current.Text.ShouldBe("Year 4 visited the museum on Tuesday and learnt about the Romans.");
        var count = 1;
        while (await posts.MoveNextAsync()) count++;
        count.ShouldBe(3_000);
        stream.BytesRead.ShouldBeGreaterThan(bytes.Length * 9L / 10, "the count sees the reader's reads");
    }

    [Fact]
    public async Task Picture_links_and_x_escaping_are_undone_so_the_text_is_checked_as_written()
    {
        var (archive, _) = ArchiveFiles.Generate(22);
        var posts = new List<HistoryPost>();
        await foreach (var p in XArchiveReader.ReadAsync(new MemoryStream(ArchiveFiles.Bytes(archive)), CancellationToken.None)) posts.Add(p);

        posts[6].Text.ShouldBe("Fish & chips for lunch on Friday.");
        posts[21].Text.ShouldBe("Sports day was a great success.");
        posts[21].AltTexts.ShouldBe(["Children on the field"]);
        posts[3].RepliedToPostId.ShouldBe("1000000000000000001");
        posts[0].PostedAt.ShouldBe(new DateTimeOffset(2019, 9, 2, 8, 30, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("[{\"tweet\":{\"id_str\":\"1\"}}]", "must begin")]
    [InlineData("window.YTD.likes.part0 = []", "must begin")]
    [InlineData("window.YTD.tweets.part0 = [{\"tweet\":{\"id_str\":\"1\",\"full_text\":\"Hello.\"}}, {\"tweet\":", "damaged after post 1")]
    [InlineData("window.YTD.tweets.part0 = [{\"tweet\":{\"full_text\":\"No id.\"}}]", "no id_str")]
    public void A_file_that_is_not_an_archive_is_bad_input_and_leaves_no_half_report(string content, string message)
    {
        var path = _files.Write("tweets.js", content);

        var result = Run(null, null, "audit-history", "--archive", path, "--out", _files.Directory);

        result.ExitCode.ShouldBe(ExitCodes.BadInput);
        result.Error.ShouldContain(message);
        File.Exists(_files.PathOf("history-audit.csv")).ShouldBeFalse();
        File.Exists(_files.PathOf("history-audit.html")).ShouldBeFalse();
    }

    [Fact]
    public void A_missing_archive_or_report_folder_is_bad_input()
    {
        Run(null, null, "audit-history", "--archive", _files.PathOf("none.js"), "--out", _files.Directory).Error.ShouldContain("does not exist");
        var path = _files.Write("tweets.js", ArchiveFiles.Generate(3).Archive);
        var noFolder = Run(null, null, "audit-history", "--archive", path, "--out", _files.PathOf("missing"));
        noFolder.ExitCode.ShouldBe(ExitCodes.BadInput);
        noFolder.Error.ShouldContain("for the report does not exist");
    }

    [Fact]
    public void The_live_account_needs_its_settings_and_names_those_missing()
    {
        var result = Run(name => name == "X__AccountId" ? "1500000000000000001" : null, null, "audit-history", "--out", _files.Directory);

        result.ExitCode.ShouldBe(ExitCodes.BadInput);
        result.Error.ShouldContain("X__ConsumerKey, X__ConsumerSecret, X__AccessToken, X__AccessTokenSecret");
        result.Error.ShouldNotContain("X__AccountId,");
    }

    [Fact]
    public void Csv_fields_that_a_spreadsheet_would_run_as_formulas_are_defused()
    {
        HistoryCsvReport.Field("=HYPERLINK(\"x\")").ShouldBe("\"'=HYPERLINK(\"\"x\"\")\"");
        HistoryCsvReport.Field("@everyone").ShouldBe("'@everyone");
        HistoryCsvReport.Field("plain, with comma").ShouldBe("\"plain, with comma\"");
    }

    /// <summary>Counts the bytes read through it, however the reader asks for them.</summary>
    private sealed class CountingStream(byte[] data) : MemoryStream(data)
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => Counted(base.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Counted(base.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Counted(await base.ReadAsync(buffer, cancellationToken));

        private int Counted(int n)
        {
            BytesRead += n;
            return n;
        }
    }
}
