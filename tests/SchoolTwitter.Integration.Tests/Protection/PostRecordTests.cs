using SchoolTwitter.Application.Protection;

namespace SchoolTwitter.Integration.Tests.Protection;

/// <summary>How a post record answers "does this post picture or name the pupil?"</summary>
public sealed class PostRecordTests
{
    private static readonly PostRecord Record = new("1", "d", DateTimeOffset.UtcNow, ["P001"], ["P002"], ["Amelia's", "Josh  Smith"]);

    [Theory]
    [InlineData("P003", "Amelia", true)]
    [InlineData("P003", "josh smith", true)]
    [InlineData("P002", "Zara", true)]
    [InlineData("P003", "Zara", false)]
    [InlineData("P003", "Josh", false)]
    public void Named_by_id_or_by_a_name_the_pupil_answers_to(string pupilId, string name, bool named) =>
        Record.Names(pupilId, [name]).ShouldBe(named);

    [Fact]
    public void Pictured_by_the_declared_id_in_any_case()
    {
        Record.Pictures("p001").ShouldBeTrue();
        Record.Pictures("P002").ShouldBeFalse();
    }
}
