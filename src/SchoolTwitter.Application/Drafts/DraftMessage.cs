using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using SchoolTwitter.Application.X;

namespace SchoolTwitter.Application.Drafts;

/// <summary>The body of a drafts-to-check / drafts-to-publish message: just the draft id; the table holds the truth.</summary>
public sealed record DraftMessage([property: JsonPropertyName("draftId")] string DraftId)
{
    public string Serialize() => JsonSerializer.Serialize(this);

    /// <summary>Reads a message; null when it is not one of ours (a poison candidate with nothing to mark).</summary>
    public static DraftMessage? TryParse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            var message = JsonSerializer.Deserialize<DraftMessage>(body);
            return string.IsNullOrWhiteSpace(message?.DraftId) ? null : message;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// Work that cannot proceed yet (X rate limit, a publisher still holding its claim). The queue trigger re-enqueues the
/// message to become visible after <see cref="Delay"/> rather than sleeping or burning the message's retries.
/// </summary>
public sealed class DraftRetryLaterException(string draftId, TimeSpan delay, string reason)
    : Exception($"Draft {draftId}: {reason}; retry in {delay}.")
{
    public string DraftId { get; } = draftId;
    public TimeSpan Delay { get; } = delay;
    public string Reason { get; } = reason;

    /// <summary>Resume a second after X's rate-limit window resets (never sleep in the function).</summary>
    public static DraftRetryLaterException After(string draftId, XRateLimitedException limited, TimeProvider time, ILogger logger)
    {
        var wait = limited.ResetAt - time.GetUtcNow();
        if (wait < TimeSpan.FromSeconds(1)) wait = TimeSpan.FromSeconds(1);
        logger.LogWarning("X rate limit reached for draft {DraftId}; retrying at {ResetAt}", draftId, limited.ResetAt);
        return new DraftRetryLaterException(draftId, wait + TimeSpan.FromSeconds(1), "X rate limit reached");
    }
}
