using Microsoft.Extensions.Logging;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Application.Security;

public enum SltAgreementOutcome
{
    Recorded,
    NotOnList,
    Invalid,
}

public sealed record SltAgreementResult(SltAgreementOutcome Outcome, SltMember? Member = null, IReadOnlyList<InputError>? Errors = null);

/// <summary>
/// Council policy 6.1: everyone who uses the school's account signs the Social Media User Agreement first. SLT managers (the
/// SLT app role or an SLT group, as for the list itself) record the date each member signed; a member without one may not
/// submit or approve (the HTTP access check and the flow's relay refuse them). Every change is audited.
/// </summary>
public sealed class SltAgreement(ISltMemberList members, IAuditLog audit, TimeProvider time, ILogger<SltAgreement> logger)
{
    public const string AuditAction = "slt.agreement-recorded";

    /// <summary>The plain reason a member without a recorded agreement is refused.</summary>
    public static string MissingReason(string? email) =>
        $"{email ?? "this person"} has no signed Social Media User Agreement on record (council policy 6.1): " +
        "an SLT manager records the date it was signed on the SLT members page before they can submit or approve";

    /// <param name="signedOn">yyyy-MM-dd; empty clears the record (the member withdrew or signed in error).</param>
    public async Task<SltAgreementResult> RecordAsync(Caller manager, string? email, string? signedOn, CancellationToken ct)
    {
        var target = SltMemberEmail.Validate(email);
        if (target is null) return Invalid("email", SltMemberEmail.Problem);

        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(signedOn))
        {
            if (!DateOnly.TryParseExact(signedOn.Trim(), "yyyy-MM-dd", out var parsed))
                return Invalid("signedOn", "Give the date the agreement was signed, such as 2026-09-03.");
            var today = Core.Time.UkTime.Today(time);
            if (parsed > today) return Invalid("signedOn", "The date the agreement was signed cannot be in the future.");
            if (parsed.Year < 2000) return Invalid("signedOn", "The date the agreement was signed is too long ago to be right.");
            date = parsed;
        }

        if (!await members.SetAgreementAsync(target, date, ct)) return new(SltAgreementOutcome.NotOnList);

        await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), manager.Id, AuditAction, target,
            date is null ? "cleared" : "recorded", date is null ? "no agreement on record" : $"signed on {date:yyyy-MM-dd}"), ct);
        logger.LogInformation("SLT agreement for {Member} {Change} by {Actor}", target, date is null ? "cleared" : "recorded", manager.Id);
        return new(SltAgreementOutcome.Recorded, await members.FindAsync(target, ct));
    }

    private static SltAgreementResult Invalid(string field, string message) => new(SltAgreementOutcome.Invalid, Errors: [new InputError(field, message)]);
}
