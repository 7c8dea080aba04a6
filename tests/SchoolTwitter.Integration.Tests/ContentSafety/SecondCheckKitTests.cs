using SchoolTwitter.Integration.Tests.Drafts;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.FakeAzureAi;

namespace SchoolTwitter.Integration.Tests.ContentSafety;

/// <summary>A pipeline test class with the second check on: its own fake Azure AI server, a test host on the shared Azurite, one SLT member.</summary>
public abstract class SecondCheckKitTests(AzuriteFixture azurite) : IAsyncLifetime
{
    protected FakeAzureAiServer Ai { get; private set; } = null!;

    protected DraftTestKit Kit { get; private set; } = null!;

    protected string Head { get; private set; } = "";

    /// <summary>How long the fake's slow answers take (the client's own timeout decides what counts as too slow).</summary>
    protected virtual TimeSpan SlowReplyDelay => TimeSpan.FromSeconds(10);

    public async Task InitializeAsync()
    {
        Ai = await FakeAzureAiServer.StartAsync();
        Ai.SlowReplyDelay = SlowReplyDelay;
        Kit = await SecondCheckHosts.DraftKitAsync(azurite, Ai);
        Head = await Kit.NewSltMemberAsync("head");
    }

    public async Task DisposeAsync()
    {
        await Kit.DisposeAsync();
        await Ai.DisposeAsync();
    }
}
