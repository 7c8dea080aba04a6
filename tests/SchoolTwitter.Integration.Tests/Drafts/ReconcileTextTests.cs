using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Application.X;

namespace SchoolTwitter.Integration.Tests.Drafts;

/// <summary>Reconciliation recognises the school's post in X's rendering of it, and nothing else.</summary>
public sealed class ReconcileTextTests
{
    private static XPost Post(string text, IReadOnlyList<XUrlEntity>? urls, params string[] mediaKeys) =>
        new("1", text, Urls: urls, MediaKeys: mediaKeys.Length == 0 ? null : mediaKeys);

    private static XUrlEntity Photo(string shortLink) =>
        new(shortLink, "https://x.com/school/status/1/photo/1", "pic.x.com/" + shortLink[13..], "3_9");

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

    [Fact]
    public void The_photo_link_x_appends_is_not_part_of_the_text()
    {
        var post = Post("Our choir sang at the Town Hall. https://t.co/Ph0t0Link1", [Photo("https://t.co/Ph0t0Link1")], "3_9");
        PostMatch.IsRenderingOf(post, "Our choir sang at the Town Hall.", 1).ShouldBeTrue();
    }

    [Fact]
    public void Photos_are_compared_by_count()
    {
        var post = Post("Our choir sang at the Town Hall. https://t.co/Ph0t0Link1", [Photo("https://t.co/Ph0t0Link1")], "3_9");
        PostMatch.IsRenderingOf(post, "Our choir sang at the Town Hall.", 2).ShouldBeFalse();
        PostMatch.IsRenderingOf(Post("Our choir sang at the Town Hall.", []), "Our choir sang at the Town Hall.", 1).ShouldBeFalse();
    }

    [Fact]
    public void A_bare_domain_matches_the_t_co_link_x_wrapped_it_in()
    {
        var post = Post("Tickets at https://t.co/Fa1rL1nk00 now.", [new("https://t.co/Fa1rL1nk00", "http://stjohns.sch.uk/fair", "stjohns.sch.uk/fair", null)]);
        PostMatch.IsRenderingOf(post, "Tickets at stjohns.sch.uk/fair now.", 0).ShouldBeTrue();
    }

    [Fact]
    public void The_same_words_with_a_link_to_somewhere_else_do_not_match()
    {
        var post = Post("Tickets at https://t.co/Fa1rL1nk00 now.", [new("https://t.co/Fa1rL1nk00", "http://stjohns.sch.uk/fete", "stjohns.sch.uk/fete", null)]);
        PostMatch.IsRenderingOf(post, "Tickets at stjohns.sch.uk/fair now.", 0).ShouldBeFalse();
    }
}
