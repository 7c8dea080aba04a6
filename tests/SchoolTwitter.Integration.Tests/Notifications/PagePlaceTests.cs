using System.Text;
using System.Text.RegularExpressions;
using SchoolTwitter.Application.Notifications;
using SchoolTwitter.Functions.Page;

namespace SchoolTwitter.Integration.Tests.Notifications;

/// <summary>A card's button lands where it says: every place the cards name is a section the SLT page shows, at the page's route.</summary>
public sealed partial class PagePlaceTests
{
    [Fact]
    public void Every_place_a_card_names_is_a_section_of_the_page()
    {
        var script = Encoding.UTF8.GetString(PageAsset.LoadAll()["app.js"].Bytes);
        var table = script[script.IndexOf("const sections = {", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("};", StringComparison.Ordinal)];
        var shown = SectionKey().Matches(table).Select(m => m.Groups[1].Value).ToHashSet();

        PagePlace.Sections.Select(p => p.Section).ShouldAllBe(section => shown.Contains(section));
    }

    [Fact]
    public void The_links_point_at_the_page_functions_route()
    {
        var route = typeof(PageShell).GetMethods()
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttributes(typeof(Microsoft.Azure.Functions.Worker.HttpTriggerAttribute), false).OfType<Microsoft.Azure.Functions.Worker.HttpTriggerAttribute>().FirstOrDefault())
            .First(a => a?.Route == "page")!.Route;

        SltPageLinks.PagePath.ShouldBe("/api/" + route);
        SltPageLinks.WithBaseUrl("https://school.example").For(PagePlace.Draft("abc"))!.ToString().ShouldBe("https://school.example/api/page#drafts/abc");
    }

    [GeneratedRegex(@"^\s*'?([a-z-]+)'?:\s*\[", RegexOptions.Multiline)]
    private static partial Regex SectionKey();
}
