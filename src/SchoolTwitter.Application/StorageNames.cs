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
    /// <summary>Which days' audit blobs hold entries about a subject (an index only: the entries live in <see cref="BlobContainerNames.AuditLog"/>).</summary>
    public const string AuditIndex = "AuditIndex";
    public const string SltMembers = "SltMembers";
}

/// <summary>Blob container names.</summary>
public static partial class BlobContainerNames
{
    public const string DraftMedia = "draft-media";

    /// <summary>The audit log: one append blob of JSON lines a day, under a time-based immutability policy (infra/modules/storage.bicep).</summary>
    public const string AuditLog = "audit-log";
}
