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

    /// <summary>What SLT must do: a password change alone does not end X API access, regenerating the tokens does.</summary>
    public const string Checklist =
        "1. Change the school X account's password (the code of conduct asks for this every term).\n" +
        "2. In the X developer console, regenerate the access token and secret (a password change alone does not end the old tokens).\n" +
        "3. Submit the new credentials to the school's service (POST /api/credentials/rotation): they are checked with X before they are installed in Key Vault.";

    public static Notification For(RotationAlert alert, string? headTeacher)
    {
        var cycle = alert.Cycle;
        var facts = new List<KeyValuePair<string, string>>
        {
            new("Why", cycle.Reason),
            new("Opened", cycle.OpenedOn.ToString("dddd d MMMM yyyy")),
            new("Due by", cycle.DueBy.ToString("dddd d MMMM yyyy")),
            new("Days open", alert.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Cycle", cycle.Id),
        };

        return alert.Kind switch
        {
            AlertKind.Opened => new Notification(OpenedKind, "Time to change the X account's password and tokens", facts, Text: Checklist),
            AlertKind.Reminder => new Notification(ReminderKind, $"Reminder: the X credentials still need changing (day {alert.Day})", facts, Text: Checklist),
            _ => new Notification(EscalatedKind, $"Overdue: the X credentials have not been changed after {alert.Day} days", facts,
                Recipient: string.IsNullOrWhiteSpace(headTeacher) ? null : headTeacher,
                Text: "The termly credential change has been open for two weeks without being done. Please ask an SLT member to complete it.\n\n" + Checklist),
        };
    }

    public static Notification Rotated(RotationCycle cycle, string by, DateTimeOffset expiresOn) =>
        new(RotatedKind, "The X credentials have been changed", [
            new("Changed by", by),
            new("Cycle", cycle.Id),
            new("New credentials expire", expiresOn.ToString("d MMMM yyyy")),
        ]);
}
