namespace SchoolTwitter.Application.Messaging;

/// <summary>A work queue (Azure Storage queue in production). Delivery is at least once: handlers must be idempotent.</summary>
public interface IMessageQueue
{
    /// <summary>Sends a message that becomes visible after <paramref name="visibleAfter"/> (at most 7 days ahead).</summary>
    Task SendAsync(string queueName, string message, TimeSpan? visibleAfter, CancellationToken ct);
}
