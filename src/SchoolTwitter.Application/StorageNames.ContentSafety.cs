namespace SchoolTwitter.Application;

public static partial class TableNames
{
    /// <summary>The second check's status per Azure AI endpoint: whether it is down and whether SLT were told (one row each).</summary>
    public const string SecondCheckStatus = "SecondCheckStatus";
}
