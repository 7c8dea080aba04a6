namespace SchoolTwitter.Application.Rotation;

/// <summary>Settings the rotation services read: section "Rotation", and the account id from the X section.</summary>
public sealed class RotationOptions
{
    public const string SectionName = "Rotation";

    /// <summary>The school's X user id (setting X__AccountId): new credentials must belong to it.</summary>
    public string AccountId { get; set; } = "";

    /// <summary>E-mail of the head teacher (setting Rotation__HeadTeacherContact), told when a rotation is 14 days overdue.</summary>
    public string? HeadTeacherContact { get; set; }
}
