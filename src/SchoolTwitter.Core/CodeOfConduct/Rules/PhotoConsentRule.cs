using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Core.CodeOfConduct.Rules;

/// <summary>
/// Only pupils with photo consent may be pictured. Every picture must declare either that no pupils are in it or the
/// roster ids of every pupil in it; a missing or contradictory declaration, an id not on the roster, or a pupil without
/// consent blocks the draft. Messages name pupils by id only, never by name.
/// </summary>
public sealed class PhotoConsentRule : IRule
{
    public string Id => RuleIds.PhotoConsent;

    public void Check(DraftContext draft, List<Finding> findings)
    {
        var images = draft.Draft.Images;
        for (var i = 0; i < images.Count; i++)
        {
            CheckImage(draft, images[i], ImageLabel.Of(images[i], i), findings);
        }
    }

    private void CheckImage(DraftContext draft, DraftImage image, string label, List<Finding> findings)
    {
        var ids = image.PupilsPictured.Select(id => id?.Trim() ?? "").Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (image.NoPupilsPictured && ids.Count > 0)
        {
            findings.Add(new Finding(Id, Severity.Block,
                $"{label} is marked both “no pupils pictured” and as showing {string.Join(", ", ids)}. " +
                "Say which is true: untick “no pupils pictured”, or remove the pupil ids."));
            return;
        }
        if (!image.NoPupilsPictured && ids.Count == 0)
        {
            findings.Add(new Finding(Id, Severity.Block,
                $"{label} does not say who is in it. List the roster id of every pupil pictured, or mark it “no pupils pictured”."));
            return;
        }
        foreach (var id in ids)
        {
            if (id.Length == 0)
            {
                findings.Add(new Finding(Id, Severity.Block, $"{label} lists a blank pupil id. Give the roster id of every pupil pictured."));
                continue;
            }
            var pupil = draft.Roster.Find(id);
            if (pupil is null)
            {
                findings.Add(new Finding(Id, Severity.Block, draft.Roster.Pupils.Count == 0
                    ? $"{label} shows pupil {id}, but no pupil roster was supplied, so photo consent cannot be checked. Check again with the school's roster."
                    : $"{label} shows pupil {id}, who is not on the school roster. Check the id against the roster; photo consent cannot be confirmed."));
            }
            else if (!pupil.PhotoConsent)
            {
                findings.Add(new Finding(Id, Severity.Block,
                    $"{label} shows pupil {pupil.Id}, who does not have photo consent. Use a picture without this pupil, or crop them out."));
            }
        }
    }
}
