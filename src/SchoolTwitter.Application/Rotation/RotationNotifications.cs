using System.Globalization;
using SchoolTwitter.Application.Notifications;
using SchoolTwitter.Core.Rotation;

namespace SchoolTwitter.Application.Rotation;

/// <summary>The notifications (Adaptive Cards through <see cref="INotifier"/>) the rotation workflow sends. Never a credential value.</summary>
public static class RotationNotifications
{
    public const string OpenedKind = "rotation.opened";
    public const string ReminderKind = "rotation.reminder";
    public const string EscalatedKind = "rotation.escalated";
    public const string RotatedKind = "rotation.completed";

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>What SLT must do: a password change alone does not end X API access, regenerating the tokens does.</summary>
    public static NotificationSection Checklist { get; } = new("What to do", [
        new("Change the school X account's password (the code of conduct asks for this every term)."),
        new("In the X developer console, regenerate the access token and secret: a password change alone does not end the old tokens."),
        new("Enter the new credentials on the SLT page: they are checked with X before they replace the old ones, and never shown again."),
    ], Numbered: true);

    private static readonly NotificationButton RotateNow = new("Rotate the credentials now", PagePlace.Credentials);

    public static Notification For(RotationAlert alert, string? headTeacher)
    {
        var cycle = alert.Cycle;
        var facts = new List<KeyValuePair<string, string>>
        {
            new("Why", cycle.Reason),
            new("Opened", cycle.OpenedOn.ToString("dddd d MMMM yyyy", EnGb)),
            new("Due by", cycle.DueBy.ToString("dddd d MMMM yyyy", EnGb)),
            new("Days open", alert.Day.ToString(CultureInfo.InvariantCulture)),
        };

        var notification = alert.Kind switch
        {
            AlertKind.Opened => new Notification(OpenedKind, "Time to change the X account's password and tokens", facts),
            AlertKind.Reminder => new Notification(ReminderKind, $"Reminder: the X credentials still need changing (day {alert.Day})", facts),
            _ => new Notification(EscalatedKind, $"Overdue: the X credentials have not been changed after {alert.Day} days", facts,
                Recipient: string.IsNullOrWhiteSpace(headTeacher) ? null : headTeacher,
                Text: "The termly credential change has been open for two weeks without being done. Please ask an SLT member to complete it."),
        };
        return notification with { Subject = cycle.Id, Sections = [Checklist], Buttons = [RotateNow] };
    }

    public static Notification Rotated(RotationCycle cycle, string by, DateTimeOffset expiresOn) =>
        new(RotatedKind, "The X credentials have been changed", [
            new("Changed by", by),
            new("New credentials expire", expiresOn.ToString("d MMMM yyyy", EnGb)),
        ])
        {
            Subject = cycle.Id,
            Buttons = [new("See the credentials", PagePlace.Credentials)],
        };
}
