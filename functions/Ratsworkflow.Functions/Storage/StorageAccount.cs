using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Ratsworkflow.Functions.Storage;

/// <summary>
/// How the app reaches its one storage account, read from the section <c>Storage</c> (docs/deployment.md):
/// <list type="number">
/// <item><c>Storage:ConnectionString</c> (Azurite, on premises) wins when set;</item>
/// <item>otherwise <c>Storage:tableServiceUri</c>, <c>Storage:queueServiceUri</c>, <c>Storage:blobServiceUri</c> with
/// <c>Storage:credential=managedidentity</c> (optional <c>Storage:clientId</c> for a user-assigned identity) — the
/// Functions host's own names for an identity-based connection, so the queue triggers' <c>"connection": "Storage"</c>
/// and the app always read the same account;</item>
/// <item>neither: <c>UseDevelopmentStorage=true</c> locally; an error in Azure Functions, where it points at nothing.</item>
/// </list>
/// </summary>
public sealed class StorageAccount
{
    public const string Section = "Storage";
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";
    public const string ManagedIdentity = "managedidentity";

    private StorageAccount(string connectionString)
    {
        ConnectionString = connectionString;
    }

    private StorageAccount(Uri tables, Uri queues, Uri blobs, TokenCredential credential)
    {
        TableServiceUri = tables;
        QueueServiceUri = queues;
        BlobServiceUri = blobs;
        Credential = credential;
    }

    public string? ConnectionString { get; }
    public Uri? TableServiceUri { get; }
    public Uri? QueueServiceUri { get; }
    public Uri? BlobServiceUri { get; }

    /// <summary>Set for identity-based access; one instance for every client, so they share its token cache.</summary>
    public TokenCredential? Credential { get; }

    public static StorageAccount WithConnectionString(string connectionString) => new(connectionString);

    public static StorageAccount WithCredential(Uri tables, Uri queues, Uri blobs, TokenCredential credential) =>
        new(tables, queues, blobs, credential);

    /// <param name="requireExplicit">True where no Azurite can be assumed (Azure Functions): then neither setting is an error.</param>
    public static StorageAccount FromConfiguration(IConfiguration configuration, bool requireExplicit)
    {
        var section = configuration.GetSection(Section);
        if (section["ConnectionString"] is { Length: > 0 } connectionString)
        {
            return new StorageAccount(connectionString);
        }
        string[] uriKeys = ["tableServiceUri", "queueServiceUri", "blobServiceUri"];
        if (uriKeys.All(key => string.IsNullOrWhiteSpace(section[key])))
        {
            return requireExplicit
                ? throw new InvalidOperationException(
                    "Storage is not configured. Set Storage__ConnectionString, or Storage__tableServiceUri, " +
                    "Storage__queueServiceUri, Storage__blobServiceUri and Storage__credential=managedidentity (docs/deployment.md).")
                : new StorageAccount(DevelopmentStorage);
        }
        var missing = uriKeys.Where(key => !Uri.TryCreate(section[key], UriKind.Absolute, out _)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                "Identity-based storage needs all three endpoints as absolute URIs; missing or invalid: " +
                $"{string.Join(", ", missing.Select(k => "Storage__" + k))}.");
        }
        if (!string.Equals(section["credential"], ManagedIdentity, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Storage__credential must be '{ManagedIdentity}' when the storage endpoints are set without a connection string " +
                $"(found '{section["credential"]}').");
        }
        var identity = section["clientId"] is { Length: > 0 } clientId
            ? ManagedIdentityId.FromUserAssignedClientId(clientId)
            : ManagedIdentityId.SystemAssigned;
        return new StorageAccount(
            new Uri(section[uriKeys[0]]!), new Uri(section[uriKeys[1]]!), new Uri(section[uriKeys[2]]!),
            new ManagedIdentityCredential(identity));
    }

    public TableServiceClient CreateTableServiceClient(TableClientOptions? options = null) =>
        Credential is null
            ? new TableServiceClient(ConnectionString, options)
            : new TableServiceClient(TableServiceUri, Credential, options);

    public QueueServiceClient CreateQueueServiceClient(QueueClientOptions? options = null) =>
        Credential is null
            ? new QueueServiceClient(ConnectionString, options)
            : new QueueServiceClient(QueueServiceUri, Credential, options);

    public BlobServiceClient CreateBlobServiceClient(BlobClientOptions? options = null) =>
        Credential is null
            ? new BlobServiceClient(ConnectionString, options)
            : new BlobServiceClient(BlobServiceUri, Credential, options);

    /// <summary>For the start-up log: where the data goes, never a key.</summary>
    public override string ToString() => Credential is null
        ? (ConnectionString == DevelopmentStorage ? "development storage (Azurite defaults)" : "a connection string")
        : $"managed identity, tables at {TableServiceUri}";
}
