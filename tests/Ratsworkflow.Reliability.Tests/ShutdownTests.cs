using System.Diagnostics;
using Ratsworkflow.Reliability.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace Ratsworkflow.Reliability.Tests;

/// <summary>Stopping the app when storage is already gone, as Ctrl-C on ./run.sh stops Azurite and the app together.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class ShutdownTests(ITestOutputHelper output)
{
    /// <summary>The host's shutdown time (30 s, .NET's default) and a margin for a busy machine.</summary>
    private static readonly TimeSpan ShutdownBound = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Stop_StorageStoppedFirst_AppEndsWithinTheHostsShutdownTime()
    {
        await using var stack = await Stack.StartAsync(restartableStorage: true);
        var url = Stack.FreeUrl();
        await using var app = await stack.StartAppAsync(url);
        await stack.Storage.StopGracefullyAsync();

        var stopping = Stopwatch.StartNew();
        var ended = await app.TerminateAsync(ShutdownBound);

        output.WriteLine($"SIGTERM → exit: {stopping.Elapsed.TotalSeconds:F1} s");
        // Before the fix the engine's graceful stop retried its lease releases against the missing storage for minutes.
        Assert.True(ended, $"The app did not end within {ShutdownBound.TotalSeconds} s of SIGTERM. Its output:\n" + app.Output);
    }
}
