using System.Text.Json.Nodes;
using SchoolTwitter.Application.Notifications;

namespace SchoolTwitter.Infrastructure.Notifications;

/// <summary>
/// The Adaptive Card (1.4, which Teams renders on desktop, web and mobile) for one notification: the title, the text, the
/// draft quoted, each finding or step on its own line with its suggestion beneath, the facts, and buttons that open the
/// right place. Every piece of text is a TextRun, which renderers never read as markdown, so a follower's name or a draft
/// cannot turn into a link or formatting. No images, ever.
/// </summary>
internal static class AdaptiveCard
{
    public const string Version = "1.4";

    public static JsonObject Build(Notification n, IReadOnlyList<CardButton> buttons, SltPageLinks links)
    {
        var body = new JsonArray { Rich(Run(n.Title, bold: true, size: "Medium")) };
        foreach (var paragraph in Lines(n.Text)) body.Add(Rich(Run(paragraph)));
        if (!string.IsNullOrWhiteSpace(n.Quote)) body.Add(Quote(n.Quote));
        foreach (var section in n.Sections.Where(s => s.Lines.Count > 0)) body.Add(Section(section, CardButton.Resolve(section.Button, links)));
        if (n.Facts.Count > 0) body.Add(Facts(n.Facts));

        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = Version,
            ["body"] = body,
        };
        if (buttons.Count > 0)
        {
            card["actions"] = new JsonArray(buttons.Select((b, i) => (JsonNode)OpenUrl(b, primary: i == 0)).ToArray());
        }
        return card;
    }

    private static JsonObject OpenUrl(CardButton button, bool primary)
    {
        var action = new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = button.Title, ["url"] = button.Url.AbsoluteUri };
        if (primary) action["style"] = "positive";
        return action;
    }

    /// <summary>The draft as it will appear, line for line, set apart.</summary>
    private static JsonObject Quote(string text)
    {
        var items = new JsonArray { Rich(Run("The tweet", subtle: true, size: "Small")) };
        foreach (var line in Lines(text)) items.Add(Rich(Run(line), spacing: "None"));
        return Container(items, style: "emphasis");
    }

    /// <param name="button">Under the list: where its decisions are made.</param>
    private static JsonObject Section(NotificationSection section, CardButton? button)
    {
        var items = new JsonArray { Rich(Run(section.Heading, bold: true)) };
        for (var i = 0; i < section.Lines.Count; i++)
        {
            var line = section.Lines[i];
            var text = new JsonArray { Rich(Run(line.Text, color: line.Serious ? "Attention" : null, url: CardButton.IsHttpUrl(line.Url) ? line.Url : null)) };
            if (!string.IsNullOrWhiteSpace(line.Detail)) text.Add(Rich(Run(line.Detail, subtle: true), spacing: "None"));
            // A marker column gives each line a hanging indent, so a long finding still reads as one item.
            items.Add(new JsonObject
            {
                ["type"] = "ColumnSet",
                ["spacing"] = "Small",
                ["columns"] = new JsonArray(
                    new JsonObject { ["type"] = "Column", ["width"] = "auto", ["items"] = new JsonArray(Rich(Run(section.Numbered ? $"{i + 1}." : "•"))) },
                    new JsonObject { ["type"] = "Column", ["width"] = "stretch", ["items"] = text }),
            });
        }
        if (button is not null) items.Add(new JsonObject { ["type"] = "ActionSet", ["actions"] = new JsonArray(OpenUrl(button, primary: false)) });
        return Container(items);
    }

    private static JsonObject Facts(IReadOnlyList<KeyValuePair<string, string>> facts)
    {
        var items = new JsonArray();
        foreach (var (title, value) in facts)
        {
            items.Add(Rich([Run(title + ": ", bold: true), Run(value)], spacing: items.Count == 0 ? null : "None"));
        }
        return Container(items);
    }

    private static JsonObject Container(JsonArray items, string? style = null)
    {
        var container = new JsonObject { ["type"] = "Container", ["spacing"] = "Medium", ["items"] = items };
        if (style is not null) container["style"] = style;
        return container;
    }

    private static JsonObject Rich(JsonObject run, string? spacing = null) => Rich([run], spacing);

    private static JsonObject Rich(JsonObject[] runs, string? spacing = null)
    {
        var block = new JsonObject { ["type"] = "RichTextBlock", ["inlines"] = new JsonArray(runs.Cast<JsonNode>().ToArray()) };
        if (spacing is not null) block["spacing"] = spacing;
        return block;
    }

    private static JsonObject Run(string text, bool bold = false, string? size = null, bool subtle = false, string? color = null, string? url = null)
    {
        var run = new JsonObject { ["type"] = "TextRun", ["text"] = text };
        if (bold) run["weight"] = "Bolder";
        if (size is not null) run["size"] = size;
        if (subtle) run["isSubtle"] = true;
        if (color is not null) run["color"] = color;
        if (url is not null) run["selectAction"] = new JsonObject { ["type"] = "Action.OpenUrl", ["url"] = url };
        return run;
    }

    /// <summary>Non-empty lines: a renderer joins the lines of one TextRun into a paragraph.</summary>
    internal static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.TrimEnd('\r')).Where(l => !string.IsNullOrWhiteSpace(l));
}
