using SchoolTwitter.Functions.Http;
using SchoolTwitter.Functions.Page;

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
    [InlineData("PutStaff", "put", "staff", "Function")]
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
    [InlineData("RetryProtectionAlerts", "%DraftSweepSchedule%")]
    public void Timer_triggers_take_their_schedules_from_settings(string name, string schedule)
    {
        var function = Function(name);
        function.TriggerType.ShouldBe("timerTrigger");
        function.Schedule.ShouldBe(schedule);
    }

    [Fact]
    public void No_http_route_is_anonymous_except_the_slt_pages()
    {
        // A missing function key is refused by the host before any code runs; SLT checks come on top.
        _functions.Where(f => f.TriggerType == "httpTrigger" && !IsPage(f)).ShouldAllBe(f => f.AuthLevel == "Function");
        // A browser holds no function key: the SLT page (issue 11) is signed in by App Service Authentication and admitted
        // by HttpAccessMiddleware to signed-in SLT only, never to the flow; its changes also need its anti-forgery header.
        var page = _functions.Where(IsPage).ToList();
        page.ShouldNotBeEmpty();
        page.ShouldAllBe(f => f.AuthLevel == "Anonymous" && f.Route!.StartsWith("page", StringComparison.Ordinal));
        foreach (var f in page)
        {
            (HttpAccessMiddleware.RuleFor(f.EntryPoint) is SltOnlyAttribute or SltManagersOnlyAttribute).ShouldBeTrue($"{f.Name} is for signed-in SLT only");
        }
    }

    private static bool IsPage(FunctionEntry f) => f.EntryPoint.StartsWith(CrossSiteRequestGuard.PageNamespace, StringComparison.Ordinal);

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
