namespace SchoolTwitter.Application;

public static partial class QueueNames
{
    /// <summary>Continues a follower scan from its checkpoint (after a 429, at the reset time; or when an invocation's time budget ran out).</summary>
    public const string FollowerScanContinuations = "follower-scan-continuations";
}

public static partial class TableNames
{
    /// <summary>Known followers: PartitionKey = school account id, RowKey = follower id.</summary>
    public const string Followers = "Followers";

    /// <summary>Scan and mention checkpoints: PartitionKey = school account id, RowKey = checkpoint name.</summary>
    public const string FollowerCheckpoints = "FollowerCheckpoints";

    /// <summary>Accounts and posts awaiting (or given) an SLT decision: PartitionKey = school account id, RowKey = review id.</summary>
    public const string FollowerReview = "FollowerReview";

    /// <summary>Accounts the school may follow: PartitionKey = school account id, RowKey = lower-case handle.</summary>
    public const string ApprovedFollows = "ApprovedFollows";
}
