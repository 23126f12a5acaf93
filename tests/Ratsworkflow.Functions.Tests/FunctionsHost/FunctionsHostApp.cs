using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Ratsworkflow.Durable;
using Ratsworkflow.Functions.FunctionsHost;
using Ratsworkflow.Functions.Security;
using Ratsworkflow.Functions.Storage;
using Ratsworkflow.Testing;

namespace Ratsworkflow.Functions.Tests.FunctionsHost;

/// <summary>
/// The real app (AddRatsworkflow/MapRatsworkflow, real Kestrel) in Functions mode: <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>
/// set to a free port, storage in Azurite. Test-only additions: the orchestrations of <see cref="TestWorkflows"/>, a
/// fake clock, a <see cref="CountingWork"/>, and (unless <paramref name="hostJsonHub"/>) a task hub of its own.
/// </summary>
internal sealed class FunctionsHostApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FunctionsHostApp(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }
    public IServiceProvider Services => _app.Services;
    public DurableTaskClient Client => Services.GetRequiredService<DurableTaskClient>();
    public DurableTaskWorker Worker => Services.GetRequiredService<DurableTaskWorker>();
    public DurableTaskOptions Options => Worker.Options;
    public FakeTimeProvider Clock => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();
    public CountingWork PeriodicWork => (CountingWork)Services.GetRequiredService<IPeriodicWork>();
    public QueueServiceClient Queues => Services.GetRequiredService<QueueServiceClient>();

    public QueueClient Queue(string suffix) => Queues.GetQueueClient(Options.HubName + suffix);

    /// <param name="functionsMode">False: the same app in local mode (no FUNCTIONS_CUSTOMHANDLER_PORT).</param>
    /// <param name="hostJsonHub">Keep the hub name of host.json (tests of the function.json queue names).</param>
    public static async Task<FunctionsHostApp> StartAsync(string connectionString, bool functionsMode = true, bool hostJsonHub = false,
        IDictionary<string, string?>? settings = null)
    {
        var port = ChildProcess.FreeTcpPort();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageRegistration.ConnectionStringKey] = connectionString,
            [ClerkApiToken.ConfigurationKey] = "",
            // Whatever the machine says: Functions mode exactly when the test asks for it.
            [FunctionsHostMode.PortKey] = functionsMode ? port.ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        if (!functionsMode)
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        }
        builder.Logging.ClearProviders();
        builder.AddRatsworkflow();
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero)));
        builder.Services.AddSingleton<IPeriodicWork, CountingWork>();
        if (!hostJsonHub)
        {
            var hub = AzuriteFixture.UniqueName("fh");
            builder.Services.PostConfigure<DurableTaskOptions>(o => o.HubName = hub);
        }
        var app = builder.Build();
        TestWorkflows.Register(app.Services.GetRequiredService<DurableTaskRegistry>());
        app.MapRatsworkflow();
        await app.StartAsync();
        return new FunctionsHostApp(app, port);
    }

    public async Task<OrchestrationRuntimeStatus?> StatusAsync(string instanceId) =>
        (await Client.GetInstanceAsync(instanceId))?.RuntimeStatus;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
