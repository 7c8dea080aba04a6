namespace SchoolTwitter.Application;

public static partial class QueueNames
{
    /// <summary>Where the Functions host moves a drafts-to-check message after maxDequeueCount failures.</summary>
    public const string DraftsToCheckPoison = DraftsToCheck + "-poison";

    /// <summary>Where the Functions host moves a drafts-to-publish message after maxDequeueCount failures.</summary>
    public const string DraftsToPublishPoison = DraftsToPublish + "-poison";
}
