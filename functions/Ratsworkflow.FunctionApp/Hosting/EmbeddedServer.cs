using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace Ratsworkflow.FunctionApp.Hosting;

/// <summary>
/// The server of the embedded app: instead of listening on a port like Kestrel, it is handed requests by the HTTP
/// function. The app's host gives every server its finished request pipeline (<see cref="IHttpApplication{TContext}"/>:
/// the app's middleware, routing, authentication, antiforgery and endpoints, assembled exactly as under Kestrel); this
/// one keeps it and runs it for each request's features.
/// </summary>
public sealed class EmbeddedServer : IServer
{
    private Func<IFeatureCollection, Task>? _process;

    public IFeatureCollection Features { get; } = new FeatureCollection();

    public bool IsStarted => _process is not null;

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull
    {
        _process = features => ProcessAsync(application, features);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _process = null;
        return Task.CompletedTask;
    }

    public void Dispose() => _process = null;

    /// <summary>Runs one request through the app: what Kestrel does per request, without the connection handling.</summary>
    public Task ProcessAsync(IFeatureCollection features) =>
        (_process ?? throw new InvalidOperationException("The embedded app is not started."))(features);

    private static async Task ProcessAsync<TContext>(IHttpApplication<TContext> application, IFeatureCollection features) where TContext : notnull
    {
        var context = application.CreateContext(features);
        try
        {
            await application.ProcessRequestAsync(context);
        }
        catch (Exception ex)
        {
            application.DisposeContext(context, ex);
            throw;
        }
        application.DisposeContext(context, null);
    }
}
