using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Ratsworkflow.Functions.Storage;

/// <summary>
/// One storage account for everything (docs/design.md §2 "Storage"). Every feature takes these clients from DI, so a
/// test points the whole app at its own Azurite with one setting: <c>Storage:ConnectionString</c>. In Azure the
/// account is reached with the app's managed identity instead (<see cref="StorageAccount"/>).
/// </summary>
public static class StorageRegistration
{
    public const string ConnectionStringKey = "Storage:ConnectionString";

    public static IServiceCollection AddStorageClients(this IServiceCollection services, IConfiguration configuration)
    {
        // Read now, so a deployment without storage settings fails at start with a clear message, not at first use. In
        // Azure (the Functions host sets FUNCTIONS_WORKER_RUNTIME) there is no development storage to fall back to.
        var inAzure = !string.IsNullOrWhiteSpace(configuration["FUNCTIONS_WORKER_RUNTIME"]);
        services.AddSingleton(StorageAccount.FromConfiguration(configuration, requireExplicit: inAzure));
        services.AddSingleton(sp => sp.GetRequiredService<StorageAccount>()
            .CreateTableServiceClient(InteractiveRetry.Apply(new TableClientOptions())));
        services.AddSingleton(sp => sp.GetRequiredService<StorageAccount>()
            .CreateQueueServiceClient(InteractiveRetry.Apply(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 })));
        services.AddSingleton(sp => sp.GetRequiredService<StorageAccount>().CreateBlobServiceClient(InteractiveRetry.Apply(new BlobClientOptions())));
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
