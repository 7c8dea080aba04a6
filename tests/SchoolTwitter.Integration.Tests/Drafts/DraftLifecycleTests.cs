using SchoolTwitter.Application.Drafts;

namespace SchoolTwitter.Integration.Tests.Drafts;

public sealed class DraftLifecycleTests
{
    [Theory]
    [InlineData(DraftStatus.Received, DraftStatus.Checking)]
    [InlineData(DraftStatus.Checking, DraftStatus.Scheduled)]
    [InlineData(DraftStatus.Checking, DraftStatus.AwaitingApproval)]
    [InlineData(DraftStatus.Checking, DraftStatus.Blocked)]
    [InlineData(DraftStatus.AwaitingApproval, DraftStatus.Scheduled)]
    [InlineData(DraftStatus.Scheduled, DraftStatus.Publishing)]
    [InlineData(DraftStatus.Publishing, DraftStatus.Published)]
    [InlineData(DraftStatus.Publishing, DraftStatus.NeedsReconciliation)]
    [InlineData(DraftStatus.Publishing, DraftStatus.Scheduled)]
    [InlineData(DraftStatus.NeedsReconciliation, DraftStatus.Published)]
    [InlineData(DraftStatus.Scheduled, DraftStatus.Failed)]
    [InlineData(DraftStatus.Received, DraftStatus.Blocked)]
    [InlineData(DraftStatus.AwaitingApproval, DraftStatus.Blocked)]
    [InlineData(DraftStatus.Scheduled, DraftStatus.Blocked)]
    public void Lifecycle_allows_the_pipeline_moves(DraftStatus from, DraftStatus to) =>
        DraftLifecycle.CanMove(from, to).ShouldBeTrue();

    [Theory]
    [InlineData(DraftStatus.Blocked, DraftStatus.Scheduled)]
    [InlineData(DraftStatus.Blocked, DraftStatus.Publishing)]
    [InlineData(DraftStatus.AwaitingApproval, DraftStatus.Publishing)]
    [InlineData(DraftStatus.Received, DraftStatus.Scheduled)]
    [InlineData(DraftStatus.Received, DraftStatus.Publishing)]
    [InlineData(DraftStatus.Published, DraftStatus.Publishing)]
    [InlineData(DraftStatus.Published, DraftStatus.Failed)]
    [InlineData(DraftStatus.NeedsReconciliation, DraftStatus.Publishing)]
    [InlineData(DraftStatus.NeedsReconciliation, DraftStatus.Scheduled)]
    [InlineData(DraftStatus.Failed, DraftStatus.Scheduled)]
    [InlineData(DraftStatus.Publishing, DraftStatus.Blocked)]
    [InlineData(DraftStatus.Published, DraftStatus.Blocked)]
    public void Lifecycle_refuses_moves_that_skip_the_check_approval_or_reconciliation(DraftStatus from, DraftStatus to)
    {
        DraftLifecycle.CanMove(from, to).ShouldBeFalse();
        Should.Throw<InvalidDraftTransitionException>(() => DraftLifecycle.EnsureAllowed(from, to));
    }

    [Fact]
    public void Published_blocked_and_failed_are_final()
    {
        DraftLifecycle.IsFinal(DraftStatus.Published).ShouldBeTrue();
        DraftLifecycle.IsFinal(DraftStatus.Blocked).ShouldBeTrue();
        DraftLifecycle.IsFinal(DraftStatus.Failed).ShouldBeTrue();
        DraftLifecycle.IsFinal(DraftStatus.NeedsReconciliation).ShouldBeFalse();
    }

    [Fact]
    public void Status_wire_names_round_trip()
    {
        foreach (var status in Enum.GetValues<DraftStatus>())
        {
            DraftStatusNames.FromWire(status.ToWire()).ShouldBe(status);
        }
        DraftStatus.AwaitingApproval.ToWire().ShouldBe("awaiting-approval");
        DraftStatus.NeedsReconciliation.ToWire().ShouldBe("needs-reconciliation");
    }
}
