namespace SchoolTwitter.Integration.Tests.Drafts;

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
    public void Draft_queue_triggers_bind_their_queues(string name, string queue)
    {
        var function = Function(name);
        function.TriggerType.ShouldBe("queueTrigger");
        function.QueueName.ShouldBe(queue);
    }

    [Theory]
    [InlineData("SubmitDraft", "post", "drafts")]
    [InlineData("GetDraft", "get", "drafts/{id}")]
    [InlineData("ApproveDraft", "post", "drafts/{id}/approval")]
    [InlineData("PutRoster", "put", "roster")]
    public void Draft_http_triggers_need_the_function_key_and_bind_their_routes(string name, string method, string route)
    {
        var function = Function(name);
        function.TriggerType.ShouldBe("httpTrigger");
        function.AuthLevel.ShouldBe("Function");
        function.Route.ShouldBe(route);
        function.Methods.ShouldBe([method]);
    }

    [Fact]
    public void No_function_is_anonymous()
    {
        _functions.Where(f => f.TriggerType == "httpTrigger").ShouldAllBe(f => f.AuthLevel != "Anonymous");
    }

    [Fact]
    public void Timer_schedules_come_from_settings_not_literals()
    {
        // Schedules are %Setting% references so council IT can change them without a rebuild (other features add timers).
        _functions.Where(f => f.TriggerType == "timerTrigger").ShouldAllBe(f => f.Schedule != null && f.Schedule.StartsWith('%') && f.Schedule.EndsWith('%'));
    }

    [Fact]
    public void Every_function_name_is_unique_and_every_entry_point_is_a_draft_or_other_feature_class()
    {
        _functions.Select(f => f.Name).ShouldBeUnique();
        _functions.ShouldAllBe(f => f.EntryPoint.StartsWith("SchoolTwitter.Functions.", StringComparison.Ordinal));
    }
}
