using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Core.Roster;

namespace SchoolTwitter.Core.Tests.Io;

public sealed class RosterCsvTests
{
    private static PupilRoster Valid(string csv)
    {
        var result = RosterCsv.Parse(csv);
        result.Errors.ShouldBeEmpty();
        return result.Value.ShouldNotBeNull();
    }

    private static IReadOnlyList<InputError> Invalid(string csv)
    {
        var result = RosterCsv.Parse(csv);
        result.IsValid.ShouldBeFalse();
        result.Value.ShouldBeNull();
        result.Errors.ShouldNotBeEmpty();
        return result.Errors;
    }

    [Fact]
    public void Parse_reads_the_mis_export()
    {
        var roster = Valid("Id,FirstName,LastName,PhotoConsent\r\nP001,Josh,Smith,Y\r\nP002,Amelia,Jones,N\r\n");

        roster.Pupils.Count.ShouldBe(2);
        roster.Find("P001").ShouldBe(new Pupil("P001", "Josh", "Smith", true));
        roster.Find("p002").ShouldNotBeNull().PhotoConsent.ShouldBeFalse();
        roster.IsFirstName("josh").ShouldBeTrue();
        roster.IsLastName("JONES").ShouldBeTrue();
    }

    [Fact]
    public void Parse_accepts_bom_lf_endings_no_final_newline_and_blank_lines()
    {
        var roster = Valid("\uFEFFid,firstname,LASTNAME,photoconsent\nP001,Josh,Smith,y\n\nP002,Amelia,Jones,n");

        roster.Pupils.Select(p => p.Id).ShouldBe(["P001", "P002"]);
    }

    [Fact]
    public void Parse_matches_header_names_ignoring_case_spaces_and_order_and_ignores_extra_columns()
    {
        var roster = Valid("Year Group,Photo Consent,last_name,First Name,ID\r\n6,Yes,O'Brien,Siobhán,P9\r\n");

        roster.Find("P9").ShouldBe(new Pupil("P9", "Siobhán", "O'Brien", true));
    }

    [Fact]
    public void Parse_reads_quoted_fields_with_commas_doubled_quotes_and_line_breaks()
    {
        var roster = Valid("Id,FirstName,LastName,PhotoConsent\r\n\"P001\",\"Mary, Jane\",\"Smith \"\"Smithy\"\"\",\"N\"\r\nP002,\"Ann\r\nMarie\",Lee,Y\r\nP003,Tom,Ng,Y\r\n");

        roster.Find("P001").ShouldBe(new Pupil("P001", "Mary, Jane", "Smith \"Smithy\"", false));
        roster.Find("P002").ShouldNotBeNull().FirstName.ShouldBe("Ann\r\nMarie");
        roster.Find("P003").ShouldNotBeNull();
    }

    [Fact]
    public void Parse_trims_spaces_around_fields()
    {
        Valid("Id , FirstName , LastName , PhotoConsent\r\n P001 , Josh , Smith , Y \r\n").Find("P001").ShouldBe(new Pupil("P001", "Josh", "Smith", true));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("\r\n")]
    public void Parse_rejects_an_empty_file(string csv)
    {
        Invalid(csv).ShouldHaveSingleItem().Message.ShouldContain("empty");
    }

    [Fact]
    public void Parse_rejects_a_header_without_pupils()
    {
        Invalid("Id,FirstName,LastName,PhotoConsent\r\n").ShouldHaveSingleItem().Message.ShouldContain("no pupils");
    }

    [Fact]
    public void Parse_requires_the_header_naming_missing_columns()
    {
        var error = Invalid("P001,Josh,Smith,Y\r\nP002,Amelia,Jones,N\r\n").ShouldHaveSingleItem();

        error.Field.ShouldBe("line 1");
        error.Message.ShouldContain("Id, FirstName, LastName, PhotoConsent");
        error.Message.ShouldNotContain("Josh", Case.Sensitive);
    }

    [Fact]
    public void Parse_errors_never_quote_a_pupils_name()
    {
        var errors = Invalid("Id,FirstName,LastName,PhotoConsent\r\nP001,Josh,Smith,maybe\r\nP002,Amelia,Jones\r\nP001,Ella,Wood,Y\r\n");

        errors.Count.ShouldBe(3);
        foreach (var name in new[] { "Josh", "Smith", "Amelia", "Jones", "Ella", "Wood" })
        {
            errors.ShouldAllBe(e => !e.Message.Contains(name));
        }
    }

    [Fact]
    public void Parse_rejects_a_header_missing_photo_consent()
    {
        Invalid("Id,FirstName,LastName\r\nP001,Josh,Smith\r\n").ShouldHaveSingleItem().Message.ShouldContain("lacks PhotoConsent");
    }

    [Fact]
    public void Parse_rejects_a_repeated_header_column()
    {
        Invalid("Id,FirstName,LastName,PhotoConsent,Photo Consent\r\nP001,Josh,Smith,Y,N\r\n").ShouldContain(e => e.Message.Contains("twice"));
    }

    [Theory]
    [InlineData("P001,Josh,Smith\r\n", "has 3 fields but the header has 4")]
    [InlineData("P001,Josh,Smith,Jr,Y\r\n", "has 5 fields")]
    [InlineData("P001,Josh,Smith,maybe\r\n", "PhotoConsent “maybe”")]
    [InlineData("P001,Josh,Smith,\r\n", "empty PhotoConsent")]
    [InlineData("P001,Josh,Smith,true\r\n", "PhotoConsent “true”")]
    [InlineData(",Josh,Smith,Y\r\n", "empty Id")]
    [InlineData("P001,,Smith,Y\r\n", "empty FirstName")]
    [InlineData("P001,Josh,  ,Y\r\n", "empty LastName")]
    public void Parse_reports_bad_rows_by_line_number(string row, string message)
    {
        var errors = Invalid("Id,FirstName,LastName,PhotoConsent\r\nP000,Ann,Lee,Y\r\n" + row);

        var error = errors.ShouldHaveSingleItem();
        error.Field.ShouldBe("line 3");
        error.Message.ShouldContain("Line 3");
        error.Message.ShouldContain(message);
    }

    [Fact]
    public void Parse_rejects_a_duplicate_id_naming_both_lines_ignoring_case()
    {
        var error = Invalid("Id,FirstName,LastName,PhotoConsent\r\nP001,Josh,Smith,Y\r\nP002,Ann,Lee,Y\r\np001,Jo,Smith,N\r\n").ShouldHaveSingleItem();

        error.Field.ShouldBe("line 4");
        error.Message.ShouldContain("already used on line 2");
    }

    [Fact]
    public void Parse_counts_lines_inside_quoted_fields()
    {
        var error = Invalid("Id,FirstName,LastName,PhotoConsent\r\nP001,\"Ann\r\nMarie\",Lee,Y\r\nP002,Tom,Ng,X\r\n").ShouldHaveSingleItem();

        error.Field.ShouldBe("line 4");
    }

    [Fact]
    public void Parse_reports_every_bad_row()
    {
        var errors = Invalid("Id,FirstName,LastName,PhotoConsent\r\nP001,Josh,Smith,Q\r\nP002,Ann,Lee,Y\r\nP003,,Ng,Y\r\n");

        errors.Select(e => e.Field).ShouldBe(["line 2", "line 4"]);
    }

    [Fact]
    public void Parse_stops_listing_after_the_error_limit()
    {
        var rows = string.Concat(Enumerable.Range(1, 100).Select(i => $"P{i},Ann,Lee,?\r\n"));

        Invalid("Id,FirstName,LastName,PhotoConsent\r\n" + rows).Count.ShouldBe(RosterCsv.MaxReportedErrors);
    }

    [Fact]
    public void Parse_rejects_an_unterminated_quote()
    {
        var error = Invalid("Id,FirstName,LastName,PhotoConsent\r\nP001,\"Josh,Smith,Y\r\nP002,Ann,Lee,Y\r\n").ShouldHaveSingleItem();

        error.Field.ShouldBe("line 2");
        error.Message.ShouldContain("never closed");
    }

    [Fact]
    public void Parse_rejects_text_after_a_closing_quote()
    {
        Invalid("Id,FirstName,LastName,PhotoConsent\r\nP001,\"Jo\"sh,Smith,Y\r\n").ShouldHaveSingleItem().Message.ShouldContain("after a closing quote");
    }

    [Fact]
    public void Write_round_trips_through_parse()
    {
        Pupil[] pupils =
        [
            new("P001", "Mary, Jane", "Smith \"Smithy\"", true),
            new("P002", "Tom", "Ng", false),
        ];

        var csv = RosterCsv.Write(pupils);

        csv.ShouldStartWith("Id,FirstName,LastName,PhotoConsent\r\n");
        csv.ShouldContain("P002,Tom,Ng,N\r\n");
        var roster = Valid(csv);
        roster.Find("P001").ShouldBe(pupils[0]);
        roster.Find("P002").ShouldBe(pupils[1]);
    }
}
