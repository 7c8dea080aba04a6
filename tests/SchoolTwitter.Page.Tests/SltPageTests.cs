using Microsoft.Playwright;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Infrastructure.Configuration;
using SchoolTwitter.LocalTrial.Trial;
using SchoolTwitter.Testing.FakeX;
using static Microsoft.Playwright.Assertions;

namespace SchoolTwitter.Page.Tests;

/// <summary>The SLT page as a head teacher, a deputy, a business manager and a class teacher use it, in Chromium.</summary>
[Collection(PageCollection.Name)]
public sealed class SltPageTests(PageFixture fixture)
{
    private TrialSchool School => fixture.School;

    private ILocator Card(IPage page, string text) => page.Locator("li.card").Filter(new() { HasText = text });

    [Fact]
    public async Task An_slt_member_approves_another_members_draft_and_sees_it_published()
    {
        var id = await SampleData.SubmitAsync(School.Services, TrialSchool.Deputy, "Year 6 led a thoughtful asembly about kindness this morning.");
        await School.WaitForDraftAsync(id, d => d.Status == DraftStatus.AwaitingApproval);

        await using var head = await fixture.SignInAsync(TrialSchool.Head);
        var card = Card(head.Page, "thoughtful asembly");
        await Expect(card.Locator(".state")).ToHaveTextAsync("Waiting for a second SLT member to approve");
        await Expect(card).ToContainTextAsync("Why it matters: A word may be misspelt");
        await head.ScreenshotAsync("drafts-awaiting-approval");
        await head.ScreenshotAsync("drafts-screen", fullPage: false); // the one in docs/slt-page.png

        await card.GetByRole(AriaRole.Button, new() { Name = "Approve: I accept these warnings" }).ClickAsync();
        (await head.StatusAsync()).ShouldStartWith("Approved.");

        // The loopback host's queue pump publishes it to the fake X; the person refreshes until it says so.
        await School.WaitForDraftAsync(id, d => d.Status == DraftStatus.Published);
        await head.Page.GetByRole(AriaRole.Button, new() { Name = "Refresh the list" }).ClickAsync();
        card = Card(head.Page, "thoughtful asembly");
        await Expect(card.Locator(".state")).ToHaveTextAsync("Posted");
        await Expect(card).ToContainTextAsync("Approved by head@trial-school.example");
        var link = card.GetByRole(AriaRole.Link, new() { Name = "See the tweet on X" });
        (await link.GetAttributeAsync("href")).ShouldStartWith("https://x.com/");
        School.Services.X.LivePosts().ShouldContain(p => p.Text.Contains("thoughtful asembly", StringComparison.Ordinal));
        await head.ScreenshotAsync("drafts-published");
        head.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_slt_member_cannot_approve_their_own_draft()
    {
        var id = await SampleData.SubmitAsync(School.Services, TrialSchool.Deputy, "Our Reception class planted sunflowrs in the garden today.");
        await School.WaitForDraftAsync(id, d => d.Status == DraftStatus.AwaitingApproval);

        await using var deputy = await fixture.SignInAsync(TrialSchool.Deputy);
        var card = Card(deputy.Page, "planted sunflowrs");
        await Expect(card).ToContainTextAsync("You sent this draft, so another member of SLT must approve it.");
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Approve: I accept these warnings" })).ToHaveCountAsync(0);

        // Not just a hidden button: the service refuses it too.
        var (status, body) = await deputy.FetchAsync("POST", $"page/drafts/{id}/approval");
        status.ShouldBe(403);
        body.ShouldContain("another member of SLT must approve it");
        (await School.WaitForDraftAsync(id, _ => true)).Status.ShouldBe(DraftStatus.AwaitingApproval);
    }

    [Fact]
    public async Task Blocking_a_follower_mutes_it_and_shows_the_steps_to_block_and_report_in_x()
    {
        await using var head = await fixture.SignInAsync(TrialSchool.Head);
        await head.OpenAsync("Followers");
        var card = Card(head.Page, "BEST DEALS");
        await Expect(card).ToContainTextAsync("@hot_deals_4u_99881");
        await head.ScreenshotAsync("followers");

        await card.GetByLabel("Block: mute now, then block and report in the X app").CheckAsync();
        await card.GetByLabel("Why? (recorded in the audit log with your name)").FillAsync("Spam account selling followers.");
        await card.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();

        (await head.StatusAsync()).ShouldStartWith("Muted on X.");
        card = Card(head.Page, "BEST DEALS");
        await Expect(card.Locator(".steps")).ToContainTextAsync("choose \"Block @hot_deals_4u_99881\", then confirm.");
        await Expect(card.Locator(".steps")).ToContainTextAsync("Report @hot_deals_4u_99881");
        await Expect(card).ToContainTextAsync("waiting for the monthly check to confirm it no longer follows");
        School.Services.X.MutedUserIds.ShouldContain(SampleData.SpamFollower.Id);
        await head.ScreenshotAsync("followers-blocked");
        head.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Submitted_credentials_are_installed_and_never_shown_again()
    {
        var rotated = FakeXServer.NewCredentials();
        School.Services.X.AcceptCredentials(rotated, School.Services.X.AccountId);
        string[] values = [rotated.ConsumerKey, rotated.ConsumerSecret, rotated.AccessToken, rotated.AccessTokenSecret];

        await using var head = await fixture.SignInAsync(TrialSchool.Head);
        await head.OpenAsync("Credentials");
        await head.Page.GetByLabel("API key", new() { Exact = true }).FillAsync(rotated.ConsumerKey);
        await head.Page.GetByLabel("API key secret", new() { Exact = true }).FillAsync(rotated.ConsumerSecret);
        await head.Page.GetByLabel("Access token", new() { Exact = true }).FillAsync(rotated.AccessToken);
        await head.Page.GetByLabel("Access token secret", new() { Exact = true }).FillAsync(rotated.AccessTokenSecret);
        (await head.Page.GetByLabel("API key", new() { Exact = true }).GetAttributeAsync("type")).ShouldBe("password");
        await head.Page.GetByRole(AriaRole.Button, new() { Name = "Submit the new credentials" }).ClickAsync();

        (await head.StatusAsync()).ShouldStartWith("Done.");
        School.Vault.VersionsOf(SecretNames.AccessToken).Last(v => v.Enabled).Value.ShouldBe(rotated.AccessToken);
        await head.ScreenshotAsync("credentials");

        // Never again: not in the fields, not on the page, not in any answer the browser received (this section or any other).
        foreach (var label in new[] { "API key", "API key secret", "Access token", "Access token secret" })
        {
            (await head.Page.GetByLabel(label, new() { Exact = true }).InputValueAsync()).ShouldBeEmpty();
        }
        await head.OpenAsync("Audit");
        await head.OpenAsync("Credentials");
        var html = await head.Page.ContentAsync();
        var bodies = await head.BodiesAsync();
        foreach (var value in values)
        {
            html.ShouldNotContain(value);
            bodies.ShouldAllBe(b => !b.Contains(value, StringComparison.Ordinal));
        }
        head.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_roster_with_one_bad_line_is_refused_with_that_line_and_nothing_is_replaced()
    {
        await using var head = await fixture.SignInAsync(TrialSchool.Head);
        await head.OpenAsync("Roster");
        var before = await head.Page.Locator(".counts").InnerTextAsync();

        await head.Page.GetByLabel("The MIS export").SetInputFilesAsync(new FilePayload
        {
            Name = "mis-export.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("Id,FirstName,LastName,PhotoConsent\nP101,Ruby,Clarke,yes\nP102,,Ahmed,no\nP103,Finn,Walsh,yes\n"),
        });
        await head.Page.GetByRole(AriaRole.Button, new() { Name = "Upload and replace the roster" }).ClickAsync();

        (await head.StatusAsync()).ShouldStartWith("Nothing was changed");
        await Expect(head.Page.Locator("#roster-outcome")).ToContainTextAsync("Line 3 has an empty FirstName.");
        await head.ScreenshotAsync("roster-refused");
        await head.OpenAsync("Drafts");
        await head.OpenAsync("Roster");
        (await head.Page.Locator(".counts").InnerTextAsync()).ShouldBe(before);
        await Expect(head.Page.Locator(".counts")).ToContainTextAsync("6");
    }

    [Fact]
    public async Task A_staff_list_is_uploaded_in_the_roster_section_and_a_bad_line_replaces_nothing()
    {
        await using var head = await fixture.SignInAsync(TrialSchool.Head);
        await head.OpenAsync("Roster");
        var staff = head.Page.GetByLabel("The staff and governors list");
        var upload = head.Page.GetByRole(AriaRole.Button, new() { Name = "Upload and replace the staff list" });

        await staff.SetInputFilesAsync(Csv("staff.csv", "Title,FirstName,LastName,Role\nMrs,Sarah,Pemberton,Teacher\nMr,Tom,,Coach\n"));
        await upload.ClickAsync();
        (await head.StatusAsync()).ShouldStartWith("Nothing was changed");
        await Expect(head.Page.Locator("#staff-outcome")).ToContainTextAsync("Line 3 has an empty LastName.");

        await staff.SetInputFilesAsync(Csv("staff.csv", "Title,FirstName,LastName,Role\nMrs,Sarah,Pemberton,Teacher\nMr,Tom,Baker,Coach\n"));
        await upload.ClickAsync();
        await Expect(head.Page.Locator("#status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^The staff list now holds 2 adults"));
        var adults = head.Page.Locator(".counts li").Last;
        await Expect(adults).ToContainTextAsync("staff and governors");
        await Expect(adults.Locator("strong")).ToHaveTextAsync("2");
        head.Errors.ShouldBeEmpty();
    }

    private static FilePayload Csv(string name, string text) =>
        new() { Name = name, MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(text) };

    [Fact]
    public async Task A_user_who_is_not_slt_is_refused_everywhere()
    {
        await using var teacher = await fixture.SignInAsync(TrialSchool.Teacher);
        await Expect(teacher.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Only members of the senior leadership team may do this.");
        (await teacher.Page.ContentAsync()).ShouldNotContain("Drafts</a>");

        foreach (var path in new[] { "page/me", "page/drafts", "page/followers", "page/moderation", "page/follow-policy", "page/credentials", "page/roster", "page/members", "page/audit", "page/audit/export", "page/assets/app.js" })
        {
            (await teacher.FetchAsync("GET", path)).Status.ShouldBe(403, path);
        }
        foreach (var (method, path) in new[] { ("POST", "page/drafts/0123456789abcdef0123456789abcdef/approval"), ("POST", "page/drafts/0123456789abcdef0123456789abcdef/cancellation"),
                     ("POST", "page/review/90002/decision"), ("POST", "page/credentials"), ("PUT", "page/roster"), ("PUT", "page/staff"), ("PUT", "page/members/teacher@trial-school.example/agreement"),
                     ("POST", "page/follow-policy"), ("PUT", "page/members/teacher@trial-school.example") })
        {
            (await teacher.FetchAsync(method, path, "{}")).Status.ShouldBe(403, $"{method} {path}");
        }
        await teacher.ScreenshotAsync("refused-not-slt");
    }

    [Fact]
    public async Task A_member_without_a_signed_user_agreement_sees_why_and_cannot_approve()
    {
        var id = await SampleData.SubmitAsync(School.Services, TrialSchool.Head, "The PTA raised a recrod amount at the summer fair.");
        await School.WaitForDraftAsync(id, d => d.Status == DraftStatus.AwaitingApproval);

        await using var manager = await fixture.SignInAsync(TrialSchool.BusinessManager);
        (await manager.StatusAsync()).ShouldContain("no signed Social Media User Agreement on record (council policy 6.1)");
        var card = Card(manager.Page, "recrod amount");
        await Expect(card).ToContainTextAsync("You cannot approve drafts until your signed Social Media User Agreement is recorded.");
        var (status, body) = await manager.FetchAsync("POST", $"page/drafts/{id}/approval");
        status.ShouldBe(403);
        body.ShouldContain("council policy 6.1");
        (await School.WaitForDraftAsync(id, _ => true)).Status.ShouldBe(DraftStatus.AwaitingApproval);
        await manager.OpenAsync("SLT members");
        await Expect(manager.Page.Locator("table")).ToContainTextAsync("Not signed: cannot submit or approve");

        // The head teacher (an SLT manager) records the date; then the business manager can approve.
        await using var head = await fixture.SignInAsync(TrialSchool.Head);
        await head.OpenAsync("SLT members");
        await head.Page.GetByLabel($"Date {TrialSchool.BusinessManager.Name} signed").FillAsync(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await head.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = TrialSchool.BusinessManager.Email }).GetByRole(AriaRole.Button, new() { Name = "Save the date" }).ClickAsync();
        (await head.StatusAsync()).ShouldContain("agreement date is saved");
        await head.ScreenshotAsync("slt-members");

        await manager.Page.ReloadAsync();
        await manager.OpenAsync("Drafts");
        await Card(manager.Page, "recrod amount").GetByRole(AriaRole.Button, new() { Name = "Approve: I accept these warnings" }).ClickAsync();
        (await manager.StatusAsync()).ShouldStartWith("Approved.");
        (await School.WaitForDraftAsync(id, d => d.ApprovedBy is not null)).ApprovedBy.ShouldBe(TrialSchool.BusinessManager.Email);
    }

    [Fact]
    public async Task A_change_without_the_pages_header_or_from_another_site_is_refused()
    {
        var id = await SampleData.SubmitAsync(School.Services, TrialSchool.Deputy, "Our Year 3 choir performd at the care home this week.");
        await School.WaitForDraftAsync(id, d => d.Status == DraftStatus.AwaitingApproval);
        await using var head = await fixture.SignInAsync(TrialSchool.Head);

        // A cross-site form can send the cookie but not the header; a cross-site script is named by Origin and Sec-Fetch-Site.
        var (status, body) = await head.FetchAsync("POST", $"page/drafts/{id}/approval", pageHeader: false);
        status.ShouldBe(403);
        body.ShouldContain("This change must be made from the school");
        var forged = await head.Page.APIRequest.PostAsync($"api/page/drafts/{id}/approval", new()
        {
            Headers = new Dictionary<string, string> { ["X-SchoolTwitter-Page"] = "1", ["Origin"] = "https://attacker.example", ["Sec-Fetch-Site"] = "cross-site" },
        });
        forged.Status.ShouldBe(403);
        (await forged.TextAsync()).ShouldContain("sent from another website");
        (await School.WaitForDraftAsync(id, _ => true)).Status.ShouldBe(DraftStatus.AwaitingApproval);
    }

    [Fact]
    public async Task Every_section_has_no_wcag_2_2_aa_violations_on_a_laptop_and_a_phone()
    {
        var sections = new[] { "Drafts", "Followers", "Replies and mentions", "Follow policy", "Credentials", "Roster", "SLT members", "Audit" };
        var found = new List<string>();
        foreach (var (width, height, device) in new[] { (1280, 900, "laptop"), (390, 844, "phone") })
        {
            await using var head = await fixture.SignInAsync(TrialSchool.Head, width, height);
            foreach (var section in sections)
            {
                await head.OpenAsync(section);
                found.AddRange((await head.AxeViolationsAsync()).Select(v => $"{device} {section}: {v}"));
                await head.ScreenshotAsync($"{device}-{section.ToLowerInvariant().Replace(' ', '-')}");
            }
            head.Errors.ShouldBeEmpty($"console errors on the {device} (a Content-Security-Policy violation is one)");
        }
        found.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_follow_policy_shows_approved_accounts_by_category_and_on_request_those_followed_but_not_approved()
    {
        await using var head = await fixture.SignInAsync(TrialSchool.Head);
        var following = School.Services.X.RequestCount("GET", $"/2/users/{School.Services.X.AccountId}/following");
        await head.OpenAsync("Follow policy");
        await Expect(head.Page.Locator("#section-body")).ToContainTextAsync("Council");
        await Expect(head.Page.GetByRole(AriaRole.Link, new() { Name = "@trialcouncil" })).ToBeVisibleAsync();
        School.Services.X.RequestCount("GET", $"/2/users/{School.Services.X.AccountId}/following").ShouldBe(following, "X bills each account listed: not read on every view");

        await head.Page.GetByRole(AriaRole.Button, new() { Name = "Check the accounts the school follows on X" }).ClickAsync();
        await Expect(head.Page.Locator("#section-body")).ToContainTextAsync("Pizza Palace (@PizzaPalaceDeals)");
        (await head.Page.Locator("#section-body").InnerTextAsync()).ShouldNotContain("Trial Borough Council (@TrialCouncil)");
        await head.ScreenshotAsync("follow-policy");
        head.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_slt_member_cancels_a_scheduled_draft_and_it_is_never_posted()
    {
        var id = await SampleData.SubmitAsync(School.Services, TrialSchool.Deputy, "Parents' evening is on Thursday from 4pm in the school hall.", DateTimeOffset.UtcNow.AddDays(2));
        await School.WaitForDraftAsync(id, d => d.Status == DraftStatus.Scheduled);

        await using var head = await fixture.SignInAsync(TrialSchool.Head);
        var card = Card(head.Page, "Parents' evening is on Thursday");
        await card.GetByRole(AriaRole.Button, new() { Name = "Cancel this draft…" }).ClickAsync();
        await card.GetByLabel("Why are you cancelling it?").FillAsync("The date has changed.");
        await card.GetByRole(AriaRole.Button, new() { Name = "Cancel it: do not post" }).ClickAsync();

        (await head.StatusAsync()).ShouldBe("Cancelled. It will not be posted.");
        await Expect(Card(head.Page, "Parents' evening is on Thursday").Locator(".state")).ToHaveTextAsync("Cancelled");
        (await School.WaitForDraftAsync(id, _ => true)).Status.ShouldBe(DraftStatus.Cancelled);
        School.Services.X.LivePosts().ShouldNotContain(p => p.Text.Contains("Parents' evening", StringComparison.Ordinal));
        head.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_flagged_reply_shows_what_was_hidden_and_a_serious_incident_can_be_noted()
    {
        await using var head = await fixture.SignInAsync(TrialSchool.Head);
        await head.OpenAsync("Replies and mentions");
        var card = Card(head.Page, "what a load of rubbish");
        await Expect(card).ToContainTextAsync("Hidden from the conversation on X. Its author is muted.");
        (await card.GetByRole(AriaRole.Link, new() { Name = "Open the post on X to report it" }).GetAttributeAsync("href")).ShouldStartWith("https://x.com/i/web/status/");

        await card.GetByLabel("Reported to").FillAsync("Police (101)");
        await card.GetByLabel("Their reference (if any)").FillAsync("CAD-1234");
        await card.GetByRole(AriaRole.Button, new() { Name = "Record the report" }).ClickAsync();
        (await head.StatusAsync()).ShouldStartWith("Recorded in the audit log");
        await Expect(Card(head.Page, "what a load of rubbish")).ToContainTextAsync("head@trial-school.example reported it to Police (101) (reference CAD-1234)");
        head.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_page_is_served_with_a_strict_content_security_policy_and_no_caching()
    {
        await using var head = await fixture.SignInAsync(TrialSchool.Head);
        var response = await head.Page.GotoAsync("/api/page");
        var headers = await response!.AllHeadersAsync();
        headers["content-security-policy"].ShouldContain("script-src 'self'");
        headers["content-security-policy"].ShouldContain("frame-ancestors 'none'");
        headers["content-security-policy"].ShouldNotContain("unsafe-inline");
        headers["cache-control"].ShouldBe("no-store");
        headers["x-content-type-options"].ShouldBe("nosniff");
        var html = await response.TextAsync();
        html.ShouldNotContain("<script>");
        html.ShouldNotContain("style=");
        html.ShouldNotContain("//cdn", Case.Insensitive);
    }
}
