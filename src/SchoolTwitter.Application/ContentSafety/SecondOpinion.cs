using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.ContentSafety;
using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Application.ContentSafety;

/// <summary>
/// The optional second check, after the rules and never instead of them. Fails closed: switched on but unable to answer, it
/// adds a "could not run" warning, so the draft waits for an approver instead of passing on the rules alone.
/// </summary>
public sealed class SecondOpinion(IContentSafety service, SecondCheckOutage outage, IOptions<ContentSafetyOptions> options, ILogger<SecondOpinion> logger)
{
    private readonly SafetyThresholds _thresholds = options.Value.Thresholds();

    public bool IsEnabled => service.IsEnabled;

    /// <summary>The rules' verdict with the service's findings added. A draft the rules already block is not sent anywhere.</summary>
    public async Task<Verdict> AddToAsync(Verdict rules, Draft draft, CancellationToken ct)
    {
        if (!service.IsEnabled || rules.Outcome == VerdictOutcome.Blocked) return rules;

        var findings = await CheckDraftAsync(draft, ct);
        return findings.Count == 0 ? rules : Verdict.From(rules.Id, rules.WeightedLength, [.. rules.Findings, .. findings]);
    }

    public async Task<IReadOnlyList<Finding>> CheckDraftAsync(Draft draft, CancellationToken ct)
    {
        if (!service.IsEnabled) return [];
        try
        {
            var text = string.IsNullOrWhiteSpace(draft.Text) ? new TextSafety([], false) : await service.AnalyseTextAsync(draft.Text, ct);
            var images = new List<ImageSafety>(draft.Images.Count);
            foreach (var image in draft.Images)
            {
                images.Add(await service.AnalyseImageAsync(image.Content, ct));
            }
            if (!string.IsNullOrWhiteSpace(draft.Text) || draft.Images.Count > 0) await outage.AnsweredAsync(ct);
            return SafetyFindings.For(draft, new SafetyAnalysis(text, images), _thresholds);
        }
        catch (ContentSafetyUnavailableException e)
        {
            // The reason names the failure (status, timeout), never the draft's words or pictures.
            logger.LogWarning("The second check could not run for draft {DraftId}: {Reason}; the draft goes to review", draft.Id, e.Reason);
            await outage.FailedAsync(e.Reason, ct);
            return [SafetyFindings.CouldNotRun(e.Reason)];
        }
    }
}
