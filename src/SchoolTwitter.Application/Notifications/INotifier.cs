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

/// <param name="Kind">Machine-readable kind, e.g. "draft.published", "follower.weekly-summary", "rotation.reminder".</param>
/// <param name="Title">One line for a head teacher.</param>
/// <param name="Facts">Label/value pairs shown in the card.</param>
/// <param name="Recipient">E-mail of the person to tell (the submitter), or null for the SLT channel.</param>
/// <param name="Link">An optional link (tweet, profile, status page).</param>
public sealed record Notification(
    string Kind,
    string Title,
    IReadOnlyList<KeyValuePair<string, string>> Facts,
    string? Recipient = null,
    string? Link = null,
    string? Text = null);
