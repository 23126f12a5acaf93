using Microsoft.Playwright;
using Ratsworkflow.EndToEnd.Tests.Harness;
using Xunit;

namespace Ratsworkflow.EndToEnd.Tests;

/// <summary>The clerks' motion page: its actions refuse wrong input at the field, and withdraw on request.</summary>
[Collection(AppCollection.Name)]
public sealed class ClerkMotionPageTests(AppFixture app)
{
    [Fact]
    public async Task MotionPage_ScheduleWithoutDateThenInTheFuture_ExplainsAndWaitsForTheMeeting()
    {
        var title = Motions.UniqueTitle("Beleuchtung am Leinekanal");
        var (motionId, _) = await app.InConsultationAsync(title, "ausschuss-finanzen");
        await using var tab = await app.OpenAsync($"/ratsbuero/antraege/{motionId}");
        await app.SignInAsync(tab);
        var page = tab.Page;
        Assert.Equal(title, await page.Locator("h1").InnerTextAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Termin eintragen" }).ClickAsync();

        Assert.True(await page.FocusSettlesAsync(".error-summary"), "Focus: " + await page.FocusedAsync());
        Assert.Equal("#Schedule_MeetingDate", await page.Locator(".error-summary a").GetAttributeAsync("href"));
        Assert.Contains("Geben Sie den Tag der Sitzung an.", await page.Locator("#Schedule_MeetingDate-error").InnerTextAsync());
        await page.AssertAccessibleAsync();

        var nextWeek = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByLabel("Sitzungstag").FillAsync(nextWeek);
        await page.GetByRole(AriaRole.Button, new() { Name = "Termin eintragen" }).ClickAsync();

        Assert.Contains("Der Sitzungstermin ist eingetragen.", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Ergebnis eintragen" }).CountAsync());
        Assert.Contains("können Sie ab dem Sitzungstag eintragen", await page.Locator(".actions").InnerTextAsync());
        Assert.Contains("Ratsbüro (ratsbuero@example.org)", await page.Locator(".timeline").InnerTextAsync());
    }

    [Fact]
    public async Task MotionPage_WithdrawOnRequest_AsksFirstThenWithdraws()
    {
        var title = Motions.UniqueTitle("Tempo 30 vor Kitas");
        var (motionId, _) = await app.InConsultationAsync(title, "ausschuss-soziales");
        await using var tab = await app.OpenAsync($"/ratsbuero/antraege/{motionId}");
        await app.SignInAsync(tab);
        var page = tab.Page;

        await page.GetByRole(AriaRole.Link, new() { Name = "Antrag im Auftrag der Fraktion zurückziehen" }).ClickAsync();
        Assert.Equal("Antrag zurückziehen?", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("Consultation", await app.StageOfAsync(motionId));
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, Antrag zurückziehen" }).ClickAsync();

        Assert.Contains("Der Antrag ist zurückgezogen", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Contains("im Auftrag der Fraktion", await page.Locator(".timeline").InnerTextAsync());
        Assert.Equal("Withdrawn", await app.StageOfAsync(motionId));
    }

    [Fact]
    public async Task MotionPage_Unknown_Answers404()
    {
        await using var tab = await app.OpenAsync("/ratsbuero");
        await app.SignInAsync(tab);

        var response = await tab.Page.GotoAsync("/ratsbuero/antraege/gibt-es-nicht");

        Assert.Equal(404, response!.Status);
        Assert.Equal("Seite nicht gefunden", await tab.Page.Locator("h1").InnerTextAsync());
    }
}
