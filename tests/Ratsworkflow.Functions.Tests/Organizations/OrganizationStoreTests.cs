using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Organizations;

[Collection(OrganizationStorageCollection.Name)]
public sealed class OrganizationStoreTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMinutes(1);

    private readonly TableServiceClient _tables = new(azurite.ConnectionString);
    private readonly string _tableName = AzuriteFixture.UniqueName("orgs");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly List<OrganizationStore> _stores = [];

    private TableClient Table => _tables.GetTableClient(_tableName);

    [Fact]
    public async Task GetCatalogAsync_EmptyTable_SeedsShippedSample()
    {
        var catalog = await NewStore().GetCatalogAsync();

        Assert.Equal("goettingen", catalog.Body.Id);
        Assert.Equal(TestCatalog.Sample.Organizations.Select(o => o.Id), catalog.Organizations.Select(o => o.Id));
        var rows = await ReadRowsAsync();
        Assert.Equal(OrganizationRows.ToEntities(TestCatalog.Sample).Count, rows.Count);
    }

    [Fact]
    public async Task GetCatalogAsync_SeededTable_ReadBackAsStored()
    {
        await NewStore().GetCatalogAsync();

        var catalog = await NewStore().GetCatalogAsync();

        Assert.Equal(TestCatalog.Sample.Body, catalog.Body with { ChangedAt = null });
        Assert.NotNull(catalog.Body.ChangedAt); // storage's timestamp: what OParl stamps the catalog's objects with
        Assert.Equal(TestCatalog.Sample.Find(TestCatalog.Integrationsrat)!.Members, catalog.Find(TestCatalog.Integrationsrat)!.Members);
    }

    [Fact]
    public async Task GetCatalogAsync_TableWithOwnConfiguration_NotOverwrittenBySample()
    {
        await Table.CreateAsync();
        var own = TestCatalog.Sample with { Body = new Body("musterstadt", "Musterstadt", "DS") };
        await Table.SubmitTransactionAsync(OrganizationRows.ToEntities(own).Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)));

        var catalog = await NewStore().GetCatalogAsync();

        Assert.Equal("musterstadt", catalog.Body.Id);
    }

    [Fact]
    public async Task GetCatalogAsync_SeveralServersOnEmptyTable_SeededOnce()
    {
        var catalogs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => NewStore().GetCatalogAsync()));

        Assert.All(catalogs, c => Assert.Equal(TestCatalog.Sample.Organizations.Count, c.Organizations.Count));
        Assert.Equal(OrganizationRows.ToEntities(TestCatalog.Sample).Count, (await ReadRowsAsync()).Count);
    }

    [Fact]
    public async Task GetCatalogAsync_EditedWithinRefreshInterval_CachedCopy()
    {
        var store = NewStore();
        await store.GetCatalogAsync();
        await RenameAsync(TestCatalog.Finance, "Finanz- und Wirtschaftsausschuss");

        _time.Advance(Refresh - TimeSpan.FromSeconds(1));

        Assert.Equal("Ausschuss für Finanzen", (await store.GetAsync(TestCatalog.Finance))?.Name);
    }

    [Fact]
    public async Task GetCatalogAsync_EditedAndRefreshIntervalPassed_SeesEdit()
    {
        var store = NewStore();
        await store.GetCatalogAsync();
        await RenameAsync(TestCatalog.Finance, "Finanz- und Wirtschaftsausschuss");

        _time.Advance(Refresh);

        Assert.Equal("Finanz- und Wirtschaftsausschuss", (await store.GetAsync(TestCatalog.Finance))?.Name);
    }

    [Fact]
    public async Task GetCatalogAsync_StorageFailsAfterFirstLoad_KeepsLastGoodCatalog()
    {
        var store = NewStore();
        var loaded = await store.GetCatalogAsync();
        await Table.DeleteAsync();

        _time.Advance(Refresh);

        Assert.Same(loaded, await store.GetCatalogAsync());
    }

    [Fact]
    public async Task GetCatalogAsync_BrokenEditAfterFirstLoad_KeepsLastGoodCatalog()
    {
        var store = NewStore();
        var loaded = await store.GetCatalogAsync();
        await Table.DeleteEntityAsync(OrganizationRows.Partition, "organization-rat");

        _time.Advance(Refresh);

        Assert.Same(loaded, await store.GetCatalogAsync());
    }

    [Fact]
    public async Task GetCatalogAsync_BrokenTableOnFirstLoad_ThrowsNamingTheProblem()
    {
        await NewStore().GetCatalogAsync();
        await Table.DeleteEntityAsync(OrganizationRows.Partition, "organization-rat");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => NewStore().GetCatalogAsync());

        Assert.Contains("genau einen Rat", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_UnknownId_Null() => Assert.Null(await NewStore().GetAsync("ausschuss-unbekannt"));

    [Fact]
    public async Task GetAllAsync_SeededTable_InOrderOfTheFile() =>
        Assert.Equal(TestCatalog.Sample.Organizations.Select(o => o.Name), (await NewStore().GetAllAsync()).Select(o => o.Name));

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }
    }

    private OrganizationStore NewStore()
    {
        var options = Options.Create(new OrganizationOptions { TableName = _tableName, RefreshInterval = Refresh });
        var store = new OrganizationStore(_tables, options, _time, NullLogger<OrganizationStore>.Instance);
        _stores.Add(store);
        return store;
    }

    private async Task RenameAsync(string id, string name)
    {
        var row = (await Table.GetEntityAsync<TableEntity>(OrganizationRows.Partition, "organization-" + id)).Value;
        row["Name"] = name;
        await Table.UpdateEntityAsync(row, row.ETag);
    }

    private async Task<List<TableEntity>> ReadRowsAsync()
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Table.QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }
        return rows;
    }
}
