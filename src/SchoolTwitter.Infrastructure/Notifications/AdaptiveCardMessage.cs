using System.Text.Json.Nodes;
using SchoolTwitter.Application.Notifications;

namespace SchoolTwitter.Infrastructure.Notifications;

/// <summary>
/// The webhook body: a Teams-style message carrying the Adaptive Card (what Teams Workflows "post card" and Power Automate
/// expect under attachments[0].content), plus top-level fields a flow routes on without parsing the card: who to tell
/// (recipient, sltChannel), the title, the facts, the page link and a ready-made e-mail (emailHtml). Its shape is
/// docs/notification-trigger.schema.json, the flow's trigger schema.
/// </summary>
public static class AdaptiveCardMessage
{
    public const string CardContentType = "application/vnd.microsoft.card.adaptive";

    public static JsonObject Build(Notification n, SltPageLinks links)
    {
        var buttons = CardButton.Resolve(n.Buttons, links);
        return new JsonObject
        {
            ["type"] = "message",
            ["kind"] = n.Kind,
            ["recipient"] = string.IsNullOrWhiteSpace(n.Recipient) ? null : n.Recipient,
            ["sltChannel"] = n.ForSltChannel,
            ["subject"] = n.Subject,
            ["title"] = n.Title,
            ["text"] = n.Text,
            ["link"] = CardButton.IsHttpUrl(n.Link) ? n.Link : null,
            ["pageUrl"] = buttons.FirstOrDefault(b => b.OnPage)?.Url.AbsoluteUri,
            ["facts"] = new JsonArray(n.Facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Key, ["value"] = f.Value }).ToArray()),
            ["emailHtml"] = NotificationEmail.Html(n, buttons, links),
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = CardContentType,
                ["contentUrl"] = null,
                ["content"] = AdaptiveCard.Build(n, buttons, links),
            }),
        };
    }
}

/// <summary>A notification's button with its address: a place on the SLT page, or an outside http(s) link.</summary>
internal sealed record CardButton(string Title, Uri Url, bool OnPage)
{
    /// <summary>The buttons that have an address; a page button is left out while no page address is known.</summary>
    public static IReadOnlyList<CardButton> Resolve(IReadOnlyList<NotificationButton> buttons, SltPageLinks links) =>
        buttons.Select(b => Resolve(b, links)).OfType<CardButton>().ToList();

    public static CardButton? Resolve(NotificationButton? button, SltPageLinks links) => button switch
    {
        { Place: { } place } => links.For(place) is { } pageUrl ? new(button.Title, pageUrl, OnPage: true) : null,
        { Url: var url } when IsHttpUrl(url) => new(button.Title, new Uri(url!), OnPage: false),
        _ => null,
    };

    public static bool IsHttpUrl(string? link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
