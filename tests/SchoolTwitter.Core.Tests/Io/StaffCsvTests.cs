using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Core.Roster;

namespace SchoolTwitter.Core.Tests.Io;

public sealed class StaffCsvTests
{
    private static StaffList Valid(string csv)
    {
        var result = StaffCsv.Parse(csv);
        result.Errors.ShouldBeEmpty();
        return result.Value.ShouldNotBeNull();
    }

    private static IReadOnlyList<InputError> Invalid(string csv)
    {
        var result = StaffCsv.Parse(csv);
        result.IsValid.ShouldBeFalse();
        result.Value.ShouldBeNull();
        return result.Errors.ShouldNotBeNull();
    }

    [Fact]
    public void Parse_reads_staff_and_governors()
    {
        var staff = Valid("Title,FirstName,LastName,Role\r\nMrs,Sarah,Walsh,Year 3 teacher\r\nCllr,,Jones,Chair of governors\r\n");

        staff.Members.ShouldBe([new StaffMember("Mrs", "Sarah", "Walsh", "Year 3 teacher"), new StaffMember("Cllr", "", "Jones", "Chair of governors")]);
    }

    [Fact]
    public void Parse_accepts_the_names_alone_in_any_order_ignoring_extra_columns()
    {
        var staff = Valid("\uFEFFlast name,First Name,Email\nWalsh,Sarah,s.walsh@school.example\n\n\"O'Neill, Jr\",Dave,d@school.example");

        staff.Members.ShouldBe([new StaffMember("", "Sarah", "Walsh", ""), new StaffMember("", "Dave", "O'Neill, Jr", "")]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n")]
    public void Parse_rejects_an_empty_file(string csv)
    {
        Invalid(csv).ShouldHaveSingleItem().Message.ShouldContain("The staff list is empty");
    }

    [Fact]
    public void Parse_rejects_a_header_with_nobody_on_it()
    {
        Invalid("Title,FirstName,LastName,Role\r\n").ShouldHaveSingleItem().Message.ShouldContain("nobody on it");
    }

    [Fact]
    public void Parse_requires_the_name_columns_without_echoing_the_line()
    {
        var error = Invalid("Mrs,Sarah,Walsh\r\n").ShouldHaveSingleItem();

        error.Field.ShouldBe("line 1");
        error.Message.ShouldContain("lacks FirstName, LastName");
        error.Message.ShouldNotContain("Walsh");
    }

    [Theory]
    [InlineData("Mrs,Sarah,,Teacher", "Line 2 has an empty LastName.")]
    [InlineData("Mrs,Sarah,Walsh", "Line 2 has 3 fields but the header has 4")]
    public void Parse_reports_bad_rows_by_line_number_without_names(string row, string message)
    {
        var error = Invalid("Title,FirstName,LastName,Role\r\n" + row + "\r\n").ShouldHaveSingleItem();

        error.Field.ShouldBe("line 2");
        error.Message.ShouldContain(message);
        error.Message.ShouldNotContain("Sarah");
    }

    [Fact]
    public void Write_is_read_back_as_written()
    {
        StaffMember[] members = [new("Dr", "Amir", "Patel", "Governor"), new("", "Mary, Jane", "Lee \"Lee\"", "")];

        Valid(StaffCsv.Write(members)).Members.ShouldBe(members);
    }
}
