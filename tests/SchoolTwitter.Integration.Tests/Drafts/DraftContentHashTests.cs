using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Integration.Tests.Drafts;

public sealed class DraftContentHashTests
{
    private static Draft With(string text, params DraftImage[] images) => new(null, text, "head@school.example", images);

    private static DraftImage Image(byte[] bytes, string? alt = "A picture", bool noPupils = true, params string[] pupils) =>
        new("a.jpg", bytes, alt, pupils, noPupils, true);

    [Fact]
    public void Hash_is_the_same_for_the_same_content_whoever_sends_it_and_whatever_the_client_id()
    {
        var a = With("Sports day is on Friday.", Image([1, 2, 3]));
        var b = a with { Id = "form-response-9", SubmittedBy = "deputy@school.example" };
        DraftContentHash.Compute(a).ShouldBe(DraftContentHash.Compute(b));
    }

    [Fact]
    public void Hash_changes_with_one_image_byte()
    {
        DraftContentHash.Compute(With("Sports day.", Image([1, 2, 3])))
            .ShouldNotBe(DraftContentHash.Compute(With("Sports day.", Image([1, 2, 4]))));
    }

    [Fact]
    public void Hash_changes_with_the_text_the_alt_text_or_who_is_pictured()
    {
        var baseline = DraftContentHash.Compute(With("Sports day.", Image([1])));
        DraftContentHash.Compute(With("Sports day!", Image([1]))).ShouldNotBe(baseline);
        DraftContentHash.Compute(With("Sports day.", Image([1], alt: "Another"))).ShouldNotBe(baseline);
        DraftContentHash.Compute(With("Sports day.", Image([1], alt: null))).ShouldNotBe(baseline);
        DraftContentHash.Compute(With("Sports day.", Image([1], "A picture", false, "P001"))).ShouldNotBe(baseline);
    }

    [Fact]
    public void Hash_cannot_be_fooled_by_moving_bytes_between_text_and_image()
    {
        // Length prefixes keep "ab" + [c] apart from "a" + [b, c].
        DraftContentHash.Compute(With("ab", Image("c"u8.ToArray())))
            .ShouldNotBe(DraftContentHash.Compute(With("a", Image("bc"u8.ToArray()))));
    }
}
