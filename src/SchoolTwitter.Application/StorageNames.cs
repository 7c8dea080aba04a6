namespace SchoolTwitter.Application;

/// <summary>Queue names (triggers bind to these constants, services send to them). One partial file per feature.</summary>
public static partial class QueueNames
{
    public const string DraftsToCheck = "drafts-to-check";
    public const string DraftsToPublish = "drafts-to-publish";
}

/// <summary>Table names. One partial file per feature.</summary>
public static partial class TableNames
{
    public const string Drafts = "Drafts";
    public const string Pupils = "Pupils";
    public const string AuditLog = "AuditLog";
    public const string SltMembers = "SltMembers";
}

/// <summary>Blob container names.</summary>
public static partial class BlobContainerNames
{
    public const string DraftMedia = "draft-media";
}
