using System.Reflection;
using SchoolTwitter.Application;
using SchoolTwitter.Infra.Tests.Support;

namespace SchoolTwitter.Infra.Tests;

/// <summary>The storage the code names exists, and the alert rules watch the events the code logs.</summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class StorageAndAlertsTests(CompiledInfra infra)
{
    private static List<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

    private List<string> StringArray(string variable) =>
        infra.Main.Variable(variable)!.AsArray().Select(v => v!.GetValue<string>()).ToList();

    [Fact]
    public void Every_queue_the_code_names_is_provisioned()
    {
        StringArray("queueNames").ShouldBe(Constants(typeof(QueueNames)), ignoreOrder: true);
        infra.Main.Resource("storage")["properties.parameters.queueNames.value"]!.GetValue<string>().ShouldBe("[variables('queueNames')]");
    }

    [Fact]
    public void Every_table_the_code_names_is_provisioned()
    {
        StringArray("tableNames").ShouldBe(Constants(typeof(TableNames)), ignoreOrder: true);
        infra.Main.Resource("storage")["properties.parameters.tableNames.value"]!.GetValue<string>().ShouldBe("[variables('tableNames')]");
    }

    [Fact]
    public void Every_blob_container_the_code_names_is_provisioned_beside_the_deployment_container()
    {
        StringArray("blobContainerNames").ShouldBe(Constants(typeof(BlobContainerNames)), ignoreOrder: true);
        infra.Main.Variable("deploymentContainerName")!.GetValue<string>().ShouldBe("app-package");

        var containers = infra.Main.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").ShouldHaveSingleItem();
        containers.Json["copy"]!["count"]!.GetValue<string>()
            .ShouldBe("[length(variables('containerNames'))]");
        infra.Main.ModuleTemplate("storage").Variable("containerNames")!.GetValue<string>()
            .ShouldBe("[union(createArray(parameters('deploymentContainerName')), parameters('blobContainerNames'))]");
    }

    [Fact]
    public void Deployment_package_container_is_the_one_the_function_app_deploys_from()
    {
        infra.Main.Resource("functionApp")["properties.parameters.deploymentContainerUrl.value"]!.GetValue<string>()
            .ShouldBe("[format('{0}{1}', variables('storageEndpoints').blob, variables('deploymentContainerName'))]");
        infra.Main.Resource("storage")["properties.parameters.deploymentContainerName.value"]!.GetValue<string>()
            .ShouldBe("[variables('deploymentContainerName')]");
    }

    [Fact]
    public void Four_log_alert_rules_watch_poison_messages_failed_publishes_overdue_rotation_and_the_second_check()
    {
        var monitoring = infra.Main.ModuleTemplate("monitoring");
        var rules = monitoring.Variable("rules")!.AsArray();

        rules.Select(r => r!["key"]!.GetValue<string>()).ShouldBe(["poison-queue", "publish-failed", "rotation-overdue", "second-check-down"]);

        var ruleResource = infra.Main.OfType("Microsoft.Insights/scheduledQueryRules").ShouldHaveSingleItem();
        ruleResource["kind"]!.GetValue<string>().ShouldBe("LogAlert");
        ruleResource["properties.enabled"]!.GetValue<bool>().ShouldBeTrue();
        ruleResource["properties.scopes"]!.ToJsonString().ShouldContain("Microsoft.Insights/components");
        ruleResource["properties.actions.actionGroups"]!.ToJsonString().ShouldContain("Microsoft.Insights/actionGroups");
        ruleResource.Json["copy"]!["count"]!.GetValue<string>().ShouldBe("[length(variables('rules'))]");
    }

    [Fact]
    public void Poison_alert_also_catches_the_functions_host_moving_a_message_to_a_poison_queue()
    {
        var query = infra.Main.ModuleTemplate("monitoring").Variable("poisonQuery")!.GetValue<string>();

        query.ShouldContain("Moving message to queue");
        query.ShouldContain("poison");
    }

    [Theory]
    [InlineData("publishFailed", "DraftPublishFailed")]
    [InlineData("publishNeedsReconciliation", "DraftNeedsReconciliation")]
    [InlineData("rotationOverdue", "RotationCycleOverdue")]
    [InlineData("notificationFailed", "DraftNotificationFailed")]
    [InlineData("poisonMessage", "QueueMessagePoisoned")]
    [InlineData("secondCheckDown", "SecondCheckDown")]
    public void Alert_event_names_are_the_documented_ones(string alert, string eventName)
    {
        var events = infra.Main.Variable("alertEvents")![alert]!.AsArray().Select(e => e!.GetValue<string>());
        events.ShouldContain(eventName);

        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "infrastructure.md"));
        readme.ShouldContain($"`{eventName}`", customMessage: "docs/infrastructure.md documents the event names the alerts expect");
    }

    [Fact]
    public void Alerts_go_to_at_least_one_e_mail_address()
    {
        infra.Main.Parameters["alertEmailAddresses"]!["minLength"]!.GetValue<int>().ShouldBe(1);
        infra.Main.Parameters["alertEmailAddresses"]!.AsObject().ContainsKey("defaultValue").ShouldBeFalse();
    }
}
