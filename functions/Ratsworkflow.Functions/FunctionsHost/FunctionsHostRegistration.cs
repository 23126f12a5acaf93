using System.Net;
using Ratsworkflow.Functions.FunctionsHost;

// In the root namespace on purpose, like SecurityRegistration: Startup calls AddFunctionsHost/UseFunctionsHost
// without another using line.
namespace Ratsworkflow.Functions;

/// <summary>
/// The server as an Azure Functions custom handler (docs/deployment.md, "What the server implements"). With
/// <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> set it listens on <c>127.0.0.1:$FUNCTIONS_CUSTOMHANDLER_PORT</c> only (whatever
/// <c>ASPNETCORE_URLS</c> says), leaves queue polling and timers to the host (<c>RunLocalTriggers = false</c>) and
/// serves the host's trigger invocations. Without it nothing changes, except that <see cref="IPeriodicWork"/> runs on
/// the local timer.
/// </summary>
public static class FunctionsHostRegistration
{
    public static WebApplicationBuilder AddFunctionsHost(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PeriodicWorkRunner>();
        builder.Services.AddHostedService<PeriodicWorkService>();
        if (FunctionsHostMode.Port(builder.Configuration) is not { } port)
        {
            return builder;
        }
        // The host waits for any HTTP answer on this port (its readiness check is a GET /), then sends everything here.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.PostConfigure<Durable.DurableTaskOptions>(options => options.RunLocalTriggers = false);
        builder.Services.AddSingleton(new FunctionsHostCaller(port));
        return builder;
    }

    /// <summary>First in the pipeline, so the host's invocations skip the middleware meant for people.</summary>
    public static WebApplication UseFunctionsHost(this WebApplication app)
    {
        if (FunctionsHostMode.IsEnabled(app.Configuration))
        {
            app.UseMiddleware<TriggerMiddleware>();
        }
        return app;
    }
}
