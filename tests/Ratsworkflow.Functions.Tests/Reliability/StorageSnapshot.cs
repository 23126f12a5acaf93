using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Ratsworkflow.Functions.Tests.Reliability;

/// <summary>Every entity of every table and every blob, with its ETag, as one string: equal snapshots mean storage was not touched.</summary>
/// <remarks>
/// Leaves out the engine's partition leases (each task hub's blob containers <c>{hub}-leases</c> and
/// <c>{hub}-applease</c>; the tests give every app its own hub): workers take and renew them whatever the requests do,
/// so they are bookkeeping of the running processes, not data a request could change.
/// </remarks>
internal static class StorageSnapshot
{
    private static readonly string[] EngineLeases = ["-leases", "-applease"];

    public static async Task<string> TakeAsync(string connectionString)
    {
        var service = new TableServiceClient(connectionString);
        var text = new StringBuilder();
        await foreach (var table in service.QueryAsync())
        {
            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                text.Append(table.Name).Append('|').Append(entity.PartitionKey).Append('|').Append(entity.RowKey).Append('|').Append(entity.ETag);
                foreach (var (key, value) in entity.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    text.Append('|').Append(key).Append('=').Append(value);
                }
                text.AppendLine();
            }
        }
        var blobs = new BlobServiceClient(connectionString);
        await foreach (var container in blobs.GetBlobContainersAsync())
        {
            if (EngineLeases.Any(suffix => container.Name.EndsWith(suffix, StringComparison.Ordinal)))
            {
                continue;
            }
            await foreach (var blob in blobs.GetBlobContainerClient(container.Name).GetBlobsAsync(BlobTraits.None, BlobStates.None, null, CancellationToken.None))
            {
                text.Append(container.Name).Append('/').Append(blob.Name).Append('|').Append(blob.Properties.ETag).AppendLine();
            }
        }
        return text.ToString();
    }
}
