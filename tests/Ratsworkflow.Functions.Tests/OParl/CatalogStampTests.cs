using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Ratsworkflow.Functions.Organizations;
using Xunit;

namespace Ratsworkflow.Functions.Tests.OParl;

/// <summary>
/// created/modified of the catalog's objects (system, body, organizations, people, memberships) must not move while
/// nothing changes, or an incremental client (modified_since) fetches them again on every sync. Its own app: the clock moves.
/// </summary>
public sealed class CatalogStampTests : IAsyncLifetime
{
    private readonly OpenDataApp _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task CatalogObjects_LaterRequestsAfterAReload_SameCreatedAndModified()
    {
        var first = await StampsAsync();

        _app.Clock.Advance(TimeSpan.FromHours(3));
        var later = await StampsAsync();

        Assert.True(first.Count > 20, $"only {first.Count} objects");
        Assert.Equal(first, later);
    }

    [Fact]
    public async Task CatalogObjects_FirstRequestedAnHourAfterStoring_StampedWhenStoredNotWhenRequested()
    {
        var stored = await StoredAtAsync();

        _app.Clock.Advance(TimeSpan.FromHours(1));
        var stamps = await StampsAsync();

        var expected = TimeZoneInfo.ConvertTime(stored, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        var system = stamps["http://ratsworkflow.test/oparl/v1.1"].Split(' ');
        Assert.Equal(expected, DateTimeOffset.Parse(system[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(stamps.Values, s => Assert.DoesNotContain("2026-11-23T10:", s, StringComparison.Ordinal)); // the request's hour
    }

    /// <summary>When storage wrote the catalog (the body row), as the table keeps it.</summary>
    private async Task<DateTimeOffset> StoredAtAsync()
    {
        var tables = _app.Services.GetRequiredService<TableServiceClient>();
        var options = _app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OrganizationOptions>>().Value;
        await _app.Services.GetRequiredService<OrganizationStore>().GetCatalogAsync();
        var body = await tables.GetTableClient(options.TableName).GetEntityAsync<TableEntity>(OrganizationRows.Partition, "body");
        return body.Value.Timestamp!.Value;
    }

    /// <summary>Every catalog object's id with its created and modified, as a client sees them.</summary>
    private async Task<Dictionary<string, string>> StampsAsync()
    {
        var objects = new List<JToken> { await GetAsync("/oparl/v1.1"), await GetAsync("/oparl/v1.1/bodies/goettingen") };
        foreach (var list in new[] { "organizations", "people", "memberships" })
        {
            objects.AddRange((await GetAsync($"/oparl/v1.1/bodies/goettingen/{list}"))["data"]!);
        }
        return objects.ToDictionary(o => o.Value<string>("id")!, o => o.Value<string>("created") + " " + o.Value<string>("modified"));
    }

    private async Task<JToken> GetAsync(string path) =>
        OParlSchemas.Parse(await _app.Client.GetStringAsync(path));
}
