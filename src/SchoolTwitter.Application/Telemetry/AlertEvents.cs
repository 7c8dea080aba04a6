using Microsoft.Extensions.Logging;

namespace SchoolTwitter.Application.Telemetry;

/// <summary>
/// The log events the Application Insights alert rules look for (infra/main.bicep <c>alertEvents</c>; docs/infrastructure.md).
/// The Application Insights logger writes an EventId's name to <c>customDimensions.EventName</c>, so these names are a
/// contract with the Bicep: rename one only together with main.bicep. Values are ids and reasons, never secrets.
/// </summary>
public static partial class AlertEvents
{
    /// <summary>The EventId names, exactly as infra/main.bicep lists them.</summary>
    public static class Names
    {
        public const string DraftPublishFailed = "DraftPublishFailed";
        public const string DraftNeedsReconciliation = "DraftNeedsReconciliation";
        public const string RotationCycleOverdue = "RotationCycleOverdue";
        public const string QueueMessagePoisoned = "QueueMessagePoisoned";
        public const string DraftNotificationFailed = "DraftNotificationFailed";
        public const string SecondCheckDown = "SecondCheckDown";
    }

    /// <summary>The numeric EventIds (9100 range: alerting events; distinct from every other logged id).</summary>
    public static class Ids
    {
        public const int DraftPublishFailed = 9101;
        public const int DraftNeedsReconciliation = 9102;
        public const int RotationCycleOverdue = 9103;
        public const int QueueMessagePoisoned = 9104;
        public const int DraftNotificationFailed = 9105;
        public const int SecondCheckDown = 9106;
    }

    public static readonly EventId DraftPublishFailed = new(Ids.DraftPublishFailed, Names.DraftPublishFailed);
    public static readonly EventId DraftNeedsReconciliation = new(Ids.DraftNeedsReconciliation, Names.DraftNeedsReconciliation);
    public static readonly EventId RotationCycleOverdue = new(Ids.RotationCycleOverdue, Names.RotationCycleOverdue);
    public static readonly EventId QueueMessagePoisoned = new(Ids.QueueMessagePoisoned, Names.QueueMessagePoisoned);
    public static readonly EventId DraftNotificationFailed = new(Ids.DraftNotificationFailed, Names.DraftNotificationFailed);
    public static readonly EventId SecondCheckDown = new(Ids.SecondCheckDown, Names.SecondCheckDown);

    /// <summary>Every alerting event.</summary>
    public static IReadOnlyList<EventId> All { get; } =
        [DraftPublishFailed, DraftNeedsReconciliation, RotationCycleOverdue, QueueMessagePoisoned, DraftNotificationFailed, SecondCheckDown];

    /// <summary>A draft was marked failed: it was not posted and a person must re-submit it.</summary>
    [LoggerMessage(EventId = Ids.DraftPublishFailed, EventName = Names.DraftPublishFailed, Level = LogLevel.Error,
        Message = "Draft {DraftId} failed and was not posted: {Reason}")]
    public static partial void LogDraftPublishFailed(this ILogger logger, string draftId, string? reason);

    /// <summary>X may or may not have taken a post and it was not found on the timeline: SLT must check before anything is retried.</summary>
    [LoggerMessage(EventId = Ids.DraftNeedsReconciliation, EventName = Names.DraftNeedsReconciliation, Level = LogLevel.Error,
        Message = "Draft {DraftId} needs a person to reconcile it (X may have posted it): {Reason}")]
    public static partial void LogDraftNeedsReconciliation(this ILogger logger, string draftId, string? reason);

    /// <summary>A credential rotation cycle was escalated: the termly password change is overdue.</summary>
    [LoggerMessage(EventId = Ids.RotationCycleOverdue, EventName = Names.RotationCycleOverdue, Level = LogLevel.Warning,
        Message = "Rotation cycle {CycleId} is overdue: open for {DaysOpen} days")]
    public static partial void LogRotationCycleOverdue(this ILogger logger, string cycleId, int daysOpen);

    /// <summary>
    /// SLT could not be told that a draft needs them (an approval to give, a post to look for): the webhook is down or
    /// refuses. The alert reaches a person another way; the draft sweep sends the notification again.
    /// </summary>
    [LoggerMessage(EventId = Ids.DraftNotificationFailed, EventName = Names.DraftNotificationFailed, Level = LogLevel.Error,
        Message = "SLT could not be told that draft {DraftId} {Need}; the sweep will try again")]
    public static partial void LogDraftNotificationFailed(this ILogger logger, string draftId, string need);

    /// <summary>
    /// The second check (Azure AI) stopped answering, so every draft waits for an SLT member's approval until it answers again.
    /// Logged once per outage, when it is claimed, so council IT hear of it even when the SLT channel is down too. The reason
    /// names the call and its status, never a draft's content.
    /// </summary>
    [LoggerMessage(EventId = Ids.SecondCheckDown, EventName = Names.SecondCheckDown, Level = LogLevel.Error,
        Message = "The second check ({Service}) is down since {DownSince}: {Reason}; every draft waits for SLT approval until it answers")]
    public static partial void LogSecondCheckDown(this ILogger logger, string service, DateTimeOffset downSince, string reason);

    /// <summary>A queue message failed every retry and reached the app's poison handling.</summary>
    [LoggerMessage(EventId = Ids.QueueMessagePoisoned, EventName = Names.QueueMessagePoisoned, Level = LogLevel.Error,
        Message = "A message on {Queue} failed every retry (draft {DraftId}); handling it as poison")]
    public static partial void LogQueueMessagePoisoned(this ILogger logger, string queue, string? draftId);
}
