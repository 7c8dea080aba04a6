namespace SchoolTwitter.Application;

public static partial class TableNames
{
    /// <summary>The school's term dates as loaded by SLT (PUT /api/terms): partition = X account id, row = term id.</summary>
    public const string Terms = "Terms";

    /// <summary>Rotation state (the open cycle, the claim of a submission in progress, the last rotation) and every cycle's record.</summary>
    public const string RotationCycles = "RotationCycles";
}
