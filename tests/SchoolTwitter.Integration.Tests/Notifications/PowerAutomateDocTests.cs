using SchoolTwitter.Core.CodeOfConduct.Rules;
using SchoolTwitter.Functions.Drafts;

namespace SchoolTwitter.Integration.Tests.Notifications;

/// <summary>The limits docs/power-automate.md gives the Form and the flow are the service's own, and they fit together.</summary>
public sealed class PowerAutomateDocTests
{
    private const long MiB = 1024 * 1024;

    /// <summary>The flow's check before sending: all photos of one draft together.</summary>
    private const long FlowPhotoTotal = 18 * MiB;

    private static string Doc => File.ReadAllText(Path.Combine(NodeTool.Root, "docs", "power-automate.md"));

    [Fact]
    public void The_photos_the_flow_lets_through_fit_the_service_once_base64_encoded()
    {
        // base64 turns 3 bytes into 4; a draft's text (at most 10,000 characters, JSON-escaped) and names fit in the last MB.
        var encoded = (FlowPhotoTotal + 2) / 3 * 4;
        (encoded + MiB).ShouldBeLessThanOrEqualTo(SubmitDraft.MaxBodyBytes);

        Doc.ShouldContain($"*is greater than* `{FlowPhotoTotal}` (18 MB)");
        Doc.ShouldContain($"must stay under {FlowPhotoTotal / MiB} MB");
        Doc.ShouldContain($"at most {SubmitDraft.MaxBodyBytes / MiB} MB for a whole draft");
    }

    [Fact]
    public void Four_photos_of_the_largest_size_x_takes_fit_the_service_once_base64_encoded()
    {
        // A signed-in SLT member (not only the flow) may send the most X takes: four photos of the largest size.
        var encoded = (MediaRule.MaxImages * MediaRule.MaxImageBytes + 2) / 3 * 4;
        (encoded + MiB).ShouldBeLessThanOrEqualTo(SubmitDraft.MaxBodyBytes);
    }

    [Fact]
    public void The_form_asks_for_what_x_and_the_service_accept()
    {
        Doc.ShouldContain($"Photos (up to {MediaRule.MaxImages}; JPEG, PNG, GIF or WebP; each under {MediaRule.MaxImageBytes / MiB} MB");
        Doc.ShouldContain($"*File number limit* {MediaRule.MaxImages}");
        Doc.ShouldContain($"at most {MediaRule.MaxImageBytes / MiB} MB each (a GIF up to {MediaRule.MaxGifBytes / MiB} MB)");
    }

    [Fact]
    public void The_flow_is_told_the_trigger_schema_and_the_setting_for_the_page_address()
    {
        Doc.ShouldContain("`docs/notification-trigger.schema.json`");
        File.Exists(Path.Combine(NodeTool.Root, "docs", "notification-trigger.schema.json")).ShouldBeTrue();
        Doc.ShouldContain($"`{Application.Notifications.SltPageOptions.SectionName}__{nameof(Application.Notifications.SltPageOptions.PublicBaseUrl)}`");
        Doc.ShouldContain("**Anyone**");
        Doc.ShouldContain("**Configure run after**");
    }
}
