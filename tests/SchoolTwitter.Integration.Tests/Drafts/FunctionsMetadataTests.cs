namespace SchoolTwitter.Integration.Tests.Drafts;

/// <summary>The built functions.metadata is the wiring the Functions host will bind: routes, auth levels, queues, schedules.</summary>
public sealed class FunctionsMetadataTests
{
    private readonly IReadOnlyList<FunctionEntry> _functions = FunctionsMetadata.Read();

    private FunctionEntry Function(string name) =>
        _functions.SingleOrDefault(f => f.Name == name).ShouldNotBeNull($"function {name} should be in functions.metadata");

    [Theory]
    [InlineData("CheckDraft", "drafts-to-check")]
    [InlineData("PublishDraft", "drafts-to-publish")]
    [InlineData("CheckDraftPoison", "drafts-to-check-poison")]
    [InlineData("PublishDraftPoison", "drafts-to-publish-poison")]
    [InlineData("FollowerScanContinuation", "follower-scan-continuations")]
    [InlineData("TakeDownContinuation", "protection-takedowns")]
    public void Queue_triggers_bind_their_queues(string name, string queue)
    {
        var function = Function(name);
        function.TriggerType.ShouldBe("queueTrigger");
        function.QueueName.ShouldBe(queue);
    }

    [Theory]
    [InlineData("SubmitDraft", "post", "drafts", "Function")]
    [InlineData("GetDraft", "get", "drafts/{id}", "Function")]
    [InlineData("ApproveDraft", "post", "drafts/{id}/approval", "Function")]
    [InlineData("PutRoster", "put", "roster", "Function")]
    [InlineData("PutTerms", "put", "terms", "Function")]
    [InlineData("SubmitRotatedCredentials", "post", "credentials/rotation", "Function")]
    [InlineData("GetCredentialStatus", "get", "credentials/status", "Function")]
    [InlineData("GetFollowerReview", "get", "followers/review", "Function")]
    [InlineData("DecideFollower", "post", "followers/{id}/decision", "Function")]
    [InlineData("AddApprovedFollow", "post", "follows/approved", "Function")]
    [InlineData("RemoveApprovedFollow", "delete", "follows/approved/{handle}", "Function")]
    [InlineData("MarkPupilMustNotBeSeen", "post", "pupils/{id}/protection", "Function")]
    [InlineData("GetProtectionCase", "get", "protection/{id}", "Function")]
    [InlineData("ListProtectionCases", "get", "protection", "Function")]
    [InlineData("GetHistoryAudit", "get", "history-audit", "Function")]
    [InlineData("ConfirmTakeDown", "post", "protection/{id}/confirmation", "Function")]
    public void Http_triggers_bind_their_routes_methods_and_auth_levels(string name, string method, string route, string authLevel)
    {
        var function = Function(name);
        function.TriggerType.ShouldBe("httpTrigger");
        function.AuthLevel.ShouldBe(authLevel);
        function.Route.ShouldBe(route);
        function.Methods.ShouldBe([method]);
    }

    [Theory]
    [InlineData("WeeklyFollowerScan", "%WeeklyFollowerScanSchedule%")]
    [InlineData("InboundModeration", "%InboundModerationSchedule%")]
    [InlineData("CredentialRotationCheck", "%CredentialRotationSchedule%")]
    [InlineData("SweepDrafts", "%DraftSweepSchedule%")]
    public void Timer_triggers_take_their_schedules_from_settings(string name, string schedule)
    {
        var function = Function(name);
        function.TriggerType.ShouldBe("timerTrigger");
        function.Schedule.ShouldBe(schedule);
    }

    [Fact]
    public void No_http_route_is_anonymous()
    {
        // A missing function key is refused by the host before any code runs; SLT checks come on top.
        _functions.Where(f => f.TriggerType == "httpTrigger").ShouldAllBe(f => f.AuthLevel == "Function");
    }

    [Fact]
    public void Every_timer_schedule_is_a_setting_so_it_changes_without_a_rebuild()
    {
        _functions.Where(f => f.TriggerType == "timerTrigger")
            .ShouldAllBe(f => f.Schedule != null && f.Schedule.StartsWith('%') && f.Schedule.EndsWith('%'));
    }

    [Fact]
    public void Every_function_name_is_unique_and_its_class_is_in_the_functions_project()
    {
        _functions.Select(f => f.Name).ShouldBeUnique();
        _functions.ShouldAllBe(f => f.EntryPoint.StartsWith("SchoolTwitter.Functions.", StringComparison.Ordinal));
    }
}
