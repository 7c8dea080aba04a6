namespace SchoolTwitter.Application.Drafts;

/// <summary>
/// The draft state machine: which moves are allowed. Every store update goes through <see cref="EnsureAllowed"/>,
/// so a bug elsewhere cannot, say, move a blocked draft to publishing.
/// </summary>
public static class DraftLifecycle
{
    private static readonly Dictionary<DraftStatus, DraftStatus[]> Moves = new()
    {
        // -> Blocked from before publishing: a protection case holds back a draft picturing a pupil who must no longer be seen.
        [DraftStatus.Received] = [DraftStatus.Checking, DraftStatus.Failed, DraftStatus.Blocked],
        // Checking -> Checking: a redelivered check message resumes a check that crashed half way.
        [DraftStatus.Checking] = [DraftStatus.Checking, DraftStatus.Blocked, DraftStatus.AwaitingApproval, DraftStatus.Scheduled, DraftStatus.Failed],
        // -> Blocked (AwaitingApproval, Scheduled): a protection case holds it back, or (Scheduled) re-checked at its publish time,
        // the draft breaks the code with that day's roster and consent.
        // -> Cancelled: an SLT member withdraws it; the publisher's claim (an ETag move to publishing) and a cancellation cannot both win.
        [DraftStatus.AwaitingApproval] = [DraftStatus.Scheduled, DraftStatus.Failed, DraftStatus.Blocked, DraftStatus.Cancelled],
        [DraftStatus.Scheduled] = [DraftStatus.Publishing, DraftStatus.Blocked, DraftStatus.Failed, DraftStatus.Cancelled],
        // Publishing -> Scheduled: the claim is released when X refused before anything was posted (429, upload error).
        [DraftStatus.Publishing] = [DraftStatus.Published, DraftStatus.NeedsReconciliation, DraftStatus.Scheduled, DraftStatus.Failed],
        [DraftStatus.NeedsReconciliation] = [DraftStatus.Published, DraftStatus.Failed],
        [DraftStatus.Blocked] = [],
        [DraftStatus.Published] = [],
        [DraftStatus.Failed] = [],
        [DraftStatus.Cancelled] = [],
    };

    public static bool CanMove(DraftStatus from, DraftStatus to) => Moves[from].Contains(to);

    public static bool IsFinal(DraftStatus status) => Moves[status].Length == 0;

    public static void EnsureAllowed(DraftStatus from, DraftStatus to)
    {
        if (!CanMove(from, to))
        {
            throw new InvalidDraftTransitionException(from, to);
        }
    }
}

public sealed class InvalidDraftTransitionException(DraftStatus from, DraftStatus to)
    : InvalidOperationException($"A draft cannot move from {from.ToWire()} to {to.ToWire()}.")
{
    public DraftStatus From { get; } = from;
    public DraftStatus To { get; } = to;
}
