namespace SchoolTwitter.Infrastructure.Notifications;

/// <summary>Bound from the "Notifications" section.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>Notifications__WebhookUrl: a Power Automate "When an HTTP request is received" or Teams Workflows URL. Holds a signature: never logged.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Attempts per notification, the first included.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First back-off delay; doubles each retry (with jitter).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait for one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
