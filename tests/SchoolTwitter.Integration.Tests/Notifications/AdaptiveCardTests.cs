using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Application.Notifications;
using SchoolTwitter.Infrastructure.Notifications;

namespace SchoolTwitter.Integration.Tests.Notifications;

/// <summary>
/// Every card the application sends, built by its own builders and rendered by the real message builder: parsed and
/// validated by Microsoft's adaptivecards package, in plain words, with buttons that open the right place, and matching
/// the flow's trigger schema.
/// </summary>
public sealed partial class AdaptiveCardTests
{
    /// <summary>The adaptivecards version the coordinator lists in package.json.</summary>
    public const string AdaptiveCardsVersion = "3.0.6";

    /// <summary>The newest Adaptive Card schema Teams renders.</summary>
    public const string TeamsCardVersion = "1.5";

    private static readonly IReadOnlyList<(string Name, JsonObject Message)> Messages =
        CardSamples.All().Select(s => (s.Name, AdaptiveCardMessage.Build(s.Notification, CardSamples.Links))).ToList();

    public static TheoryData<string> SampleNames() => new(Messages.Select(m => m.Name));

    private static JsonObject Message(string name) => Messages.Single(m => m.Name == name).Message;

    private static JsonObject Card(JsonObject message) => message["attachments"]![0]!["content"]!.AsObject();

    [Fact]
    public void Every_kind_the_application_sends_has_a_sample()
    {
        var kinds = CardSamples.KindConstants();
        kinds.Count.ShouldBeGreaterThanOrEqualTo(10);
        Messages.Select(m => m.Message["kind"]!.GetValue<string>()).ToHashSet().SetEquals(kinds)
            .ShouldBeTrue($"samples cover {string.Join(", ", Messages.Select(m => m.Message["kind"]))}; kinds are {string.Join(", ", kinds)}");
    }

    [Fact]
    public void Every_card_parses_and_validates_with_the_adaptivecards_package()
    {
        NodeTool.Require("adaptivecards", AdaptiveCardsVersion);
        var input = Path.Combine(Path.GetTempPath(), $"cards-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(input, new JsonArray(Messages.Select(m => (JsonNode)new JsonObject
            {
                ["name"] = m.Name,
                ["card"] = Card(m.Message).DeepClone(),
            }).ToArray()).ToJsonString());

            var (exit, output, errors) = NodeTool.Run(Path.Combine("tests", "SchoolTwitter.Integration.Tests", "Notifications", "validate-cards.cjs"),
                input, "--max-version", TeamsCardVersion);

            exit.ShouldBe(0, output + errors);
            output.ShouldContain($"{Messages.Count} of {Messages.Count} cards valid");
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public void The_validator_reports_what_the_adaptivecards_package_refuses_or_ignores()
    {
        NodeTool.Require("adaptivecards", AdaptiveCardsVersion);
        var input = Path.Combine(Path.GetTempPath(), $"bad-cards-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(input, """
                [{"name":"bad","card":{"type":"AdaptiveCard","version":"1.4","body":[
                  {"type":"TextBlock","text":"x","style":"heading"},{"type":"TextBlock","text":"y","colour":"red"},{"type":"Carousel"}],
                  "actions":[{"type":"Action.OpenUrl","title":"Open"}]}},
                 {"name":"new","card":{"type":"AdaptiveCard","version":"1.6","body":[{"type":"TextBlock","text":"z"}]}}]
                """);

            var (exit, output, errors) = NodeTool.Run(Path.Combine("tests", "SchoolTwitter.Integration.Tests", "Notifications", "validate-cards.cjs"),
                input, "--max-version", TeamsCardVersion);

            exit.ShouldBe(1, output + errors);
            output.ShouldContain("bad: parse: UnsupportedProperty");        // a 1.5 property in a 1.4 card
            output.ShouldContain("bad: parse: UnknownElementType");
            output.ShouldContain("bad: validate: PropertyCantBeNull");     // a button without its address
            output.ShouldContain("body[1].colour: ignored");
            output.ShouldContain("new: version 1.6 is newer than 1.5");
            output.ShouldContain("0 of 2 cards valid");
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Cards_speak_plain_words_for_a_head_teacher(string name)
    {
        var card = Card(Message(name));
        var shown = ShownText(card);
        var words = string.Join("\n", shown);

        words.ShouldNotContain("/api/");
        words.ShouldNotContain("POST ", Case.Sensitive);
        HexId().IsMatch(words).ShouldBeFalse($"a raw id on the card: {words}");
        foreach (var status in Enum.GetValues<DraftStatus>())
        {
            if (status.ToWire().Contains('-')) words.ShouldNotContain(status.ToWire());
            if (status.ToString().Any(char.IsUpper) && status.ToString().Skip(1).Any(char.IsUpper)) words.ShouldNotContain(status.ToString());
        }
        foreach (var queue in Constants(typeof(QueueNames))) words.ShouldNotContain(queue);
        words.ShouldNotContain(CardSamples.Submitter.Replace("jo_smith", "jo\\_smith"), Case.Sensitive, "no markdown escapes: text runs are plain");

        foreach (var action in Descendants(card).Where(o => o["type"]?.GetValue<string>() == "Action.OpenUrl" && o.ContainsKey("title")))
        {
            var title = action["title"]!.GetValue<string>();
            title.Split(' ').Length.ShouldBeGreaterThanOrEqualTo(2, $"button \"{title}\" should say what it does");
            title.ShouldNotBeOneOf("Open", "Open link", "Link", "Click here", "View");
        }
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Cards_carry_no_pictures_and_no_markdown_text(string name)
    {
        var card = Card(Message(name));
        var types = Descendants(card).Select(o => o["type"]?.GetValue<string>()).Where(t => t is not null).ToList();

        types.ShouldNotContain("Image");
        types.ShouldNotContain("ImageSet");
        types.ShouldNotContain("Media");
        types.ShouldNotContain("TextBlock", "every text is a TextRun, which no renderer reads as markdown");
        Descendants(card).ShouldNotContain(o => o.ContainsKey("backgroundImage") || o.ContainsKey("iconUrl"));
        card.ToJsonString().ShouldNotContain("data:image");
    }

    [Fact]
    public void What_people_typed_stays_plain_text_on_the_card_and_encoded_in_the_email()
    {
        var message = Message("follower.weekly-summary");

        ShownText(Card(message)).ShouldContain("@win_big_4829 (Win [FREE](https://evil.example) _prizes_)");
        Descendants(Card(message)).Where(o => o["type"]?.GetValue<string>() == "Action.OpenUrl")
            .Select(o => o["url"]!.GetValue<string>()).ShouldNotContain("https://evil.example");

        var html = message["emailHtml"]!.GetValue<string>();
        html.ShouldContain("Random *Shop* &lt;b&gt;deals&lt;/b&gt;");
        html.ShouldNotContain("<b>deals");
    }

    [Fact]
    public void Each_finding_is_its_own_line_with_its_suggestion_beneath()
    {
        var card = Card(Message("draft.blocked"));
        var lines = Descendants(card).Where(o => o["type"]?.GetValue<string>() == "ColumnSet").Select(ColumnSetText).ToList();

        lines.ShouldContain(l => l.Text == CardSamples.TextSpeak.Message && l.Detail == "Suggestion: great" && l.Serious);
        lines.ShouldContain(l => l.Text == CardSamples.Named.Message && l.Detail == null && l.Serious);
        lines.ShouldContain(l => l.Text == CardSamples.Spelling.Message && l.Detail == "Suggestion: museum" && !l.Serious);
        lines.Count.ShouldBe(3);
        var shown = ShownText(card);
        shown.IndexOf("What stops it being posted").ShouldBeLessThan(shown.IndexOf("Warnings to check"));
        shown.ShouldContain("Year 4 enjoyed a brilliant trip to the museum today.");
        shown.ShouldContain("Thank you to all the parents who helped! #Trips #Year4", "each line of the tweet on its own");
    }

    [Fact]
    public void Steps_are_numbered_lines()
    {
        var steps = Descendants(Card(Message("rotation.opened"))).Where(o => o["type"]?.GetValue<string>() == "ColumnSet")
            .Select(o => (Marker: ShownText(o["columns"]![0]!.AsObject()).Single(), Text: ColumnSetText(o).Text)).ToList();

        steps.Select(s => s.Marker).ShouldBe(["1.", "2.", "3."]);
        steps[1].Text.ShouldContain("regenerate the access token and secret");
    }

    [Theory]
    [InlineData("draft.blocked", "See the draft", "/api/page#drafts/" + CardSamples.DraftId)]
    [InlineData("draft.awaiting-approval", "Review and approve", "/api/page#drafts/" + CardSamples.DraftId)]
    [InlineData("draft.published", "See the tweet", "https://x.com/i/web/status/1860000000000000001")]
    [InlineData("draft.failed", "See the draft", "/api/page#drafts/" + CardSamples.DraftId)]
    [InlineData("draft.failed (unreadable message)", "See recent drafts", "/api/page#drafts")]
    [InlineData("draft.needs-reconciliation", "See the draft", "/api/page#drafts/" + CardSamples.DraftId)]
    [InlineData("follower.weekly-summary", "Review followers", "/api/page#followers")]
    [InlineData("follower.weekly-summary (quiet week)", "Review followers", "/api/page#followers")]
    [InlineData("rotation.opened", "Rotate the credentials now", "/api/page#credentials")]
    [InlineData("rotation.reminder", "Rotate the credentials now", "/api/page#credentials")]
    [InlineData("rotation.escalated", "Rotate the credentials now", "/api/page#credentials")]
    [InlineData("rotation.completed", "See the credentials", "/api/page#credentials")]
    public void The_first_button_opens_the_right_place(string name, string title, string address)
    {
        var message = Message(name);
        var first = Card(message)["actions"]!.AsArray()[0]!;
        first["type"]!.GetValue<string>().ShouldBe("Action.OpenUrl");
        first["title"]!.GetValue<string>().ShouldBe(title);
        var expected = address.StartsWith('/') ? CardSamples.BaseUrl + address : address;
        first["url"]!.GetValue<string>().ShouldBe(expected);
        first["style"]!.GetValue<string>().ShouldBe("positive");
        if (address.StartsWith('/')) message["pageUrl"]!.GetValue<string>().ShouldBe(expected);
    }

    [Fact]
    public void The_weekly_summary_puts_each_kind_of_decision_under_its_own_heading_with_its_button()
    {
        var card = Card(Message("follower.weekly-summary"));
        card["actions"]!.AsArray().Select(a => (a!["title"]!.GetValue<string>(), a["url"]!.GetValue<string>()))
            .ShouldBe([("Review followers", CardSamples.BaseUrl + "/api/page#followers")], "one button for the whole card: it fits a phone");

        var sections = card["body"]!.AsArray().OfType<JsonObject>().Where(b => b["type"]!.GetValue<string>() == "Container" && b["style"] is null)
            .Select(c => (Heading: ShownText(c)[0],
                Button: Descendants(c).Where(o => o["type"]?.GetValue<string>() == "ActionSet").SelectMany(s => s["actions"]!.AsArray())
                    .Select(a => (a!["title"]!.GetValue<string>(), a["url"]!.GetValue<string>())).SingleOrDefault()))
            .ToList();
        sections.Select(s => s.Heading).ShouldBe([
            "New followers awaiting a decision",
            "Offensive replies and mentions awaiting a decision",
            "Followed but not on the approved list: approve them on the SLT page or unfollow them in the X app",
            "Week of: Monday 30 November 2026",
        ]);
        sections[1].Button.ShouldBe(("Review replies and mentions", CardSamples.BaseUrl + "/api/page#moderation"));
        sections[2].Button.ShouldBe(("Review the follow list", CardSamples.BaseUrl + "/api/page#follow-policy"));

        var shown = ShownText(card);
        shown.ShouldContain("Already hidden, and its author muted. Report it in X.");
        shown.ShouldNotContain(s => s.Contains("idiot"), "offensive words are not repeated on the card");
        var html = Message("follower.weekly-summary")["emailHtml"]!.GetValue<string>();
        html.ShouldContain($"<a href=\"{CardSamples.BaseUrl}/api/page#moderation\">Review replies and mentions</a>");
    }

    [Fact]
    public void Without_a_page_address_the_card_keeps_outside_links_and_drops_page_buttons()
    {
        var none = SltPageLinks.WithBaseUrl(null);
        var published = AdaptiveCardMessage.Build(CardSamples.All().Single(s => s.Name == "draft.published").Notification, none);
        var approval = AdaptiveCardMessage.Build(CardSamples.All().Single(s => s.Name == "draft.awaiting-approval").Notification, none);

        Card(published)["actions"]!.AsArray().ShouldHaveSingleItem()!["title"]!.GetValue<string>().ShouldBe("See the tweet");
        Card(approval).ContainsKey("actions").ShouldBeFalse();
        approval["pageUrl"].ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void The_webhook_body_matches_the_flows_trigger_schema(string name)
    {
        var schema = TriggerSchema.Value;
        using var body = JsonDocument.Parse(Message(name).ToJsonString());

        var result = schema.Evaluate(body.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        result.IsValid.ShouldBeTrue(string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))));
    }

    [Fact]
    public void The_trigger_schema_refuses_a_body_it_does_not_describe()
    {
        var schema = TriggerSchema.Value;
        var body = Message("draft.published").DeepClone().AsObject();
        body["surprise"] = 1;
        body["kind"] = "draft.unknown";
        using var doc = JsonDocument.Parse(body.ToJsonString());

        schema.Evaluate(doc.RootElement).IsValid.ShouldBeFalse();
    }

    [Fact]
    public void Every_kind_is_in_the_trigger_schema_and_in_the_power_automate_outcome_table()
    {
        var kinds = CardSamples.KindConstants();
        var schema = JsonNode.Parse(File.ReadAllText(TriggerSchemaPath))!;
        schema["properties"]!["kind"]!["enum"]!.AsArray().Select(k => k!.GetValue<string>()).ToHashSet().SetEquals(kinds).ShouldBeTrue();

        var table = File.ReadAllLines(Path.Combine(NodeTool.Root, "docs", "power-automate.md")).Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToList();
        foreach (var kind in kinds) table.ShouldContain(l => l.StartsWith($"| `{kind}` |", StringComparison.Ordinal), $"docs/power-automate.md has no row for {kind}");
    }

    [Fact]
    public async Task One_notification_per_event_reaches_both_the_submitter_and_where_needed_the_slt_channel()
    {
        var notifier = new Rotation.RecordingNotifier();
        var outcomes = new DraftOutcomeNotifier(notifier, NullLogger<DraftOutcomeNotifier>.Instance);
        var draft = CardSamples.Draft(DraftStatus.AwaitingApproval, CardSamples.Spelling);

        (await outcomes.AwaitingApprovalAsync(draft, CancellationToken.None)).ShouldBeTrue();
        await outcomes.FailedAsync(draft, CancellationToken.None);
        (await outcomes.NeedsReconciliationAsync(draft, CancellationToken.None)).ShouldBeTrue();
        await outcomes.BlockedAsync(draft, CancellationToken.None);
        await outcomes.PublishedAsync(draft, CancellationToken.None);

        notifier.Sent.Select(s => (s.Notification.Kind, s.Notification.Recipient, s.Notification.ForSltChannel)).ShouldBe([
            (DraftOutcomeNotifier.AwaitingApproval, CardSamples.Submitter, true),
            (DraftOutcomeNotifier.Failed, CardSamples.Submitter, true),
            (DraftOutcomeNotifier.NeedsReconciliation, CardSamples.Submitter, true),
            (DraftOutcomeNotifier.Blocked, CardSamples.Submitter, false),
            (DraftOutcomeNotifier.Published, CardSamples.Submitter, false),
        ]);
        Message("draft.awaiting-approval")["sltChannel"]!.GetValue<bool>().ShouldBeTrue();
        Message("draft.awaiting-approval")["recipient"]!.GetValue<string>().ShouldBe(CardSamples.Submitter);
    }

    [Fact]
    public void A_long_draft_with_many_findings_stays_a_card_teams_accepts()
    {
        var findings = Enumerable.Range(1, 40).Select(i => new Core.CodeOfConduct.Finding("spelling", Core.CodeOfConduct.Severity.Warn, $"Word {i} is not in the word list.", Suggestion: "word")).ToArray();
        var draft = CardSamples.Draft(DraftStatus.AwaitingApproval, findings) with { Text = new string('a', 9000) };

        var message = AdaptiveCardMessage.Build(DraftOutcomeNotifier.ForAwaitingApproval(draft), CardSamples.Links);
        var shown = ShownText(Card(message));

        shown.ShouldContain($"…and {40 - DraftOutcomeNotifier.FindingsListedAtMost} more on the SLT page.");
        shown.ShouldContain(new string('a', DraftOutcomeNotifier.QuotedAtMost) + "…");
        System.Text.Encoding.UTF8.GetByteCount(Card(message).ToJsonString()).ShouldBeLessThan(28 * 1024, "Teams refuses cards over about 28 KB");
    }

    // Built once: the library registers a schema by its address and refuses a second registration.
    private static readonly Lazy<JsonSchema> TriggerSchema = new(() => JsonSchema.FromFile(TriggerSchemaPath));

    private static string TriggerSchemaPath => Path.Combine(NodeTool.Root, "docs", "notification-trigger.schema.json");

    private static IEnumerable<string> Constants(Type type) =>
        type.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!);

    /// <summary>Every object in the card, depth first.</summary>
    private static IEnumerable<JsonObject> Descendants(JsonNode node)
    {
        if (node is JsonObject o)
        {
            yield return o;
            foreach (var child in o.Select(p => p.Value).Where(v => v is not null).SelectMany(v => Descendants(v!))) yield return child;
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a.Where(v => v is not null).SelectMany(v => Descendants(v!))) yield return child;
        }
    }

    /// <summary>What a person reads: each RichTextBlock's runs joined, and each button's title.</summary>
    private static List<string> ShownText(JsonObject card) =>
        Descendants(card).Select(o => o["type"]?.GetValue<string>() switch
        {
            "RichTextBlock" => string.Concat(o["inlines"]!.AsArray().Select(r => r!["text"]!.GetValue<string>())),
            "Action.OpenUrl" when o.ContainsKey("title") => o["title"]!.GetValue<string>(),
            _ => null,
        }).Where(t => t is not null).Select(t => t!).ToList();

    private static (string Text, string? Detail, bool Serious) ColumnSetText(JsonObject columnSet)
    {
        var blocks = columnSet["columns"]![1]!["items"]!.AsArray().Select(b => b!["inlines"]![0]!).ToList();
        return (blocks[0]["text"]!.GetValue<string>(), blocks.Count > 1 ? blocks[1]["text"]!.GetValue<string>() : null,
            blocks[0]["color"]?.GetValue<string>() == "Attention");
    }

    [GeneratedRegex("[0-9a-f]{32}")]
    private static partial Regex HexId();
}
