using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Playwright;
using Ratsworkflow.EndToEnd.Tests.Harness;
using Xunit;

namespace Ratsworkflow.EndToEnd.Tests;

/// <summary>The clerks' list: filters, search, counts, paging and the CSV export.</summary>
[Collection(AppCollection.Name)]
public sealed class DashboardTests(AppFixture app)
{
    private const int Seeded = 2500;

    [Fact]
    public async Task Dashboard_WithThousandsOfMotions_CountsAndPagesQuickly()
    {
        await SeedDecidedMotionsAsync(Seeded);
        await using var tab = await app.OpenAsync("/ratsbuero");
        await app.SignInAsync(tab);
        var page = tab.Page;

        var watch = Stopwatch.StartNew();
        await page.GotoAsync("/ratsbuero?stage=Decided");
        watch.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"The list took {watch.Elapsed} with {Seeded} motions.");
        var decided = page.GetByRole(AriaRole.Navigation, new() { Name = "Anträge nach Stand" }).Locator("[aria-current=page]");
        Assert.True(int.Parse(await decided.Locator(".counts__number").InnerTextAsync(), CultureInfo.InvariantCulture) >= Seeded);
        var rows = page.Locator("tbody tr");
        Assert.Equal(50, await rows.CountAsync());
        var first = await rows.First.InnerTextAsync();
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Weitere Anträge" }).ClickAsync();

        Assert.Equal(50, await rows.CountAsync());
        Assert.NotEqual(first, await rows.First.InnerTextAsync());
        Assert.Contains("stage=Decided", page.Url);
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "Zur ersten Seite" }).CountAsync());
    }

    [Fact]
    public async Task Dashboard_FiltersAndSearch_FindTheMotionByReferenceStageAndFaction()
    {
        var title = Motions.UniqueTitle("Schulwegsicherung Weende");
        var (_, motion) = await app.InConsultationAsync(title, "verwaltungsausschuss");
        var reference = motion.GetProperty("reference").GetString()!;
        await using var tab = await app.OpenAsync("/ratsbuero", javaScript: false);
        await app.SignInAsync(tab);
        var page = tab.Page;

        await page.GetByLabel("Suche").FillAsync(reference);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtern" }).ClickAsync();
        Assert.Equal([title], await page.Locator("tbody th").AllInnerTextsAsync());

        await page.GotoAsync($"/ratsbuero?stage=Consultation&factionId=spd&q={Uri.EscapeDataString(title)}");
        Assert.Equal(title, await page.Locator("tbody th").InnerTextAsync());
        Assert.Equal("In den Ausschüssen", await page.Locator("#Stage option:checked").InnerTextAsync());
        await page.GotoAsync($"/ratsbuero?factionId=cdu&q={Uri.EscapeDataString(title)}");
        Assert.Contains("Keine Anträge passen zu diesen Filtern.", await page.Locator("main").InnerTextAsync());
    }

    [Fact]
    public async Task Export_FilteredList_IsUtf8CsvWithSemicolonsForGermanExcel()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var title = $"=HYPERLINK(\"x\") Größere \"Räume\"; für <script>alert(1)</script> {marker}";
        var motionId = await app.SubmitAsync(title);
        await app.Mail.LinkAsync(Motions.SpdMailbox, marker, $"/antrag/{motionId}/bestaetigen/");
        await using var tab = await app.OpenAsync("/ratsbuero");
        await app.SignInAsync(tab);
        var page = tab.Page;
        await page.GotoAsync($"/ratsbuero?q={marker}");
        Assert.Equal(title, await page.Locator("tbody th").InnerTextAsync());
        Assert.Equal(0, await page.Locator("main script").CountAsync());

        var href = await page.GetByRole(AriaRole.Link, new() { Name = "Diese Liste als CSV-Datei für Excel herunterladen" }).GetAttributeAsync("href");
        var response = await page.APIRequest.GetAsync(href!);
        var bytes = await response.BodyAsync();

        Assert.Equal("text/csv; charset=utf-8", response.Headers["content-type"]);
        Assert.StartsWith("attachment; filename=\"antraege-", response.Headers["content-disposition"]);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("Aktenzeichen;Titel;Fraktion;Stand;Status;Liegt bei;Nächste Sitzung;TOP;Wartet auf;Fällig am;Überfällig;Eingegangen am;Beschluss am;Beratungsfolge;Zuletzt geändert", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith(";\"'=HYPERLINK(\"\"x\"\") Größere \"\"Räume\"\"; für <script>alert(1)</script> " + marker + "\";SPD-Ratsfraktion;Bestätigung ausstehend;", lines[1]);
        Assert.Equal("", lines[2]);
    }

    /// <summary>Old, decided motions straight into the dashboard's index (list "all" and "stage-Decided"), in batches.</summary>
    private async Task SeedDecidedMotionsAsync(int count)
    {
        var table = new TableServiceClient(app.Storage.ConnectionString).GetTableClient("MotionIndex");
        await table.CreateIfNotExistsAsync();
        var start = new DateTimeOffset(2019, 1, 1, 8, 0, 0, TimeSpan.Zero);
        var batches = new List<Task>();
        foreach (var partition in new[] { "all", "stage-Decided" })
        {
            foreach (var chunk in Enumerable.Range(0, count).Chunk(100))
            {
                batches.Add(table.SubmitTransactionAsync(chunk.Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(partition, start.AddHours(i), i)))));
            }
        }
        await Task.WhenAll(batches);
        // Rows written past the app need their counter too, as the app's recount would set it (MotionCounts).
        var counts = new TableServiceClient(app.Storage.ConnectionString).GetTableClient("MotionCounts");
        await counts.CreateIfNotExistsAsync();
        await counts.UpsertEntityAsync(new TableEntity("stage-Decided", "seed") { ["Count"] = count });
    }

    private static TableEntity Row(string partition, DateTimeOffset created, int i)
    {
        var id = $"seed{i:D6}";
        return new TableEntity(partition, (DateTimeOffset.MaxValue.UtcTicks - created.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "|" + id)
        {
            ["MotionId"] = id,
            ["Reference"] = $"A/2019/{i + 1:D4}",
            ["Title"] = $"Älterer Antrag Nummer {i + 1}",
            ["FactionId"] = "fdp",
            ["Stage"] = "Decided",
            ["Status"] = "Beschlossen: ungeändert beschlossen",
            ["Overdue"] = false,
            ["CreatedAt"] = created,
            ["UpdatedAt"] = created,
        };
    }
}
