using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace Ratsworkflow.Functions.Attachments;

/// <summary>Anlagen in Blob storage, one blob per file under the motion's id; the motion record lists them.</summary>
public sealed class AttachmentStore(BlobServiceClient blobs, IOptions<AttachmentOptions> options)
{
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(options.Value.ContainerName);
    private readonly Storage.CreateOnce _created = Storage.CreateOnce.Container(blobs.GetBlobContainerClient(options.Value.ContainerName));

    /// <summary>Stores checked uploads; on a failure the ones already stored are removed again.</summary>
    public async Task<IReadOnlyList<Attachment>> StoreAsync(string motionId, IReadOnlyList<AttachmentUpload> uploads,
        CancellationToken cancellationToken)
    {
        if (uploads.Count == 0)
        {
            return [];
        }
        await EnsureContainerAsync();
        var stored = new List<Attachment>();
        try
        {
            foreach (var upload in uploads)
            {
                var attachment = new Attachment(stored.Count + 1, AttachmentRules.SafeFileName(upload.FileName), upload.Content.Length,
                    Convert.ToHexStringLower(SHA256.HashData(upload.Content)));
                await _container.GetBlobClient(BlobName(motionId, attachment.Id)).UploadAsync(new BinaryData(upload.Content),
                    new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/pdf" } }, cancellationToken);
                stored.Add(attachment);
            }
            return stored;
        }
        catch
        {
            await DeleteAllAsync(motionId, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The file's content, or null when it is not (or no longer) stored.</summary>
    public async Task<Stream?> OpenAsync(string motionId, int id, CancellationToken cancellationToken)
    {
        try
        {
            var download = await _container.GetBlobClient(BlobName(motionId, id)).DownloadStreamingAsync(cancellationToken: cancellationToken);
            return download.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task DeleteAllAsync(string motionId, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync();
        await foreach (var blob in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, motionId + "/", cancellationToken))
        {
            await _container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
        }
    }

    private static string BlobName(string motionId, int id) => $"{motionId}/{id}";

    private Task EnsureContainerAsync() => _created.EnsureAsync();
}
