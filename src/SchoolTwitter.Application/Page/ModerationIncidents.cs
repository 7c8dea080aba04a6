using Microsoft.Extensions.Options;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Followers;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Application.Page;

public sealed record IncidentNote(DateTimeOffset At, string By, string Authority, string? Reference, string? Note);

public sealed record IncidentResult(bool Recorded, IReadOnlyList<InputError> Errors, bool NotFound = false);

/// <summary>
/// Where SLT note that a flagged reply or mention was serious enough to report to an outside authority (the police, the
/// local authority's designated officer, CEOP). The audit log is the record: append-only, with who and when, so the note
/// can be read back but never quietly changed.
/// </summary>
public sealed class ModerationIncidents(IFollowerReviewStore review, IAuditLog audit, TimeProvider time, IOptions<FollowerOptions> options)
{
    public const string AuditAction = "moderation.incident-reported";
    public const int AuthorityMaxLength = 200;
    public const int ReferenceMaxLength = 100;
    public const int NoteMaxLength = 2000;

    public async Task<IncidentResult> RecordAsync(Caller caller, string? reviewId, string? authority, string? reference, string? note, CancellationToken ct)
    {
        var errors = new List<InputError>();
        var who = authority?.Trim();
        if (string.IsNullOrEmpty(who)) errors.Add(new("authority", "Say who it was reported to, such as the police or the local authority designated officer."));
        else if (who.Length > AuthorityMaxLength) errors.Add(new("authority", $"Keep who it was reported to under {AuthorityMaxLength} characters."));
        if (reference?.Trim() is { Length: > ReferenceMaxLength }) errors.Add(new("reference", $"Keep the reference under {ReferenceMaxLength} characters."));
        if (note?.Trim() is { Length: > NoteMaxLength }) errors.Add(new("note", $"Keep the note under {NoteMaxLength} characters."));
        if (errors.Count > 0) return new(false, errors);

        var item = string.IsNullOrWhiteSpace(reviewId) ? null : await review.GetAsync(options.Value.AccountId, reviewId, ct);
        if (item is null || item.Kind == ReviewKind.Follower) return new(false, [], NotFound: true);

        var detail = string.Join("\n", new[] { "reported to: " + who, Blank(reference) is { } r ? "reference: " + r : null, Blank(note) }.Where(l => l is not null));
        await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), caller.Id, AuditAction, item.Id, "reported to an outside authority", detail), ct);
        return new(true, []);
    }

    /// <summary>The incidents noted against a flagged post, oldest first.</summary>
    public async Task<IReadOnlyList<IncidentNote>> ListAsync(string reviewId, CancellationToken ct) =>
        [.. (await audit.ReadAsync(reviewId, ct)).Where(e => e.Action == AuditAction).Select(Parse)];

    private static IncidentNote Parse(AuditEntry e)
    {
        var lines = (e.Detail ?? "").Split('\n');
        string? Field(string prefix) => lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..];
        var note = string.Join("\n", lines.Where(l => !l.StartsWith("reported to: ", StringComparison.Ordinal) && !l.StartsWith("reference: ", StringComparison.Ordinal)));
        return new IncidentNote(e.At, e.Actor, Field("reported to: ") ?? "", Field("reference: "), note.Length == 0 ? null : note);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
