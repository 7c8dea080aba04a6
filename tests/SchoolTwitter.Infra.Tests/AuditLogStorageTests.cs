using SchoolTwitter.Application;
using SchoolTwitter.Infra.Tests.Support;

namespace SchoolTwitter.Infra.Tests;

/// <summary>
/// The audit log is append-only in the store itself: its container carries a time-based immutability policy that still
/// lets the app append (protected append writes), so no identity, the app's own included, can rewrite or delete an entry.
/// </summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class AuditLogStorageTests(CompiledInfra infra)
{
    private ArmResource Policy => infra.Main.OfType("Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies").ShouldHaveSingleItem();

    [Fact]
    public void The_audit_container_the_code_writes_to_is_the_one_under_the_policy()
    {
        infra.Main.Variable("auditContainerName")!.GetValue<string>().ShouldBe(BlobContainerNames.AuditLog);
        infra.Main.Resource("storage")["properties.parameters.auditContainerName.value"]!.GetValue<string>().ShouldBe("[variables('auditContainerName')]");
        Policy.Name.ShouldContain("parameters('auditContainerName')");
        Policy.Name.ShouldEndWith("'default')]");
    }

    [Fact]
    public void The_policy_is_time_based_and_allows_only_appends_to_append_blobs()
    {
        Policy["properties.immutabilityPeriodSinceCreationInDays"]!.GetValue<string>().ShouldBe("[parameters('auditRetentionDays')]");
        Policy["properties.allowProtectedAppendWrites"]!.GetValue<bool>().ShouldBeTrue();
        Policy["properties.allowProtectedAppendWritesAll"].ShouldBeNull("block blobs stay unchangeable too");
    }

    [Fact]
    public void Entries_are_kept_for_six_years_unless_a_school_chooses_longer()
    {
        var retention = infra.Main.Parameters["auditRetentionDays"]!;
        retention["defaultValue"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(6 * 365);
        retention["minValue"]!.GetValue<int>().ShouldBe(1);
        infra.Main.Resource("storage")["properties.parameters.auditRetentionDays.value"]!.GetValue<string>().ShouldBe("[parameters('auditRetentionDays')]");
    }

    [Fact]
    public void The_policy_depends_on_the_audit_container_being_created_first()
    {
        Policy.Json["dependsOn"]!.AsArray().Select(d => d!.GetValue<string>()).ShouldContain(d => d.Contains("containers") && d.Contains("parameters('auditContainerName')"));
    }
}
