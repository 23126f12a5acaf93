using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Email;

/// <summary>
/// Like <see cref="AzuriteFixture"/>, but with Azurite's data on disk. The shared fixture's in-memory mode passes
/// <c>--location</c> together with <c>--inMemoryPersistence</c>, which Azurite 3.37 refuses at start; switch back to
/// <see cref="AzuriteFixture"/> once Ratsworkflow.Testing is fixed.
/// </summary>
public sealed class AzuriteOnDiskFixture : IAsyncLifetime
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
