namespace SchoolTwitter.Application;

public static partial class QueueNames
{
    /// <summary>Carries on a take-down from its stored plan (after a 429, at the reset time; or as the safety net if a run died).</summary>
    public const string TakeDowns = "protection-takedowns";

    /// <summary>Take-down continuations that failed every delivery: SLT are told which posts are still on X.</summary>
    public const string TakeDownsPoison = TakeDowns + "-poison";
}

public static partial class TableNames
{
    /// <summary>Who each published post pictured or named: PartitionKey = "post", RowKey = tweet id.</summary>
    public const string PostRecords = "PostRecords";

    /// <summary>Protection cases and their take-down plans: PartitionKey = case id, RowKey = "case" or "post-{tweet id}".</summary>
    public const string ProtectionCases = "ProtectionCases";
}
