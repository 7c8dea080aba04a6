using SchoolTwitter.Application.Protection;
using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Core.Roster;

namespace SchoolTwitter.Application.Drafts;

/// <summary>
/// The pipeline's verdict on a draft: the code of conduct with the roster and staff list stored now. Used when a draft is checked and
/// again at its publish time, so a roster or consent change in between is honoured. Fails closed: a draft with pictures is
/// blocked while no roster has been uploaded, because pupils' names and photo consent cannot be checked without it. A pupil SLT
/// marked "must not be seen" counts as without photo consent whatever the MIS export says, so no new post pictures them.
/// </summary>
public sealed class DraftVerdicts(IPupilRosterStore rosters, IStaffListStore staff, CodeOfConductChecker checker, IProtectionCaseStore cases)
{
    public const string NoRosterMessage =
        "No pupil roster has been uploaded, so pupils' names and photo consent cannot be checked in a tweet with pictures. " +
        "Upload the roster from the school's MIS (PUT /api/roster), then submit the draft again.";

    public async Task<Verdict> JudgeAsync(Draft draft, CancellationToken ct)
    {
        var roster = Unseen(await rosters.GetAsync(ct), await cases.ListAsync(ct));
        var verdict = checker.Check(draft, roster, await staff.GetAsync(ct));
        return draft.Images.Count > 0 && roster.Pupils.Count == 0 ? WithNoRoster(verdict) : verdict;
    }

    private static PupilRoster Unseen(PupilRoster roster, IReadOnlyList<ProtectionCase> protectedPupils)
    {
        var unseen = protectedPupils.Where(c => c.Trigger == ProtectionTrigger.MustNotBeSeen).Select(c => c.PupilId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return unseen.Count == 0 || !roster.Pupils.Any(p => p.PhotoConsent && unseen.Contains(p.Id))
            ? roster
            : new PupilRoster(roster.Pupils.Select(p => unseen.Contains(p.Id) ? p with { PhotoConsent = false } : p));
    }

    private static Verdict WithNoRoster(Verdict verdict) =>
        Verdict.From(verdict.Id, verdict.WeightedLength, [new Finding(RuleIds.PupilName, Severity.Block, NoRosterMessage), .. verdict.Findings]);
}
