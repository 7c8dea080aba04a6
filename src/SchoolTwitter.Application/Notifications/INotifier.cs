namespace SchoolTwitter.Application.Notifications;

/// <summary>
/// Tells SLT about an outcome (Power Automate or Teams Workflows webhook, as an Adaptive Card). Transient failures retry
/// inside; a notification that still could not be delivered throws <see cref="NotificationFailedException"/>, so a caller
/// that can send it again later (rotation alerts, approval requests) does. Callers that must not fail catch it.
/// </summary>
public interface INotifier
{
    Task NotifyAsync(Notification notification, CancellationToken ct);
}

/// <summary>A notification was not delivered. The message says why; it never carries the webhook's signed URL.</summary>
public sealed class NotificationFailedException(string kind, string reason)
    : Exception($"Notification {kind} was not delivered: {reason}.")
{
    public string Kind { get; } = kind;
    public string Reason { get; } = reason;
}

/// <summary>
/// One event, told once: in a set-up that posts every card to the SLT channel, each event is one card. Everything shown is
/// plain words for a head teacher (no routes, ids, state or queue names) and never a secret or a picture.
/// </summary>
/// <param name="Kind">Machine-readable kind, e.g. "draft.published", "follower.weekly-summary", "rotation.reminder".</param>
/// <param name="Title">One line for a head teacher.</param>
/// <param name="Facts">Label/value pairs shown in the card.</param>
/// <param name="Recipient">E-mail of the person to tell (the submitter), or null for the SLT channel only.</param>
/// <param name="Link">An optional link for the flow's e-mail (the tweet).</param>
/// <param name="Text">An optional paragraph under the title; each line is shown on its own.</param>
public sealed record Notification(
    string Kind,
    string Title,
    IReadOnlyList<KeyValuePair<string, string>> Facts,
    string? Recipient = null,
    string? Link = null,
    string? Text = null)
{
    /// <summary>The SLT channel hears it too, although it names a <see cref="Recipient"/> (someone other than the submitter must act).</summary>
    public bool AlsoSltChannel { get; init; }

    /// <summary>Whether the SLT channel should see it: always when nobody in particular is named.</summary>
    public bool ForSltChannel => AlsoSltChannel || string.IsNullOrWhiteSpace(Recipient);

    /// <summary>The draft's text as it will appear on X, quoted on the card.</summary>
    public string? Quote { get; init; }

    /// <summary>Headed lists shown one line each: the findings, what to do, the accounts awaiting a decision.</summary>
    public IReadOnlyList<NotificationSection> Sections { get; init; } = [];

    /// <summary>The card's buttons, the one to press first first.</summary>
    public IReadOnlyList<NotificationButton> Buttons { get; init; } = [];

    /// <summary>What it is about, for the flow and the tests (a draft id, a rotation cycle id): in the webhook body, never shown.</summary>
    public string? Subject { get; init; }
}

/// <param name="Heading">Plain words, e.g. "What needs changing".</param>
/// <param name="Numbered">Steps to follow in order rather than a list.</param>
public sealed record NotificationSection(string Heading, IReadOnlyList<NotificationLine> Lines, bool Numbered = false)
{
    /// <summary>A button under the list, to where its decisions are made (the card's own buttons are for the whole event).</summary>
    public NotificationButton? Button { get; init; }
}

/// <param name="Text">The line itself: one finding, one step, one account.</param>
/// <param name="Detail">A second, quieter line: the suggestion for a finding, the reason for an account.</param>
/// <param name="Serious">Shown as needing attention (a finding that stops the draft).</param>
/// <param name="Url">Where the line's text links to (an account's profile).</param>
public sealed record NotificationLine(string Text, string? Detail = null, bool Serious = false, string? Url = null);

/// <summary>A button: a place on the SLT page (<see cref="SltPageLinks"/> makes its address) or an outside link (the tweet).</summary>
/// <param name="Title">Says what pressing it does: "Review and approve", "See the tweet".</param>
public sealed record NotificationButton(string Title, PagePlace? Place = null, string? Url = null);
