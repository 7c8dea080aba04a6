using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Application.Drafts;

namespace SchoolTwitter.Functions.Drafts;

/// <summary>The draft sweep: sends the publish messages and approval requests a failure left unsent (setting DraftSweepSchedule).</summary>
public sealed class SweepDrafts(DraftSweepService sweep)
{
    [Function(nameof(SweepDrafts))]
    public Task Run([TimerTrigger("%DraftSweepSchedule%", RunOnStartup = false)] TimerInfo timer, CancellationToken ct) => sweep.RunAsync(ct);
}
