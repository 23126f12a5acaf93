using System.Text;

namespace Ratsworkflow.Durable.Storage;

/// <summary>
/// Keeps values within the table (32K characters per property) and queue (64 KB per message) limits: anything
/// larger goes to a blob under the instance's prefix and is replaced by a reference.
/// </summary>
internal sealed class PayloadStore(TaskHubStorage storage)
{
    public const int MaxInlineChars = 30_000;
    private const string Prefix = "blob://";

    public async Task<string?> PackAsync(string instanceId, string? value)
    {
        if (value is null || value.Length <= MaxInlineChars)
        {
            return value;
        }
        var name = $"{instanceId}/{Guid.NewGuid():N}";
        await storage.Payloads.UploadBlobAsync(name, BinaryData.FromString(value));
        return Prefix + name;
    }

    public async Task<string?> UnpackAsync(string? value)
    {
        if (value is null || !value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return value;
        }
        var download = await storage.Payloads.GetBlobClient(value[Prefix.Length..]).DownloadContentAsync();
        return Encoding.UTF8.GetString(download.Value.Content.ToMemory().Span);
    }

    public async Task DeleteAllAsync(string instanceId)
    {
        await foreach (var blob in storage.Payloads.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, instanceId + "/", CancellationToken.None))
        {
            await storage.Payloads.DeleteBlobIfExistsAsync(blob.Name);
        }
    }
}
