using SchoolTwitter.Application.Drafts;

namespace SchoolTwitter.Integration.Tests.Drafts;

/// <summary>Reconciliation recognises the school's post in X's rendering of it, and nothing else.</summary>
public sealed class ReconcileTextTests
{
    [Fact]
    public void Post_text_as_x_returns_it_matches_the_draft()
    {
        var draft = "Fish & chips at the Summer Fair <3 See https://school.example/fair for times.";
        var asX = "Fish &amp; chips at the Summer Fair &lt;3 See https://t.co/AbC123xyz for times.";
        PostMatch.Normalise(asX).ShouldBe(PostMatch.Normalise(draft));
    }

    [Fact]
    public void A_different_post_does_not_match()
    {
        PostMatch.Normalise("Sports day is on Friday.").ShouldNotBe(PostMatch.Normalise("Sports day is on Thursday."));
    }
}
