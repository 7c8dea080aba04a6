using SchoolTwitter.Application.Rotation;
using SchoolTwitter.Core.Rotation;
using SchoolTwitter.Testing.Azurite;

namespace SchoolTwitter.Integration.Tests.Rotation;

[Collection(AzuriteCollection.Name)]
public sealed class TermCalendarServiceTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private RotationHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await RotationHarness.StartAsync(azurite, new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero));
        _h.SeedCredentials(_h.X.Credentials, new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Loaded_terms_are_stored_audited_and_used_by_the_daily_check()
    {
        var result = await _h.Terms.PutAsync("""{"terms":[{"name":"Autumn","start":"2026-09-07","end":"2026-12-18"},{"name":"spring","start":"2027-01-05","end":"2027-03-26"},{"name":"summer","start":"2027-04-12","end":"2027-07-21"}]}""", "head@school.example", CancellationToken.None);

        result.IsValid.ShouldBeTrue();
        (await _h.Store.GetTermsAsync(CancellationToken.None)).First().Start.ShouldBe(new DateOnly(2026, 9, 7));
        (await _h.Audit.ReadAllAsync()).ShouldContain(e => e.Action == "terms.loaded" && e.Detail == "2026/27" && e.Actor == "head@school.example");
        _h.Time.SetUtcNow(new DateTimeOffset(2026, 9, 4, 6, 0, 0, TimeSpan.Zero));
        (await _h.Check.RunAsync(CancellationToken.None)).OpenCycleId.ShouldBeNull(); // England's default would have opened on the 2nd
        _h.Time.SetUtcNow(new DateTimeOffset(2026, 9, 7, 6, 0, 0, TimeSpan.Zero));
        (await _h.Check.RunAsync(CancellationToken.None)).OpenCycleId.ShouldBe("2026-27-autumn");
    }

    [Theory]
    [InlineData("not json", "$", "not valid JSON")]
    [InlineData("""{"term":[]}""", "terms", "as an array")]
    [InlineData("""{"terms":[{"name":"winter","start":"2026-09-07","end":"2026-12-18"}]}""", "terms[0].name", "autumn, spring or summer")]
    [InlineData("""{"terms":[{"name":"autumn","start":"07/09/2026","end":"2026-12-18"}]}""", "terms[0].start", "yyyy-MM-dd")]
    [InlineData("""{"terms":[{"name":"autumn","start":"2026-09-07"}]}""", "terms[0].end", "yyyy-MM-dd")]
    [InlineData("""{"terms":[{"name":"autumn","start":"1990-09-07","end":"2026-12-18"}]}""", "terms[0].start", "between the years 2000 and 2100")]
    [InlineData("""{"terms":[{"name":"autumn","start":"2026-09-07","end":"2026-12-18"}]}""", "terms", "spring term of 2026/27 is missing")]
    [InlineData("""{"terms":[{"name":"autumn","start":"2026-09-07","end":"2026-12-18"},{"name":"spring","start":"2026-12-10","end":"2027-03-26"},{"name":"summer","start":"2027-04-12","end":"2027-07-21"}]}""", "terms[1].start", "before the autumn term 2026/27 ends")]
    public async Task Bad_term_dates_are_refused_with_a_reason_and_nothing_stored(string json, string field, string reason)
    {
        var result = await _h.Terms.PutAsync(json, "head@school.example", CancellationToken.None);

        result.IsValid.ShouldBeFalse();
        result.Errors.ShouldContain(e => e.Field == field && e.Message.Contains(reason), string.Join("; ", result.Errors));
        (await _h.Store.GetTermsAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public void A_numeric_term_name_is_not_taken_for_an_enum_value() =>
        TermCalendarService.Parse("""{"terms":[{"name":"1","start":"2026-09-07","end":"2026-12-18"}]}""").Errors.ShouldContain(e => e.Field == "terms[0].name");

    [Fact]
    public void Terms_parse_into_a_calendar() =>
        TermCalendarService.Parse("""{"terms":[{"name":"autumn","start":"2026-09-07","end":"2026-12-18"},{"name":"spring","start":"2027-01-05","end":"2027-03-26"},{"name":"summer","start":"2027-04-12","end":"2027-07-21"}]}""")
            .Value!.Terms.Select(t => t.Name).ShouldBe([TermName.Autumn, TermName.Spring, TermName.Summer]);
}
