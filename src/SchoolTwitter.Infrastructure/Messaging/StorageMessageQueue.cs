using System.Collections.Concurrent;
using Azure.Storage.Queues;
using SchoolTwitter.Application.Messaging;
using SchoolTwitter.Infrastructure.Storage;

namespace SchoolTwitter.Infrastructure.Messaging;

/// <summary>
/// Azure Storage queues. Messages are base64 encoded (host.json queues.messageEncoding = base64; AddInfrastructure configures
/// the QueueServiceClient so) and queue triggers read them;
/// a queue is created the first time it is used; a delay longer than the service's 7-day limit is capped at 7 days
/// (the handler must re-check the due time and send the message again).
/// </summary>
public sealed class StorageMessageQueue(QueueServiceClient queues) : IMessageQueue
{
    public static readonly TimeSpan MaxVisibilityDelay = TimeSpan.FromDays(7);

    // Never expire: a draft scheduled days ahead must still be there when it becomes visible.
    private static readonly TimeSpan NeverExpire = TimeSpan.FromSeconds(-1);

    private readonly ConcurrentDictionary<string, AsyncOnce<QueueClient>> _queues = new(StringComparer.Ordinal);

    public async Task SendAsync(string queueName, string message, TimeSpan? visibleAfter, CancellationToken ct)
    {
        var queue = await _queues.GetOrAdd(queueName, name => new AsyncOnce<QueueClient>(async () =>
        {
            var client = queues.GetQueueClient(name);
            await client.CreateIfNotExistsAsync();
            return client;
        })).GetAsync();

        await queue.SendMessageAsync(message, Cap(visibleAfter), NeverExpire, ct);
    }

    /// <summary>Null or negative means visible at once; anything over 7 days becomes 7 days.</summary>
    public static TimeSpan? Cap(TimeSpan? visibleAfter) =>
        visibleAfter is not { } delay || delay <= TimeSpan.Zero ? null
        : delay > MaxVisibilityDelay ? MaxVisibilityDelay
        : delay;
}
