using Xunit;

namespace Ratsworkflow.Testing;

/// <summary>xunit fixture: one Azurite per test collection. Tests isolate themselves by task hub or table names.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private Azurite? _azurite;

    public string ConnectionString => (_azurite ?? throw new InvalidOperationException("Azurite not started.")).ConnectionString;

    public async Task InitializeAsync() => _azurite = await Azurite.StartAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    /// <summary>A name that is unique per test and valid for tables and queues (lower-case letters and digits).</summary>
    public static string UniqueName(string prefix = "t") =>
        (prefix + Guid.NewGuid().ToString("N")[..12]).ToLowerInvariant();
}
