using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Ratsworkflow.Durable.TestWorker;

namespace Ratsworkflow.Durable.Tests;

/// <summary>
/// The engine running in this test process against a real Azurite: its own hub per test, a fake clock that only the
/// test advances, and fast polling so tests wait milliseconds, not seconds.
/// </summary>
public sealed class EngineHost : IAsyncDisposable
{
    private readonly IHost _host;

    private EngineHost(IHost host, string hub, FakeTimeProvider clock)
    {
        _host = host;
        Hub = hub;
        Clock = clock;
    }

    public string Hub { get; }
    public FakeTimeProvider Clock { get; }
    public DurableTaskClient Client => _host.Services.GetRequiredService<DurableTaskClient>();
    public DurableTaskWorker Worker => _host.Services.GetRequiredService<DurableTaskWorker>();
    public StorageRequestCounter Requests => _host.Services.GetRequiredService<StorageRequestCounter>();

    public static async Task<EngineHost> StartAsync(
        string connectionString,
        string? hub = null,
        FakeTimeProvider? clock = null,
        Action<DurableTaskRegistry>? register = null,
        Action<DurableTaskOptions>? configure = null)
    {
        hub ??= "h" + Guid.NewGuid().ToString("N")[..10];
        clock ??= new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton(new TestSettings { ConnectionString = connectionString });
        builder.Services.AddDurableTask(o =>
        {
            o.StorageConnectionString = connectionString;
            o.HubName = hub;
            o.MinPollingInterval = TimeSpan.FromMilliseconds(10);
            o.MaxPollingInterval = TimeSpan.FromMilliseconds(100);
            o.TimerPollingInterval = TimeSpan.FromMilliseconds(50);
            o.RetryDelay = TimeSpan.FromMilliseconds(100);
            o.MessageLeaseTime = TimeSpan.FromSeconds(5);
            configure?.Invoke(o);
        }, register ?? TestOrchestrations.Register);
        var host = builder.Build();
        await host.StartAsync();
        return new EngineHost(host, hub, clock);
    }

    /// <summary>Polls (real time, small steps) until the instance's custom status equals <paramref name="status"/>.</summary>
    public async Task<OrchestrationMetadata> WaitForCustomStatusAsync(string instanceId, string status, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var instance = await Client.GetInstanceAsync(instanceId);
            if (instance?.SerializedCustomStatus == status)
            {
                return instance;
            }
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Instance {instanceId} never reached custom status {status}; last: {instance?.SerializedCustomStatus} ({instance?.RuntimeStatus}).");
            }
            await Task.Delay(20);
        }
    }

    public async Task<OrchestrationMetadata> WaitForCompletionAsync(string instanceId, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
