using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Ratsworkflow.FunctionApp.Durable;
using Ratsworkflow.Functions.Durable;

namespace Ratsworkflow.FunctionApp.Hosting;

public static class FunctionAppRegistration
{
    /// <summary>What the functions need from the worker's container: the embedded app and the client it uses.</summary>
    /// <param name="configureApp">Runs on the embedded app's builder before its own registrations (tests: settings).</param>
    public static IServiceCollection AddRatsworkflowFunctions(this IServiceCollection services, Action<WebApplicationBuilder>? configureApp = null)
    {
        // Durable Functions (de)serializes activity inputs and outputs, orchestration inputs and events with the worker's
        // serializer; with the local engine's options a history reads the same in both hosts (camelCase, enums as text).
        services.Configure<WorkerOptions>(options => options.Serializer = new JsonObjectSerializer(DurableRegistration.JsonOptions));
        services.AddSingleton<BoundDurableTaskClient>();
        services.AddSingleton(sp =>
            new EmbeddedApp(sp.GetRequiredService<BoundDurableTaskClient>(), sp.GetRequiredService<ILoggerFactory>(), configureApp));
        services.AddHostedService(sp => sp.GetRequiredService<EmbeddedApp>());
        return services;
    }
}
