using Microsoft.Playwright;
using Ratsworkflow.EndToEnd.Tests.Harness;
using Xunit;

namespace Ratsworkflow.EndToEnd.Tests;

/// <summary>The faction's status page from its mails, and withdrawing the motion from there.</summary>
[Collection(AppCollection.Name)]
public sealed class StatusPageTests(AppFixture app)
{
    [Fact]
    public async Task StatusPage_WithdrawAskedAndConfirmed_WithdrawsTheMotion()
    {
        var title = Motions.UniqueTitle("Sitzbänke am Kiessee");
        var (motionId, _) = await app.InConsultationAsync(title, "ausschuss-soziales");
        var statusLink = await app.Mail.LinkAsync(Motions.SpdMailbox, title, $"/antrag/{motionId}/status/");
        await using var tab = await app.OpenAsync(statusLink);
        var page = tab.Page;

        Assert.Equal(title, await page.Locator("h1").InnerTextAsync());
        var steps = page.GetByRole(AriaRole.List, new() { Name = "Stand des Verfahrens" });
        Assert.Contains("Ausschüsse", await steps.Locator("[aria-current=step]").InnerTextAsync());
        Assert.Contains("entfällt", await steps.Locator("li").Nth(1).InnerTextAsync());
        Assert.Contains("Ausschuss für Soziales, Integration und Gleichstellung", await page.GetByRole(AriaRole.Table, new() { Name = "Beratungsfolge" }).InnerTextAsync());
        Assert.True(await page.Locator(".timeline__item").CountAsync() >= 2);
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Antrag zurückziehen" }).ClickAsync();
        Assert.Equal("Antrag zurückziehen?", await page.Locator("h1").InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Nein, zurück zum Antrag" }).ClickAsync();
        Assert.Equal("Consultation", await app.StageOfAsync(motionId));

        await page.GetByRole(AriaRole.Link, new() { Name = "Antrag zurückziehen" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, Antrag zurückziehen" }).ClickAsync();

        Assert.Contains("Der Antrag ist zurückgezogen", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Contains("Zurückgezogen", await page.Locator(".summary").InnerTextAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Antrag zurückziehen" }).CountAsync());
        Assert.Equal("Withdrawn", await app.StageOfAsync(motionId));
    }

    [Fact]
    public async Task StatusLink_ForAnotherMotion_IsRefusedWith404()
    {
        await using var tab = await app.NewTabAsync();

        var response = await tab.Page.GotoAsync("/antrag/gibt-es-nicht/status/" + new string('B', 64));

        Assert.Equal(404, response!.Status);
        Assert.Equal("Dieser Link zum Antrag ist ungültig", await tab.Page.Locator("h1").InnerTextAsync());
    }
}
