using SchoolTwitter.Testing.Azurite;

namespace SchoolTwitter.Integration.Tests;

/// <summary>Every test class that needs storage joins this collection: one Azurite for the whole run.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
