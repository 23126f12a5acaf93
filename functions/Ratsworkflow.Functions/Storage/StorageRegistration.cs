using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Ratsworkflow.Functions.Storage;

/// <summary>
/// One storage account for everything (DESIGN.md §2 "Storage"). Every feature takes these clients from DI, so a
/// test points the whole app at its own Azurite with one setting: <c>Storage:ConnectionString</c>.
/// </summary>
public static class StorageRegistration
{
    public const string ConnectionStringKey = "Storage:ConnectionString";

    public static IServiceCollection AddStorageClients(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration[ConnectionStringKey] is { Length: > 0 } value ? value : "UseDevelopmentStorage=true";
        services.AddSingleton(new TableServiceClient(connectionString));
        services.AddSingleton(new QueueServiceClient(connectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }));
        services.AddSingleton(new BlobServiceClient(connectionString));
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
