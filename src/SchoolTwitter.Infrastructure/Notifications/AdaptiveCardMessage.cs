using System.Text.Json.Nodes;
using SchoolTwitter.Application.Notifications;

namespace SchoolTwitter.Infrastructure.Notifications;

/// <summary>
/// The webhook body: a Teams-style message carrying an Adaptive Card 1.4 (what Teams Workflows "post card" and Power Automate
/// expect under attachments[0].content), plus top-level kind/recipient/title/text/link/facts so a flow can route an e-mail
/// without parsing the card.
/// </summary>
public static class AdaptiveCardMessage
{
    public const string CardContentType = "application/vnd.microsoft.card.adaptive";

    public static JsonObject Build(Notification n)
    {
        var body = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = n.Title,
                ["weight"] = "Bolder",
                ["size"] = "Medium",
                ["wrap"] = true,
            },
        };

        if (!string.IsNullOrWhiteSpace(n.Text))
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = n.Text, ["wrap"] = true });
        }

        if (n.Facts.Count > 0)
        {
            body.Add(new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray(n.Facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Key, ["value"] = f.Value }).ToArray()),
            });
        }

        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = body,
        };

        if (IsHttpUrl(n.Link))
        {
            card["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open", ["url"] = n.Link });
        }

        return new JsonObject
        {
            ["type"] = "message",
            ["kind"] = n.Kind,
            ["recipient"] = n.Recipient,
            ["title"] = n.Title,
            ["text"] = n.Text,
            ["link"] = n.Link,
            ["facts"] = new JsonArray(n.Facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Key, ["value"] = f.Value }).ToArray()),
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = CardContentType,
                ["contentUrl"] = null,
                ["content"] = card,
            }),
        };
    }

    private static bool IsHttpUrl(string? link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
