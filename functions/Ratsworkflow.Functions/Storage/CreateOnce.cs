using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace Ratsworkflow.Functions.Storage;

/// <summary>
/// Creates a table or blob container (or runs another one-time setup, e.g. a backfill) on first use, once per
/// process, instead of a request before every operation. A run that failed (storage unreachable) is tried again by the
/// next caller rather than remembered.
/// </summary>
public sealed class CreateOnce(Func<Task> create)
{
    private Task? _created;

    public static CreateOnce Table(TableClient table) => new(() => table.CreateIfNotExistsAsync());

    public static CreateOnce Container(BlobContainerClient container) => new(() => container.CreateIfNotExistsAsync());

    public Task EnsureAsync()
    {
        var created = _created;
        if (created is null || created.IsFaulted || created.IsCanceled)
        {
            _created = created = create();
        }
        return created;
    }
}
