using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SchoolTwitter.Application.Followers;

namespace SchoolTwitter.Functions.Followers;

/// <summary>Every 15 minutes by default: flagged mentions to the review list; flagged replies hidden and their authors muted.</summary>
public sealed class InboundModeration(InboundModerationService moderation, ILogger<InboundModeration> logger)
{
    [Function(nameof(InboundModeration))]
    public async Task Run([TimerTrigger("%InboundModerationSchedule%", RunOnStartup = false)] TimerInfo timer, CancellationToken ct)
    {
        var result = await moderation.RunAsync(ct);
        logger.LogInformation("Inbound moderation: {Read} read, {Flagged} flagged, {Hidden} hidden, {Muted} muted, rate limited {RateLimited}",
            result.Read, result.Flagged, result.Hidden, result.Muted, result.RateLimited);
    }
}
