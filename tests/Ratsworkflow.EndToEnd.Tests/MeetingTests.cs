using System.Globalization;
using Microsoft.Playwright;
using Ratsworkflow.EndToEnd.Tests.Harness;
using Xunit;

namespace Ratsworkflow.EndToEnd.Tests;

/// <summary>
/// The Sitzungsdienst in the browser: a clerk plans a meeting, puts motions on its agenda, orders and prints it, and
/// records the results of the whole meeting in one pass; moving and cancelling a meeting without JavaScript.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class MeetingTests(AppFixture app)
{
    private static string Iso(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Today => Iso(TimeZoneInfo.ConvertTime(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")));

    [Fact]
    public async Task Meeting_PlannedWithThreeMotions_ResultsRecordedInOnePass()
    {
        var titles = new[] { Motions.UniqueTitle("Sitzbänke am Wall"), Motions.UniqueTitle("Trinkbrunnen in der Innenstadt"), Motions.UniqueTitle("Schattenbäume am Markt") };
        var ids = new List<string>();
        foreach (var title in titles)
        {
            ids.Add((await app.InConsultationAsync(title, "verwaltungsausschuss")).MotionId);
        }
        await using var tab = await app.OpenAsync("/ratsbuero/sitzungen?gremium=verwaltungsausschuss");
        await app.SignInAsync(tab);
        var page = tab.Page;
        await page.AssertAccessibleAsync();

        // Plan the meeting.
        await page.GetByLabel("Sitzungstag").FillAsync(Today);
        await page.GetByLabel("Beginn").FillAsync("17:00");
        await page.GetByLabel("Sitzungsort").FillAsync("Ratssaal, Neues Rathaus");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sitzung anlegen" }).ClickAsync();
        Assert.Contains("ist angelegt", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Contains("um 17:00 Uhr", await page.Locator("h1").InnerTextAsync());
        var meetingUrl = page.Url;
        await page.AssertAccessibleAsync();

        // Put the three motions on its agenda.
        foreach (var title in titles)
        {
            await page.GetByLabel(title, new() { Exact = false }).CheckAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Auf die Tagesordnung setzen" }).ClickAsync();
        Assert.Contains("3 Anträge stehen jetzt auf der Tagesordnung", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        var agenda = page.GetByRole(AriaRole.Region, new() { Name = "Tagesordnung, Öffentlicher Teil", Exact = true });
        Assert.Equal(titles, await TitlesAsync(agenda));
        await page.AssertAccessibleAsync();

        // The third one first; the second into the non-public part.
        await page.GetByLabel("Position von TOP 3", new() { Exact = false }).FillAsync("1");
        await page.GetByLabel("Teil von TOP 2", new() { Exact = false }).SelectOptionAsync("false");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reihenfolge speichern" }).ClickAsync();
        Assert.Contains("Reihenfolge ist gespeichert", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal([titles[2], titles[0]], await TitlesAsync(agenda));
        var nonPublic = page.GetByRole(AriaRole.Region, new() { Name = "Tagesordnung, Nichtöffentlicher Teil", Exact = true });
        Assert.Equal([titles[1]], await TitlesAsync(nonPublic));
        Assert.Equal(["1", "2"], await agenda.Locator("tbody td.table__number").AllInnerTextsAsync());
        Assert.Equal(["3"], await nonPublic.Locator("tbody td.table__number").AllInnerTextsAsync());

        // The dashboard shows where each stands: body, meeting and TOP.
        await page.GotoAsync("/ratsbuero?organizationId=verwaltungsausschuss&sort=Meeting");
        var row = page.Locator("tbody tr", new() { HasText = titles[1] });
        Assert.Contains("Verwaltungsausschuss", await row.InnerTextAsync());
        Assert.Contains("TOP 3", await row.InnerTextAsync());
        await page.AssertAccessibleAsync();

        // Print view and download.
        await page.GotoAsync(meetingUrl + "/tagesordnung");
        Assert.Equal("Tagesordnung", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Nichtöffentlicher Teil", await page.Locator("article").InnerTextAsync());
        await page.AssertAccessibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Als HTML-Datei herunterladen" }).ClickAsync());
        Assert.StartsWith("Tagesordnung-verwaltungsausschuss-", download.SuggestedFilename);
        var file = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("<html lang=\"de\">", file);
        Assert.Contains(titles[0], file);

        // Results in one pass, in TOP order (Schattenbäume, Sitzbänke, then the non-public Trinkbrunnen): a mistake first records nothing.
        await page.GotoAsync(meetingUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "Ergebnisse der Sitzung eintragen" }).ClickAsync();
        await page.AssertAccessibleAsync();
        var tops = page.Locator("fieldset");
        Assert.Equal(3, await tops.CountAsync());
        await tops.Nth(0).GetByLabel("Ergebnis", new() { Exact = true }).SelectOptionAsync("Approved");
        await tops.Nth(1).GetByLabel("Ergebnis", new() { Exact = true }).SelectOptionAsync("Amended");
        await page.GetByRole(AriaRole.Button, new() { Name = "Alle Ergebnisse eintragen" }).ClickAsync();
        Assert.Contains("unverändert", await page.Locator(".error-summary").InnerTextAsync());
        Assert.All(await Task.WhenAll(ids.Select(app.StageOfAsync)), stage => Assert.Equal("Consultation", stage));
        await page.AssertAccessibleAsync();

        await tops.Nth(0).GetByLabel("Ja-Stimmen").FillAsync("12");
        await tops.Nth(0).GetByLabel("Nein-Stimmen").FillAsync("3");
        await tops.Nth(1).GetByLabel("Geänderter Beschlussvorschlag").FillAsync("Die Verwaltung wird beauftragt, zwanzig Bänke aufzustellen.");
        await tops.Nth(2).GetByLabel("Ergebnis", new() { Exact = true }).SelectOptionAsync("Rejected");
        await page.GetByRole(AriaRole.Button, new() { Name = "Alle Ergebnisse eintragen" }).ClickAsync();

        Assert.Contains("3 Ergebnisse sind eingetragen", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Contains("durchgeführt", await page.Locator(".summary").InnerTextAsync());
        Assert.Contains("ungeändert empfohlen", await agenda.InnerTextAsync());
        Assert.Contains("geändert empfohlen", await agenda.InnerTextAsync());
        Assert.Contains("Ablehnung empfohlen", await nonPublic.InnerTextAsync());
        foreach (var id in ids)
        {
            await app.WaitForStageAsync(id, "Council");
        }
        Assert.Contains("zwanzig Bänke", (await app.GetMotionAsync(ids[0])).GetProperty("resolutionText").GetString());
        await page.AssertAccessibleAsync();

        // On a narrow phone nothing makes the page wider than the screen; the tables scroll inside their regions.
        await page.SetViewportSizeAsync(320, 700);
        foreach (var path in new[] { meetingUrl, meetingUrl + "/tagesordnung", "/ratsbuero/sitzungen?gremium=verwaltungsausschuss", "/ratsbuero" })
        {
            await page.GotoAsync(path);
            await page.AssertNoSidewaysScrollingAsync();
        }
    }

    [Fact]
    public async Task Meeting_MovedAndCancelledWithoutJavaScript_ItsMotionFollows()
    {
        var title = Motions.UniqueTitle("Radabstellanlage am Bahnhof");
        var (motionId, _) = await app.InConsultationAsync(title, "ausschuss-finanzen");
        var day = DateTime.UtcNow.AddDays(30);
        await using var tab = await app.OpenAsync("/ratsbuero/sitzungen?gremium=ausschuss-finanzen", javaScript: false);
        await app.SignInAsync(tab);
        var page = tab.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "Sitzung anlegen" }).ClickAsync();
        Assert.Contains("Geben Sie den Tag der Sitzung an.", await page.Locator(".error-summary").InnerTextAsync());
        await page.GetByLabel("Sitzungstag").FillAsync(Iso(day));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sitzung anlegen" }).ClickAsync();
        await page.GetByLabel(title, new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Auf die Tagesordnung setzen" }).ClickAsync();
        Assert.Equal(Iso(day), (await app.GetMotionAsync(motionId)).GetProperty("consultations")[0].GetProperty("meetingDate").GetString());

        await page.GetByLabel("Sitzungstag").FillAsync(Iso(day.AddDays(2)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Änderung speichern" }).ClickAsync();

        Assert.Contains("1 Antrag ist mitverlegt", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal(Iso(day.AddDays(2)), (await app.GetMotionAsync(motionId)).GetProperty("consultations")[0].GetProperty("meetingDate").GetString());
        await app.Mail.LinkAsync(Motions.SpdMailbox, "Beratung verlegt: " + title, "/antrag/");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sitzung absagen" }).ClickAsync();
        Assert.Contains("Bestätigen Sie", await page.Locator(".error-summary").InnerTextAsync());
        await page.GetByLabel("Ja, die Sitzung fällt aus", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sitzung absagen" }).ClickAsync();

        Assert.Contains("abgesagt", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        var consultation = (await app.GetMotionAsync(motionId)).GetProperty("consultations")[0];
        Assert.Equal(System.Text.Json.JsonValueKind.Null, consultation.GetProperty("meetingDate").ValueKind);
        await page.GotoAsync($"/ratsbuero/antraege/{motionId}");
        Assert.Contains("Wartet auf einen Sitzungstermin", await page.Locator(".summary").InnerTextAsync());
    }

    private static Task<IReadOnlyList<string>> TitlesAsync(ILocator table) => table.Locator("tbody th a").AllInnerTextsAsync();
}
