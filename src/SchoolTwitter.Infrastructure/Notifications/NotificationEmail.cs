using System.Net;
using System.Text;
using SchoolTwitter.Application.Notifications;

namespace SchoolTwitter.Infrastructure.Notifications;

/// <summary>
/// The same notification as a small HTML e-mail body, for a flow that e-mails the recipient (Outlook shows no Adaptive
/// Cards): the flow passes emailHtml to "Send an email (V2)" as it is. Every value is HTML-encoded.
/// </summary>
internal static class NotificationEmail
{
    public static string Html(Notification n, IReadOnlyList<CardButton> buttons, SltPageLinks links)
    {
        var html = new StringBuilder();
        html.Append("<h2>").Append(Encode(n.Title)).Append("</h2>");
        foreach (var paragraph in AdaptiveCard.Lines(n.Text)) html.Append("<p>").Append(Encode(paragraph)).Append("</p>");
        if (!string.IsNullOrWhiteSpace(n.Quote))
        {
            html.Append("<p><em>The tweet:</em></p><blockquote>")
                .AppendJoin("<br>", AdaptiveCard.Lines(n.Quote).Select(Encode))
                .Append("</blockquote>");
        }
        foreach (var section in n.Sections.Where(s => s.Lines.Count > 0))
        {
            var list = section.Numbered ? "ol" : "ul";
            html.Append("<h3>").Append(Encode(section.Heading)).Append("</h3><").Append(list).Append('>');
            foreach (var line in section.Lines)
            {
                html.Append("<li>");
                if (CardButton.IsHttpUrl(line.Url)) html.Append("<a href=\"").Append(Encode(line.Url!)).Append("\">").Append(Encode(line.Text)).Append("</a>");
                else html.Append(Encode(line.Text));
                if (!string.IsNullOrWhiteSpace(line.Detail)) html.Append("<br><small>").Append(Encode(line.Detail)).Append("</small>");
                html.Append("</li>");
            }
            html.Append("</").Append(list).Append('>');
            if (CardButton.Resolve(section.Button, links) is { } button) html.Append("<p>").Append(Link(button)).Append("</p>");
        }
        if (n.Facts.Count > 0)
        {
            html.Append("<table>");
            foreach (var (title, value) in n.Facts)
            {
                html.Append("<tr><th align=\"left\">").Append(Encode(title)).Append("</th><td>").Append(Encode(value)).Append("</td></tr>");
            }
            html.Append("</table>");
        }
        if (buttons.Count > 0)
        {
            html.Append("<p>").AppendJoin(" · ", buttons.Select(Link)).Append("</p>");
        }
        return html.ToString();
    }

    private static string Link(CardButton button) => $"<a href=\"{Encode(button.Url.AbsoluteUri)}\">{Encode(button.Title)}</a>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
