namespace SchoolTwitter.Application.Notifications;

/// <summary>Tells SLT about an outcome (Power Automate or Teams Workflows webhook, as an Adaptive Card). Failures retry inside; they never change what was notified about.</summary>
public interface INotifier
{
    Task NotifyAsync(Notification notification, CancellationToken ct);
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
