using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Ratsworkflow.Functions.Organizations;

/// <summary>
/// The body's configuration from Table storage, read whole and kept in memory for
/// <see cref="OrganizationOptions.RefreshInterval"/>. An empty table gets the seed file on first use.
/// </summary>
public sealed class OrganizationStore(
    TableServiceClient tables,
    IOptions<OrganizationOptions> options,
    TimeProvider time,
    ILogger<OrganizationStore> logger) : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly TableClient _table = tables.GetTableClient(options.Value.TableName);
    private volatile Snapshot? _snapshot;
    private bool _tableExists;

    public async Task<OrganizationCatalog> GetCatalogAsync(CancellationToken cancellationToken = default)
    {
        if (_snapshot is { } fresh && !IsStale(fresh))
        {
            return fresh.Catalog;
        }
        // One reload at a time: the others wait for it instead of all reading the table at once.
        await _loading.WaitAsync(cancellationToken);
        try
        {
            var current = _snapshot;
            if (current is not null && !IsStale(current))
            {
                return current.Catalog;
            }
            try
            {
                var catalog = await LoadOrSeedAsync(cancellationToken);
                _snapshot = new Snapshot(catalog, time.GetUtcNow());
                return catalog;
            }
            catch (Exception e) when (current is not null && e is RequestFailedException or InvalidDataException)
            {
                // A storage hiccup or a bad edit must not stop motions that only need the last good configuration;
                // it is tried again after the next interval, not on every request.
                logger.LogWarning(e, "Die Gremien-Konfiguration konnte nicht neu geladen werden; die zuletzt geladene bleibt in Gebrauch.");
                _snapshot = current with { LoadedAt = time.GetUtcNow() };
                return current.Catalog;
            }
        }
        finally
        {
            _loading.Release();
        }
    }

    public async Task<IReadOnlyList<Organization>> GetAllAsync(CancellationToken cancellationToken = default) =>
        (await GetCatalogAsync(cancellationToken)).Organizations;

    public async Task<Organization?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        (await GetCatalogAsync(cancellationToken)).Find(id);

    public void Dispose() => _loading.Dispose();

    private bool IsStale(Snapshot snapshot) => time.GetUtcNow() - snapshot.LoadedAt >= options.Value.RefreshInterval;

    private async Task<OrganizationCatalog> LoadOrSeedAsync(CancellationToken cancellationToken)
    {
        if (!_tableExists)
        {
            await _table.CreateIfNotExistsAsync(cancellationToken);
            _tableExists = true;
        }
        var rows = await ReadRowsAsync(cancellationToken);
        if (rows.Count == 0)
        {
            // Read back what was stored (by this server or another one first): the rows carry storage's timestamps.
            await TrySeedAsync(cancellationToken);
            rows = await ReadRowsAsync(cancellationToken);
        }
        var catalog = OrganizationRows.ToCatalog(rows);
        var problems = CatalogCheck.Problems(catalog);
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"Die Gremien-Tabelle „{_table.Name}“ ist fehlerhaft: " + string.Join(" ", problems));
        }
        return catalog;
    }

    /// <summary>Writes the seed file into the empty table; another server may have done so first.</summary>
    private async Task TrySeedAsync(CancellationToken cancellationToken)
    {
        var seed = SampleOrganizations.Load(options.Value.SeedFile);
        var rows = OrganizationRows.ToEntities(seed);
        if (rows.Count > OrganizationRows.MaxRows)
        {
            throw new InvalidDataException(
                $"Die Gremien-Konfiguration hat {rows.Count} Einträge; " +
                $"mehr als {OrganizationRows.MaxRows} können nicht in einem Schritt angelegt werden.");
        }
        try
        {
            await _table.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return;
        }
        logger.LogInformation("Gremien-Tabelle {Table} war leer und wurde mit {Count} Gremien für {Body} angelegt.",
            _table.Name, seed.Organizations.Count, seed.Body.Name);
    }

    private async Task<List<TableEntity>> ReadRowsAsync(CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in _table.QueryAsync<TableEntity>(r => r.PartitionKey == OrganizationRows.Partition,
            cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }
        return rows;
    }

    private sealed record Snapshot(OrganizationCatalog Catalog, DateTimeOffset LoadedAt);
}
