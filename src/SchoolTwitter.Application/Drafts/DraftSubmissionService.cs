using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Messaging;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Application.Drafts;

public enum SubmissionOutcome
{
    Accepted,
    /// <summary>The same draft was submitted before (same client id, or same content within the window): the first one is returned.</summary>
    Duplicate,
    Invalid,
    Forbidden,
}

public sealed record SubmissionResult(SubmissionOutcome Outcome, DraftRecord? Draft, IReadOnlyList<InputError> Errors)
{
    public static SubmissionResult Invalid(IReadOnlyList<InputError> errors) => new(SubmissionOutcome.Invalid, null, errors);
    public static SubmissionResult Forbidden(string reason) => new(SubmissionOutcome.Forbidden, null, [new InputError("submittedBy", reason)]);
}

/// <summary>
/// Accepts a draft from an SLT member: validates its shape, recognises a resubmission, stores the draft and its
/// images, and queues it for checking. Everything accepted is stored before the caller hears "accepted".
/// </summary>
public sealed partial class DraftSubmissionService(
    IDraftStore drafts,
    IDraftMediaStore media,
    IImageSanitiser images,
    IMessageQueue queue,
    IAuditLog audit,
    ISltDirectory slt,
    IOptions<DraftPipelineOptions> options,
    TimeProvider time,
    ILogger<DraftSubmissionService> logger)
{
    /// <summary>
    /// Submits the draft JSON for <paramref name="caller"/>, whom the HTTP access check resolved and admitted: a signed-in
    /// SLT member submits as themselves (any <c>submittedBy</c> is ignored); the school's flow submits for the SLT-list
    /// member its <c>submittedBy</c> names. A bad shape is refused before anyone is looked up; a named person who is not
    /// on the SLT list is refused and audited. Nothing is stored unless all pass.
    /// </summary>
    public async Task<SubmissionResult> SubmitAsync(ReadOnlyMemory<byte> json, Caller caller, CancellationToken ct)
    {
        var parsed = DraftReader.Parse(json.Span);
        if (!parsed.IsValid) return SubmissionResult.Invalid(parsed.Errors);
        var draft = parsed.Value!;
        var errors = Validate(draft);
        if (errors.Count > 0) return SubmissionResult.Invalid(errors);

        var submitter = caller.Kind == CallerKind.Flow ? await slt.RelayAsync(caller, draft.SubmittedBy, ct) : caller;
        if (!submitter.IsSlt)
        {
            logger.LogWarning("Draft submission refused: {Reason}", submitter.Reason);
            await RefuseAsync(submitter.Email ?? draft.SubmittedBy ?? submitter.Id, submitter.Reason, ct);
            return SubmissionResult.Forbidden(submitter.Reason);
        }
        return await AcceptAsync(draft, submitter, ct);
    }

    /// <summary>Validates a parsed draft against the pipeline's own bounds (what storage and X can take).</summary>
    public IReadOnlyList<InputError> Validate(Draft draft)
    {
        var limits = options.Value;
        var errors = new List<InputError>();
        if (string.IsNullOrWhiteSpace(draft.Text))
        {
            errors.Add(new("text", "The draft has no text."));
        }
        else if (draft.Text.Length > limits.MaxTextLength)
        {
            errors.Add(new("text", $"The text is {draft.Text.Length:N0} characters; a draft holds at most {limits.MaxTextLength:N0} (a post, 280)."));
        }
        if (draft.Images.Count > limits.MaxImages)
        {
            errors.Add(new("media", $"A post carries at most {limits.MaxImages} images; this draft has {draft.Images.Count}."));
        }
        if (draft.ScheduledFor is { } due && due > time.GetUtcNow().AddDays(366))
        {
            errors.Add(new("scheduledFor", "A draft can be scheduled at most a year ahead."));
        }
        for (var i = 0; i < draft.Images.Count && i < limits.MaxImages; i++)
        {
            var image = draft.Images[i];
            if (image.Content.IsEmpty)
            {
                errors.Add(new($"media[{i}].contentBase64", "The image is empty."));
            }
            else if (images.Identify(image.Content) is null)
            {
                errors.Add(new($"media[{i}].contentBase64", $"“{image.FileName}” is not a JPEG, PNG, GIF or WebP image."));
            }
            if (image.AltText is { Length: var altLength } && altLength > limits.MaxAltTextLength)
            {
                errors.Add(new($"media[{i}].altText", $"The alt text is {altLength:N0} characters; X allows 1,000."));
            }
            if (image.FileName.Length > 255)
            {
                errors.Add(new($"media[{i}].fileName", "The file name is longer than 255 characters."));
            }
            if (image.PupilsPictured.Count > 100 || image.PupilsPictured.Any(p => p.Length > 64))
            {
                errors.Add(new($"media[{i}].pupilsPictured", "At most 100 pupil ids of at most 64 characters each."));
            }
        }
        if (draft.Id is { Length: > 200 })
        {
            errors.Add(new("id", "The id is longer than 200 characters."));
        }
        return errors;
    }

    /// <summary>Stores a valid draft from an authorised SLT <paramref name="submitterCaller"/> and queues it for checking.</summary>
    public async Task<SubmissionResult> AcceptAsync(Draft draft, Caller submitterCaller, CancellationToken ct)
    {
        var submitter = submitterCaller.Id;
        var now = time.GetUtcNow();
        var window = options.Value.DuplicateWindow;
        var clientKey = draft.Id is { Length: > 0 } clientId ? "client:" + clientId : null;
        var hash = DraftContentHash.Compute(draft);
        var contentKey = "content:" + hash;

        var earlier = await FindEarlierAsync(clientKey, null, now, ct) ?? await FindEarlierAsync(contentKey, window, now, ct);
        if (earlier is not null) return await DuplicateAsync(earlier, submitter, now, ct);

        var record = new DraftRecord
        {
            Id = DraftIds.New(),
            ClientId = draft.Id,
            Text = draft.Text,
            SubmittedBy = submitter,
            SubmittedByObjectId = submitterCaller.ObjectId,
            Images = draft.Images.Select(i => new DraftImageRecord(i.FileName, i.AltText, i.PupilsPictured, i.NoPupilsPictured,
                i.OwnedBySchool, images.Identify(i.Content)?.MediaType ?? "application/octet-stream", i.Content.Length)).ToList(),
            InReplyToTweetId = draft.InReplyToTweetId,
            ScheduledFor = draft.ScheduledFor,
            ContentHash = hash,
            Status = DraftStatus.Received,
            SubmittedAt = now,
            UpdatedAt = now,
        };

        // Images first, then the draft, then the keys: a key never points at a draft whose parts are missing.
        for (var i = 0; i < draft.Images.Count; i++)
        {
            await media.PutAsync(record.Id, i, draft.Images[i].Content, ct);
        }
        record = await drafts.CreateAsync(record, ct);

        foreach (var (key, keyWindow) in new[] { (clientKey, (TimeSpan?)null), (contentKey, window) })
        {
            if (key is null) continue;
            var holder = await drafts.ClaimKeyAsync(key, record.Id, now, keyWindow, ct);
            if (holder != record.Id && await drafts.GetAsync(holder, ct) is { } first)
            {
                // A concurrent submission of the same draft won: withdraw ours (never acknowledged) and answer with theirs.
                await drafts.DeleteAsync(record.Id, ct);
                await media.DeleteAllAsync(record.Id, ct);
                return await DuplicateAsync(first, submitter, now, ct);
            }
        }

        await queue.SendAsync(QueueNames.DraftsToCheck, new DraftMessage(record.Id).Serialize(), null, ct);
        logger.LogInformation("Draft {DraftId} submitted by {Submitter} with {ImageCount} images", record.Id, submitter, record.Images.Count);
        await audit.AppendAsync(DraftAuditActions.Entry(now, submitter, DraftAuditActions.Submitted, record.Id, "accepted",
            Detail(submitterCaller, draft.Id is null ? null : $"client id {draft.Id}")), ct);
        return new SubmissionResult(SubmissionOutcome.Accepted, record, []);
    }

    /// <summary>"submitted by X through the flow" for a flow-relayed submitter, joined to <paramref name="more"/>.</summary>
    private static string? Detail(Caller submitter, string? more) =>
        submitter.Via is { } via ? string.Join("; ", new[] { $"submitted by {submitter.Id} {via}", more }.OfType<string>()) : more;

    /// <summary>Records a refused submission (the person the flow named is not SLT) in the audit log.</summary>
    public Task RefuseAsync(string? claimedSubmitter, string reason, CancellationToken ct) =>
        audit.AppendAsync(DraftAuditActions.Entry(time.GetUtcNow(), string.IsNullOrWhiteSpace(claimedSubmitter) ? "unknown" : claimedSubmitter,
            DraftAuditActions.Refused, "draft", "refused: " + reason), ct);

    private async Task<DraftRecord?> FindEarlierAsync(string? key, TimeSpan? window, DateTimeOffset now, CancellationToken ct)
    {
        if (key is null) return null;
        var id = await drafts.FindByKeyAsync(key, now, window, ct);
        // A key can outlive a draft withdrawn after a lost race: then it names nothing.
        return id is null ? null : await drafts.GetAsync(id, ct);
    }

    private async Task<SubmissionResult> DuplicateAsync(DraftRecord first, string submitter, DateTimeOffset now, CancellationToken ct)
    {
        if (first.Status == DraftStatus.Received)
        {
            // The first submission may have stopped before its check message was sent: send it (checking is idempotent).
            await queue.SendAsync(QueueNames.DraftsToCheck, new DraftMessage(first.Id).Serialize(), null, ct);
        }
        logger.LogInformation("Draft from {Submitter} repeats draft {DraftId}; returning the first", submitter, first.Id);
        await audit.AppendAsync(DraftAuditActions.Entry(now, submitter, DraftAuditActions.Submitted, first.Id, "duplicate: first draft returned"), ct);
        return new SubmissionResult(SubmissionOutcome.Duplicate, first, []);
    }
}
