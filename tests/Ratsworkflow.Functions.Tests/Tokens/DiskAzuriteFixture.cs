using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Tokens;

/// <summary>
/// Azurite with its data on disk. Stand-in for <see cref="AzuriteFixture"/>, whose in-memory mode passes
/// --location together with --inMemoryPersistence, which Azurite 3.37 refuses to start with. Replace with
/// AzuriteFixture once Ratsworkflow.Testing is fixed.
/// </summary>
public sealed class DiskAzuriteFixture : IAsyncLifetime
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
