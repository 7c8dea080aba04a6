using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Rotation;
using SchoolTwitter.Core.Rotation;
using SchoolTwitter.Functions.Http;
using SchoolTwitter.Functions.Rotation;

namespace SchoolTwitter.Functions.Page;

/// <summary>
/// Credentials on the SLT page: this term's rotation status and checklist, and the form that submits the new credentials
/// through the same <see cref="CredentialRotationService"/> as the HTTP API. No answer ever carries a credential: the
/// service's messages never quote one, and the page clears the form.
/// </summary>
public sealed class PageCredentials(CredentialStatusService status, CredentialRotationService rotation)
{
    [Function("SltPageCredentials")]
    [SltOnly("credentials.status-refused", "credentials")]
    public async Task<IActionResult> Show(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "page/credentials")] HttpRequest request, CancellationToken ct)
    {
        var s = await status.GetAsync(ct);
        var cycle = s.OpenCycle;
        return PageAnswers.Json(request, new
        {
            Term = s.CurrentTerm is { } t ? $"{t.Name}: {PageAnswers.Day(t.Start)} to {PageAnswers.Day(t.End)}" : "Between terms",
            NextTerm = s.NextTerm is { } n ? $"{n.Name} starts on {PageAnswers.Day(n.Start)}" : null,
            Summary = cycle is null
                ? s.LastRotation is { } last
                    ? $"Done for now: last changed by {last.By} on {PageAnswers.When(last.At)}. The next change is due in {s.DaysUntilDue} days."
                    : $"No change is due yet. The next change is due in {s.DaysUntilDue} days."
                : cycle.DueBy < s.Today
                    ? $"Overdue: the credentials should have been changed by {PageAnswers.Day(cycle.DueBy)}."
                    : $"Due: please change the credentials by {PageAnswers.Day(cycle.DueBy)} ({cycle.DueBy.DayNumber - s.Today.DayNumber} days left).",
            Due = cycle is not null,
            Overdue = cycle is not null && cycle.DueBy < s.Today,
            Why = cycle is null ? null : cycle.Kind == CycleKind.Termly ? "A new term has started: the code of conduct asks for a change every term." : cycle.Reason,
            HeadTeacherTold = cycle?.Escalated ?? false,
            Checklist = new[]
            {
                "Change the school X account's password.",
                "In the X developer console, regenerate the access token and secret (a new password alone does not stop the old ones working).",
                "Enter the four values below and press Submit. They are checked with X first, then stored in the school's key vault. You will not see them here again.",
            },
            Secrets = s.Secrets.Select(x => new
            {
                What = x.Name switch
                {
                    "x-consumer-key" => "API key",
                    "x-consumer-secret" => "API key secret",
                    "x-access-token" => "Access token",
                    "x-access-token-secret" => "Access token secret",
                    _ => x.Name,
                },
                State = x.State switch
                {
                    "ok" => "In date",
                    "expiring" => $"Expires in {x.DaysUntilExpiry} days",
                    "expired" => "Expired",
                    "disabled" => "Turned off",
                    "not-yet-valid" => "Not valid yet",
                    _ => "Missing",
                },
                Changed = PageAnswers.When(x.CreatedOn),
                Expires = PageAnswers.When(x.ExpiresOn),
            }),
            VaultProblem = s.SecretsError is null ? null : "The key vault could not be read just now, so the state of each credential is not shown.",
        });
    }

    [Function("SltPageSubmitCredentials")]
    [SltOnly("credentials.rotation-refused", "credentials")]
    public async Task<IActionResult> Submit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "page/credentials")] HttpRequest request, CancellationToken ct)
    {
        var body = await BoundedBodyReader.ReadAsync(request, SubmitRotatedCredentials.MaxBodyBytes, ct);
        if (body.TooLarge) return PageAnswers.Problem(request, ProblemResults.PayloadTooLarge(SubmitRotatedCredentials.MaxBodyBytes));
        var result = await rotation.SubmitAsync(System.Text.Encoding.UTF8.GetString(body.Bytes ?? []), request.Caller().Id, ct);
        return result.Outcome switch
        {
            RotationOutcome.Rotated => PageAnswers.Json(request, new
            {
                Message = $"Done. X accepted the new credentials and they are stored in the key vault until {PageAnswers.When(result.ExpiresOn)}. The old ones no longer work.",
            }),
            RotationOutcome.Invalid => PageAnswers.Problem(request, ProblemResults.BadRequest(result.Errors)),
            RotationOutcome.Refused => PageAnswers.Problem(request, RotationHttp.Unprocessable(result.Message)),
            RotationOutcome.Conflict => PageAnswers.Problem(request, ProblemResults.Conflict(result.Message)),
            _ => PageAnswers.Problem(request, RotationHttp.Unavailable(result.Message)),
        };
    }
}
