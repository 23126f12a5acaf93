using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Organizations;

/// <summary>One Azurite for the organization tests that need storage; each test uses its own table.</summary>
[CollectionDefinition(Name)]
public sealed class OrganizationStorageCollection : ICollectionFixture<OrganizationStorage>
{
    public const string Name = "Organization storage";
}

/// <summary>
/// Azurite on disk rather than in memory: <see cref="AzuriteFixture"/> passes <c>--inMemoryPersistence</c> together
/// with <c>--location</c>, which Azurite 3.37 refuses to start with. Switch back to it once that is fixed.
/// </summary>
public sealed class OrganizationStorage : IAsyncLifetime
{
    private Azurite? _azurite;

    public string ConnectionString => (_azurite ?? throw new InvalidOperationException("Azurite not started.")).ConnectionString;

    public async Task InitializeAsync() => _azurite = await Azurite.StartAsync(inMemory: false);

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
