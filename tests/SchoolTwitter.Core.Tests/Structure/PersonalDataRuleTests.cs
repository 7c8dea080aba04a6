using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.CodeOfConduct.Rules;
using static SchoolTwitter.Core.Tests.Structure.StructureTestKit;

namespace SchoolTwitter.Core.Tests.Structure;

public sealed class PersonalDataRuleTests
{
    private readonly PersonalDataRule _rule = new();

    [Theory]
    [InlineData("Call Mrs Patel on 07700 900123 for tickets.", "07700 900123")]
    [InlineData("Call Mrs Patel on 07700900123 for tickets.", "07700900123")]
    [InlineData("Call Mrs Patel on 07700-900-123 for tickets.", "07700-900-123")]
    [InlineData("Text +44 7700 900123 to volunteer.", "+44 7700 900123")]
    [InlineData("Text +447700900123 to volunteer.", "+447700900123")]
    [InlineData("Text +44 (0)7700 900123 to volunteer.", "+44 (0)7700 900123")]
    [InlineData("Text 0044 7700 900123 to volunteer.", "0044 7700 900123")]
    [InlineData("Ring 01744 123456 after school.", "01744 123456")]
    [InlineData("Ring (01744) 123456 after school.", "(01744) 123456")]
    [InlineData("Ring 020 7946 0000 after school.", "020 7946 0000")]
    [InlineData("Ring 0161 496 0000 after school.", "0161 496 0000")]
    [InlineData("Ring 0300 123 4567 after school.", "0300 123 4567")]
    [InlineData("Ring 016977 4567 after school.", "016977 4567")]
    public void Check_blocks_uk_phone_numbers(string text, string number)
    {
        var finding = Run(_rule, text).ShouldHaveSingleItem();
        finding.Severity.ShouldBe(Severity.Block);
        finding.Rule.ShouldBe(RuleIds.PersonalData);
        finding.Quoted(text).ShouldBe(number);
        finding.Message.ShouldContain("phone number");
    }

    [Theory]
    [InlineData("Email jane.doe@gmail.com with any questions.", "jane.doe@gmail.com")]
    [InlineData("Email j.smith+pta@school-mail.co.uk today.", "j.smith+pta@school-mail.co.uk")]
    public void Check_blocks_personal_email_addresses(string text, string email)
    {
        var finding = Run(_rule, text).ShouldHaveSingleItem();
        finding.Quoted(text).ShouldBe(email);
        finding.Message.ShouldContain("e-mail address");
    }

    [Theory]
    [InlineData("Write to jane.doe (at) gmail (dot) com for details.", "jane.doe (at) gmail (dot) com")]
    [InlineData("Write to jane.doe[at]gmail.com for details.", "jane.doe[at]gmail.com")]
    [InlineData("Write to jane at gmail dot com for details.", "jane at gmail dot com")]
    [InlineData("Write to jane at hotmail dot co dot uk for details.", "jane at hotmail dot co dot uk")]
    public void Check_blocks_email_addresses_spelled_out_in_words(string text, string email) =>
        Run(_rule, text).ShouldHaveSingleItem().Quoted(text).ShouldBe(email);

    [Theory]
    [InlineData("Call 07700.900.123 after six.", "07700.900.123")]
    public void Check_blocks_phone_numbers_written_with_dots(string text, string number) =>
        Run(_rule, text).ShouldHaveSingleItem().Quoted(text).ShouldBe(number);

    [Theory]
    [InlineData("She lives at WA10 1AB near the park.", "WA10 1AB")]
    [InlineData("Drop-off at SW1A 1AA please.", "SW1A 1AA")]
    [InlineData("Our address is M1 1AE.", "M1 1AE")]
    [InlineData("Postcode WA101AB.", "WA101AB")]
    public void Check_blocks_full_postcodes(string text, string postcode) =>
        Run(_rule, text).ShouldHaveSingleItem().Quoted(text).ShouldBe(postcode);

    [Theory]
    [InlineData("Happy birthday to the girl at 12 Acacia Avenue!", "12 Acacia Avenue")]
    [InlineData("The party is at 3 St Mary's Road.", "3 St Mary's Road.")]
    [InlineData("Collect it from 27B High Street today.", "27B High Street")]
    [InlineData("He moved to Flat 3 last week.", "Flat 3")]
    public void Check_blocks_home_addresses(string text, string address) =>
        Run(_rule, text).ShouldHaveSingleItem().Quoted(text).ShouldBe(address);

    [Theory]
    [InlineData("Josh was born on 3/4/2016 in Liverpool.", "born on 3/4/2016")]
    [InlineData("Josh was born on the 3rd of April 2016.", "born on the 3rd of April 2016")]
    [InlineData("Josh was born 3 April 2016.", "born 3 April 2016")]
    [InlineData("Josh was born April 3rd, 2016.", "born April 3rd, 2016")]
    [InlineData("DOB: 03/04/2016", "DOB")]
    [InlineData("Her D.O.B. is on the form.", "D.O.B.")]
    [InlineData("Please send his date of birth.", "date of birth")]
    public void Check_blocks_dates_of_birth(string text, string words) =>
        Run(_rule, text).ShouldHaveSingleItem().Quoted(text).ShouldBe(words);

    [Theory]
    [InlineData("Our school opened in 1998 and celebrates 25 years in 2023.")]
    [InlineData("Doors open at 3:15pm; the concert starts at 09:30 on 01/02/2025.")]
    [InlineData("The match started at 10.30 and we won 3-2!")]
    [InlineData("Year 6 visited Victoria Park with 30 children in the class.")]
    [InlineData("Term dates for 2024/25 and 2025-26 are on the website.")]
    [InlineData("Our Year 6 Victoria Park trip was a success.")]
    [InlineData("We raised £1,250.50 for charity, with 120 cakes sold.")]
    [InlineData("Key Stage 2 SATs week: KS2 5TH place in the quiz.")]
    [InlineData("Questions? Email office@stmarys.sch.uk or see the website.")]
    [InlineData("Class 3 Oak Road Safety week starts Monday.")]
    [InlineData("Dates: 01 02 2024 10 and 0 0 draw.")]
    [InlineData("Our charity number is 1234567 and our DfE number is 342/2019.")]
    [InlineData("Congratulations to @StHelensCouncil on the new library.")]
    [InlineData("The children were born to be stars on stage tonight.")]
    [InlineData("Join us at stmarys.sch.uk for the latest news.")]
    [InlineData("We met at the library (at last!) and had fun.")]
    [InlineData("Dates: 01.02.2024 10.30 start and 0.5 litres each.")]
    [InlineData("")]
    public void Check_passes_ordinary_school_news(string text) => Run(_rule, text).ShouldBeEmpty();

    [Fact]
    public void Check_blocks_two_phone_numbers_written_one_after_the_other()
    {
        const string text = "Ring 01744 123456 07700 900123 tonight.";
        Run(_rule, text).Select(f => f.Quoted(text)).ShouldBe(["01744 123456", "07700 900123"]);
    }

    [Fact]
    public void Check_passes_a_long_reference_number_that_merely_starts_like_a_phone_number() =>
        Run(_rule, "Order reference 0770090012345678901 is confirmed.").ShouldBeEmpty();

    [Fact]
    public void Check_finds_several_kinds_in_one_draft()
    {
        const string text = "Contact Jo on 07700 900123 or jo@gmail.com, 12 Acacia Avenue, WA10 1AB.";
        Run(_rule, text).Select(f => f.Quoted(text)).Order(StringComparer.Ordinal)
            .ShouldBe(new[] { "07700 900123", "12 Acacia Avenue", "WA10 1AB", "jo@gmail.com" }.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Check_passes_the_schools_own_contacts_listed_in_school_contacts_and_still_blocks_others()
    {
        var directory = Directory.CreateTempSubdirectory("school-contacts-");
        try
        {
            File.WriteAllLines(Path.Combine(directory.FullName, "school-contacts.txt"),
                ["# The school office", "+44 (0)1744 123456", "Head.Teacher@StMarys.sch.uk"]);
            var rule = new PersonalDataRule(SchoolTwitter.Core.Lexicons.LexiconSet.Load(directory.FullName));
            const string text = "Call the office on 01744 123456 or email head.teacher@stmarys.sch.uk; Jo is on 07700 900123.";
            Run(rule, text).ShouldHaveSingleItem().Quoted(text).ShouldBe("07700 900123");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Check_handles_50000_characters_without_throwing()
    {
        var text = string.Concat(Enumerable.Repeat("Year 6 won 3-2 at 10:30 on 2024/25. ", 1400))[..50_000];
        Run(_rule, text).ShouldBeEmpty();
    }
}
