using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Ratsworkflow.FunctionApp.Durable;
using Ratsworkflow.Functions;

namespace Ratsworkflow.FunctionApp.Hosting;

/// <summary>
/// The app of the local server (<see cref="Startup.AddRatsworkflow"/>, <see cref="Startup.MapRatsworkflow"/>: pages,
/// JSON API, services), built and started inside the Functions worker, on <see cref="EmbeddedServer"/> instead of
/// Kestrel. The functions run its request pipeline and its workflow steps; one implementation, two hosts.
/// </summary>
/// <remarks>
/// It has its own service container: the app registers itself on a <see cref="WebApplicationBuilder"/>, and the
/// worker's container belongs to the worker. What differs from the local server is in <see cref="AdaptToFunctions"/>.
/// </remarks>
public sealed class EmbeddedApp(BoundDurableTaskClient engine, ILoggerFactory logs, Action<WebApplicationBuilder>? configure = null)
    : IHostedService, IAsyncDisposable
{
    /// <summary>The local server's timer for the periodic work; here the timer function does it.</summary>
    private const string PeriodicWorkIntervalKey = "ratsworkflow:periodicWorkInterval";

    private readonly EmbeddedServer _server = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private WebApplication? _app;

    /// <summary>The app's services, once it runs (the first function call starts it if the host has not yet).</summary>
    public async Task<IServiceProvider> GetServicesAsync() => (await StartedAsync()).Services;

    /// <summary>Runs the request of the HTTP function through the app's own pipeline, writing the function's response.</summary>
    public async Task ProcessAsync(HttpContext request)
    {
        await StartedAsync();
        await _server.ProcessAsync(RequestFeatures.For(request));
    }

    public Task StartAsync(CancellationToken cancellationToken) => StartedAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is { } app)
        {
            await app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            await app.DisposeAsync();
        }
        _gate.Dispose();
    }

    /// <summary>The worker may run a function before the host started its hosted services: whoever comes first starts the app.</summary>
    private async Task<WebApplication> StartedAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _app) is { } running)
        {
            return running;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_app is null)
            {
                var app = Build();
                await app.StartAsync(cancellationToken);
                Volatile.Write(ref _app, app);
            }
            return _app;
        }
        finally
        {
            _gate.Release();
        }
    }

    private WebApplication Build()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // The app's Razor pages and its appsettings.json are those of Ratsworkflow.Functions, not of the worker.
            ApplicationName = typeof(Startup).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseServer(_server);
        // The app's logs go where the worker's go: to the Functions host, and from there to Application Insights.
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new ForwardingLoggerProvider(logs));
        builder.Configuration.AddInMemoryCollection([new(PeriodicWorkIntervalKey, "00:00:00")]);
        configure?.Invoke(builder);
        builder.AddRatsworkflow();
        AdaptToFunctions(builder.Services);
        var app = builder.Build();
        app.MapRatsworkflow();
        return app;
    }

    /// <summary>
    /// The Functions host's Durable extension is the engine: no engine worker of the app's own, and the client the
    /// app's services use is the one the functions bind. Data protection keys (antiforgery, clerk cookie) live in
    /// storage, so a form served by one instance is accepted by every other instance and after a scale to zero.
    /// </summary>
    private void AdaptToFunctions(IServiceCollection services)
    {
        services.RemoveAll<DurableTask.AzureStorage.AzureStorageOrchestrationService>();
        foreach (var worker in services.Where(d => d.ServiceType == typeof(IHostedService)
            && d.ImplementationType == typeof(Ratsworkflow.Functions.Durable.EngineWorker)).ToList())
        {
            services.Remove(worker);
        }
        services.Replace(ServiceDescriptor.Singleton<Microsoft.DurableTask.Client.DurableTaskClient>(engine));
        services.AddDataProtectionKeysInStorage();
    }
}
