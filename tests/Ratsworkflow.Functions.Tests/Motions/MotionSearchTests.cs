using Azure;
using Azure.Data.Tables;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Ratsworkflow.Functions.Tests.Motions;

/// <summary>
/// Search by any part of a title word or of the reference (German compounds: "Fahrrad" finds "Fahrradbügel"), still one
/// partition range read per page, never a scan of every motion.
/// </summary>
public sealed class MotionSearchTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private readonly MotionTables _motions = new(azurite.ConnectionString);

    [Theory]
    [InlineData("Fahrrad", "Fahrradbügel am Bahnhof")]
    [InlineData("bügel", "Fahrradbügel am Bahnhof")]
    [InlineData("0001", "Fahrradbügel am Bahnhof")]
    [InlineData("A/2026/0001", "Fahrradbügel am Bahnhof")]
    [InlineData("2026/0002", "Fahrplan der Stadtbusse")]
    [InlineData("fahr", "Fahrradbügel am Bahnhof", "Fahrplan der Stadtbusse")]
    [InlineData("rad bahnhof", "Fahrradbügel am Bahnhof")]
    [InlineData("Bus Bahnhof")]
    public async Task Search_AnyPartOfATitleWordOrTheReference_FindsTheMotionsWithEveryTerm(string query, params string[] expected)
    {
        await _motions.CreateAsync("Fahrradbügel am Bahnhof", minute: 0); // A/2026/0001
        await _motions.CreateAsync("Fahrplan der Stadtbusse", minute: 1); // A/2026/0002
        await _motions.CreateAsync("Sitzbänke im Park", minute: 2);

        var page = await _motions.Index.PageAsync(new MotionQuery(Search: query), default);

        Assert.Equal(expected.Order(StringComparer.Ordinal), page.Items.Select(i => i.Title).Order(StringComparer.Ordinal));
    }

    /// <summary>A trigram row holds no line (a step need not rewrite it): each hit's line is one point read.</summary>
    [Fact]
    public async Task Search_Page_IsOneRangeReadOfOnePartitionAndOneReadPerHitNewestFirst()
    {
        for (var i = 0; i < 5; i++)
        {
            await _motions.CreateAsync($"Radverkehrskonzept Teil {i}", minute: i);
        }
        await _motions.Index.PageAsync(new MotionQuery(Search: "verkehr"), default); // first search of the process: checks the index is built
        _motions.Log.Clear();

        var page = await _motions.Index.PageAsync(new MotionQuery(Search: "verkehr", PageSize: 3), default);
        var next = await _motions.Index.PageAsync(new MotionQuery(Search: "verkehr", Continuation: page.Continuation, PageSize: 3), default);

        Assert.Equal(2 + 5, _motions.Log.To(MotionIndex.TableName).Count);
        Assert.Equal(["Teil 4", "Teil 3", "Teil 2", "Teil 1", "Teil 0"], page.Items.Concat(next.Items).Select(i => i.Title[^6..]));
    }

    [Fact]
    public async Task Save_ReferenceGivenAtRegistration_WritesTheListRowsAndOnlyTheReferencesNewTrigramRows()
    {
        var (submitted, registered) = await SubmitAsync("Fahrradbügel am Bahnhof", 7);
        var newGrams = MotionIndex.Partitions(registered).Except(MotionIndex.Partitions(submitted)).Count(MotionIndex.IsGramPartition);
        var lineRows = MotionIndex.Rows(registered).Count(r => !MotionIndex.IsGramPartition(r.Partition));
        _motions.Log.Clear();

        await _motions.Store.SaveAsync(submitted, registered, []);

        Assert.InRange(newGrams, 1, 12);
        Assert.Equal(lineRows + newGrams, _motions.Log.To(MotionIndex.TableName).Count(r => !r.StartsWith("DELETE", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Fahrradbügel 0008", true)]
    [InlineData("bahnhof 2026/0008", true)]
    [InlineData("Fahrradbügel 0009", false)]
    public async Task Search_TitleWordAndAReferenceGivenAfterTheTitleWasListed_AskTheLine(string query, bool found)
    {
        var (submitted, registered) = await SubmitAsync("Fahrradbügel am Bahnhof", 8);
        await _motions.Store.SaveAsync(submitted, registered, []);

        var page = await _motions.Index.PageAsync(new MotionQuery(Search: query), default);

        Assert.Equal(found, page.Items.Any(i => i.MotionId == registered.MotionId));
    }

    /// <summary>A motion stored as submitted (no reference yet), and the same motion registered under A/2026/<paramref name="number"/>.</summary>
    private async Task<(MotionRecord Submitted, MotionRecord Registered)> SubmitAsync(string title, int number)
    {
        var registered = MotionTables.Registered(title, MotionTables.At(3).AddMinutes(number), number);
        var submitted = registered with { Reference = null, RegisteredAt = null, Stage = MotionStage.AwaitingConfirmation };
        Assert.True(await _motions.Store.CreateAsync(submitted, new TimelineEntry(submitted.CreatedAt, "submitted", "eingereicht")));
        return (submitted, registered with { UpdatedAt = MotionTables.At(4) });
    }

    [Fact]
    public async Task Partitions_LongestTitle_Bounded()
    {
        var title = string.Join(" ", Enumerable.Range(0, 30).Select(i => $"Wort{i:D2}xyz"))[..250];

        var partitions = MotionIndex.Partitions(MotionTables.Registered(title, MotionTables.At(1), 42)).ToList();
        var typical = MotionIndex.Partitions(MotionTables.Registered("Mehrsprachige Beratung im Bürgerbüro", MotionTables.At(1), 42)).ToList();

        output.WriteLine($"index rows per motion: {typical.Count} for a typical title, {partitions.Count} for 250 characters");
        Assert.InRange(partitions.Count, 1, SearchWords.MaxGrams + 5);
        Assert.Contains(MotionIndex.GramPartition("004"), typical);
    }

    /// <summary>The figures of docs/benchmarks.md ("Search"): rows per motion and what a change of its line costs.</summary>
    [Fact]
    public async Task Cost_RealisticTitles_RowsPerMotionAndRequestsPerLineChange()
    {
        string[] titles =
        [
            "Mehrsprachige Beratung im Bürgerbüro", "Integrationskonzept fortschreiben", "Sprachkurse für Eltern",
            "Haushaltsmittel für Willkommenslotsen", "Nachtbusse am Wochenende", "Quartiersmanagement Grone",
            "Spielplatz Weende erneuern", "Fahrradbügel am Bahnhof und an allen Schulen der Südstadt",
            "Barrierefreie Bushaltestellen im gesamten Stadtgebiet bis 2030", "Sanierung der Sporthalle Geismar",
        ];
        var rows = titles.Select(t => MotionIndex.Rows(MotionTables.Registered(t, MotionTables.At(1), 42)).Count()).ToList();
        var lineRows = MotionIndex.Rows(MotionTables.Registered(titles[7], MotionTables.At(1), 42)).Count(r => !MotionIndex.IsGramPartition(r.Partition));
        var motion = await _motions.CreateAsync(titles[7]);
        _motions.Log.Clear();

        await _motions.Store.SaveAsync(motion, motion with { Status = "Beratung im Verwaltungsausschuss", UpdatedAt = MotionTables.At(2) }, []);

        var requests = _motions.Log.To(MotionIndex.TableName).Count;
        output.WriteLine($"index rows per motion: {rows.Average():F0} on average, {rows.Min()}–{rows.Max()} for {titles.Length} realistic titles");
        output.WriteLine($"index requests for one line change of \"{titles[7]}\": {requests} (rows {rows[7]}, of them list rows {lineRows})");
        Assert.Equal(lineRows, requests);
        Assert.InRange(rows.Average(), 10, 60);
    }

    [Fact]
    public async Task Search_MotionsIndexedBeforeGrams_AreIndexedOnceAndTheirWordRowsRemoved()
    {
        var motion = await _motions.CreateAsync("Fahrradbügel am Bahnhof");
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(MotionIndex.TableName);
        // As an older version left it: whole-word rows, no gram rows, no marker.
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {"gram-"} and PartitionKey lt {"gram."}")))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All);
        }
        await table.DeleteEntityAsync(MotionIndex.MetaPartition, MotionIndex.SearchBuiltRow, ETag.All);
        var line = MotionListItem.From(motion).ToEntity(MotionIndex.WordPartition("fahrradbügel"), MotionIndex.RowKey(motion));
        await table.UpsertEntityAsync(line);
        var fresh = new MotionIndex(new TableServiceClient(azurite.ConnectionString));

        var page = await fresh.PageAsync(new MotionQuery(Search: "Fahrrad"), default);

        Assert.Equal(motion.MotionId, Assert.Single(page.Items).MotionId);
        Assert.Empty((await fresh.PageAsync(MotionIndex.WordPartition("fahrradbügel"), null, null, 10, default)).Items);
    }
}
