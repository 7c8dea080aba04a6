using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Application.Page;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.TestHost;

namespace SchoolTwitter.Integration.Tests.Page;

/// <summary>The SLT page's audit search over the real table audit log: by draft, by person, by UK dates.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AuditSearchTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private SchoolTwitterTestHost _host = null!;
    private readonly string _person = $"deputy-{Guid.NewGuid():N}@school.example";
    private readonly string _draft = DraftIds.New();

    // Far in the past so other tests' entries (written now) never fall in these days.
    private static readonly DateTimeOffset Day = new(2019, 3, 12, 9, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        _host = await SchoolTwitterTestHost.StartAsync(azurite);
        var audit = _host.Get<IAuditLog>();
        await audit.AppendAsync(new AuditEntry(Day, _person, "draft.submitted", _draft, "accepted"), CancellationToken.None);
        await audit.AppendAsync(new AuditEntry(Day.AddHours(2), "system", "draft.checked", _draft, "review"), CancellationToken.None);
        await audit.AppendAsync(new AuditEntry(Day.AddDays(1), _person, "follower.kept", "90002", "kept", "A parent"), CancellationToken.None);
        await audit.AppendAsync(new AuditEntry(Day.AddDays(5), _person, "roster.replaced", "roster", "replaced: 6 pupils"), CancellationToken.None);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private AuditSearch Search => new(_host.Get<IAuditLog>(), TimeProvider.System);

    [Fact]
    public async Task By_draft_gives_its_whole_trail_newest_first()
    {
        var result = await Search.SearchAsync(new AuditSearchQuery(_draft.ToUpperInvariant(), null, "2019-03-01", "2019-03-31"), CancellationToken.None);
        result.Errors.ShouldBeEmpty();
        result.Entries.Select(e => e.Action).ShouldBe(["draft.checked", "draft.submitted"]);
    }

    [Fact]
    public async Task By_person_and_days_gives_what_they_did_in_those_uk_days_whatever_the_subject()
    {
        var part = _person[..20];
        var result = await Search.SearchAsync(new AuditSearchQuery(null, part.ToUpperInvariant(), "2019-03-12", "2019-03-13"), CancellationToken.None);
        result.Entries.Select(e => e.Action).ShouldBe(["follower.kept", "draft.submitted"]);
        result.Entries.ShouldAllBe(e => e.Actor == _person);
    }

    [Theory]
    [InlineData("not-a-draft", null, null, "draft")]
    [InlineData(null, "2019-03-13", "2019-03-12", "from")]
    [InlineData(null, "12/03/2019", null, "from")]
    [InlineData(null, "2017-01-01", "2019-03-12", "from")]
    public async Task A_bad_search_is_refused_naming_the_field(string? draft, string? from, string? to, string field)
    {
        var result = await Search.SearchAsync(new AuditSearchQuery(draft, null, from, to), CancellationToken.None);
        result.Errors.ShouldContain(e => e.Field == field);
        result.Entries.ShouldBeEmpty();
    }
}
