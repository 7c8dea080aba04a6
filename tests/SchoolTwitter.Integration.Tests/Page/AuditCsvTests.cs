using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Page;

namespace SchoolTwitter.Integration.Tests.Page;

public sealed class AuditCsvTests
{
    private static readonly DateTimeOffset Summer = new(2026, 7, 1, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Entries_are_rows_in_uk_time_with_quoting_for_commas_quotes_and_new_lines()
    {
        var csv = AuditCsv.Write([new AuditEntry(Summer, "head@school.example", "follower.blocked", "90001", "muted, then blocked", "Said \"buy followers\"\nin bio")]);
        var lines = csv.Split("\r\n");
        lines[0].ShouldBe("When (UK time),Who,What,About,Outcome,Detail");
        lines[1].ShouldBe("2026-07-01 10:30:00,head@school.example,follower.blocked,90001,\"muted, then blocked\",\"Said \"\"buy followers\"\"\nin bio\"");
    }

    [Theory]
    [InlineData("=HYPERLINK(\"https://attacker.example\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    public void A_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text(string detail)
    {
        var row = AuditCsv.Write([new AuditEntry(Summer, "system", "draft.refused", "draft", "refused", detail)]).Split("\r\n")[1];
        row.ShouldNotContain("," + detail);
        row.ShouldContain("'" + detail[..2]);
    }
}
