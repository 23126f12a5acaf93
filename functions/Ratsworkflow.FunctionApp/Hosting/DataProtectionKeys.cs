using System.Xml.Linq;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Ratsworkflow.FunctionApp.Hosting;

/// <summary>
/// ASP.NET Core's data protection keys (they sign antiforgery tokens and the clerk's cookie) in a private blob
/// container of the app's storage account. Flex Consumption instances come and go and share no disk: with keys per
/// instance, a form sent to another instance than the one that served it would fail with 400.
/// </summary>
public static class DataProtectionKeys
{
    public const string ContainerName = "dataprotection-keys";

    /// <summary>Fixed, so keys stay valid across deployments and hosts (the default depends on the content root).</summary>
    public const string ApplicationName = "ratsworkflow";

    public static IServiceCollection AddDataProtectionKeysInStorage(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>()
            .Configure<BlobServiceClient>((options, blobs) =>
                options.XmlRepository = new BlobKeyRepository(blobs.GetBlobContainerClient(ContainerName)));
        return services;
    }
}

/// <summary>
/// One blob per key (data protection names them uniquely and never changes a stored one). Not encrypted at rest beyond
/// storage encryption: only the app's identity can read the container (no shared keys, no public access).
/// </summary>
public sealed class BlobKeyRepository(BlobContainerClient container) : IXmlRepository
{
    // IXmlRepository is synchronous; the key ring reads it once per day and instance, and on a new key.
    public IReadOnlyCollection<XElement> GetAllElements() =>
        container.Exists().Value
            ? container.GetBlobs()
                .Select(blob => XElement.Parse(container.GetBlobClient(blob.Name).DownloadContent().Value.Content.ToString()))
                .ToList()
            : [];

    public void StoreElement(XElement element, string friendlyName)
    {
        container.CreateIfNotExists();
        container.GetBlobClient(friendlyName + ".xml")
            .Upload(BinaryData.FromString(element.ToString(SaveOptions.DisableFormatting)), overwrite: true);
    }
}
