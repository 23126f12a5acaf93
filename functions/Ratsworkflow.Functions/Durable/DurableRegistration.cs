using System.Text.Json;
using System.Text.Json.Serialization;
using DurableTask.AzureStorage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Ratsworkflow.Functions.Storage;

namespace Ratsworkflow.Functions.Durable;

/// <summary>The durable engine inside the local server: Durable Task's worker and client on the app's storage account.</summary>
public static class DurableRegistration
{
    /// <summary>How orchestration inputs, outputs and event payloads are stored: JSON, camelCase, enums as strings.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = CreateJsonOptions();

    public static IServiceCollection AddDurableEngine(this IServiceCollection services, IConfiguration configuration, Action<TaskRegistry> register)
    {
        var options = EngineOptions.From(configuration);
        var registry = new TaskRegistry();
        register(registry);
        services.AddSingleton(options);
        services.AddSingleton(registry);
        services.AddSingleton<DataConverter>(new JsonDataConverter(JsonOptions));
        services.AddSingleton(sp => EngineStorage.Create(sp.GetRequiredService<StorageAccount>(), options, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<DurableTaskClient>(sp =>
            new EngineClient(sp.GetRequiredService<AzureStorageOrchestrationService>(), sp.GetRequiredService<DataConverter>()));
        services.AddHostedService<EngineWorker>();
        return services;
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        json.Converters.Add(new JsonStringEnumConverter());
        return json;
    }
}
