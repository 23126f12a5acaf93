using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Ratsworkflow.Functions.Tests.Reliability;

/// <summary>Every entity of every table and every blob, with its ETag, as one string: equal snapshots mean storage was not touched.</summary>
/// <remarks>
/// Leaves out the engine's partition leases (each task hub's <c>{hub}Partitions</c> table; the tests give every app its
/// own hub): every worker renews them every few seconds whatever the requests do, so they are bookkeeping of the
/// running process, not data a request could change.
/// </remarks>
internal static class StorageSnapshot
{
    private const string EngineLeases = "Partitions";

    public static async Task<string> TakeAsync(string connectionString)
    {
        var service = new TableServiceClient(connectionString);
        var text = new StringBuilder();
        await foreach (var table in service.QueryAsync())
        {
            if (table.Name.EndsWith(EngineLeases, StringComparison.Ordinal))
            {
                continue;
            }
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
            await foreach (var blob in blobs.GetBlobContainerClient(container.Name).GetBlobsAsync(BlobTraits.None, BlobStates.None, null, CancellationToken.None))
            {
                text.Append(container.Name).Append('/').Append(blob.Name).Append('|').Append(blob.Properties.ETag).AppendLine();
            }
        }
        return text.ToString();
    }
}
