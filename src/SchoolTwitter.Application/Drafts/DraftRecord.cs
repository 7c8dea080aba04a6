using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Application.Drafts;

/// <summary>
/// A draft as the pipeline stores it: what was submitted (image bytes live in the media store), where it is in its
/// lifecycle, and what happened to it. <see cref="Version"/> is the store's concurrency token (an ETag): an update
/// succeeds only if nobody changed the draft since it was read.
/// </summary>
public sealed record DraftRecord
{
    public required string Id { get; init; }

    /// <summary>The caller's own id for the draft (the Form response id), used to recognise a resubmission.</summary>
    public string? ClientId { get; init; }

    public required string Text { get; init; }
    public required string SubmittedBy { get; init; }

    /// <summary>The submitter's Entra object id when known, so four eyes compares people, not addresses.</summary>
    public string? SubmittedByObjectId { get; init; }

    public required IReadOnlyList<DraftImageRecord> Images { get; init; }
    public string? InReplyToTweetId { get; init; }
    public DateTimeOffset? ScheduledFor { get; init; }

    /// <summary>SHA-256 of everything the verdict depends on (see <see cref="DraftContentHash"/>).</summary>
    public required string ContentHash { get; init; }

    public required DraftStatus Status { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public Verdict? Verdict { get; init; }

    /// <summary>The content hash the verdict (and any approval) was given for; publishing refuses anything else.</summary>
    public string? CheckedHash { get; init; }

    public string? ApprovedBy { get; init; }
    public DateTimeOffset? ApprovedAt { get; init; }

    /// <summary>When a publisher claimed the draft; a claim older than the lease is a crashed publisher.</summary>
    public DateTimeOffset? ClaimedAt { get; init; }

    public string? TweetId { get; init; }
    public string? TweetUrl { get; init; }
    public string? FailureReason { get; init; }

    /// <summary>When SLT were told a person must settle whether the post went out (so redeliveries do not repeat it).</summary>
    public DateTimeOffset? SltAlertedAt { get; init; }

    /// <summary>When its drafts-to-publish message was last sent; null while a scheduled draft may have none (the sweep sends it).</summary>
    public DateTimeOffset? PublishQueuedAt { get; init; }

    /// <summary>When the SLT channel was told the draft awaits an approval; null until that was delivered (the sweep retries).</summary>
    public DateTimeOffset? ApprovalRequestedAt { get; init; }

    public string? Version { get; init; }

    /// <summary>The draft the checker sees, with the stored image bytes (in the order of <see cref="Images"/>).</summary>
    public Draft ToDraft(IReadOnlyList<ReadOnlyMemory<byte>> imageBytes)
    {
        var images = Images.Select((image, i) => new DraftImage(
            image.FileName, imageBytes[i], image.AltText, image.PupilsPictured, image.NoPupilsPictured, image.OwnedBySchool)).ToList();
        return new Draft(Id, Text, SubmittedBy, images, InReplyToTweetId, ScheduledFor);
    }
}

/// <summary>An image's declarations; its bytes are in <see cref="IDraftMediaStore"/> under the draft id and index.</summary>
public sealed record DraftImageRecord(
    string FileName,
    string? AltText,
    IReadOnlyList<string> PupilsPictured,
    bool NoPupilsPictured,
    bool OwnedBySchool,
    string MediaType,
    long Length);
