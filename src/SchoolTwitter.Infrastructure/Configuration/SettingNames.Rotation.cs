namespace SchoolTwitter.Infrastructure.Configuration;

public static partial class SettingNames
{
    /// <summary>Six-field NCRONTAB for the daily rotation check; UK local time is decided in code.</summary>
    public const string CredentialRotationSchedule = "CredentialRotationSchedule";

    /// <summary>E-mail of the head teacher, to whom an overdue rotation escalates.</summary>
    public const string HeadTeacherContact = "Rotation__HeadTeacherContact";
}
