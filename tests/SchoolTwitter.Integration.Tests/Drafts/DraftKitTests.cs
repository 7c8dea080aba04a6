using SchoolTwitter.Testing.Azurite;

namespace SchoolTwitter.Integration.Tests.Drafts;

/// <summary>A pipeline test class with its own test host on the shared Azurite (fake X, fake webhook) and one SLT member.</summary>
public abstract class DraftKitTests(AzuriteFixture azurite) : IAsyncLifetime
{
    protected DraftTestKit Kit { get; private set; } = null!;

    /// <summary>For a test that needs a kit of its own (other options).</summary>
    protected AzuriteFixture Azurite => azurite;

    protected string Slt { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Kit = await DraftTestKit.StartAsync(azurite);
        Slt = await Kit.NewSltMemberAsync();
    }

    public async Task DisposeAsync() => await Kit.DisposeAsync();
}
