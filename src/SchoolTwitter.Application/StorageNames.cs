namespace SchoolTwitter.Application;

/// <summary>Queue names (triggers bind to these constants, services send to them).</summary>
public static class QueueNames
{
    public const string DraftsToCheck = "drafts-to-check";
    public const string DraftsToPublish = "drafts-to-publish";
}

/// <summary>Table names.</summary>
public static class TableNames
{
    public const string Drafts = "Drafts";
    public const string Pupils = "Pupils";
    public const string AuditLog = "AuditLog";
    public const string SltMembers = "SltMembers";
}

/// <summary>Blob container names.</summary>
public static class BlobContainerNames
{
    public const string DraftMedia = "draft-media";
}
