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

    [Fact]
    public void Every_function_name_is_unique_and_every_entry_point_is_a_draft_or_other_feature_class()
    {
        _functions.Select(f => f.Name).ShouldBeUnique();
        _functions.ShouldAllBe(f => f.EntryPoint.StartsWith("SchoolTwitter.Functions.", StringComparison.Ordinal));
    }
}
