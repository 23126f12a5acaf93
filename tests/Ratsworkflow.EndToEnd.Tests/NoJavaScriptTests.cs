using Microsoft.Playwright;
using Ratsworkflow.EndToEnd.Tests.Harness;
using Xunit;

namespace Ratsworkflow.EndToEnd.Tests;

/// <summary>Everything must work with JavaScript switched off (docs/design.md §2 "Web"): plain HTML forms, server checks.</summary>
[Collection(AppCollection.Name)]
public sealed class NoJavaScriptTests(AppFixture app)
{
    [Fact]
    public async Task StartPage_WithoutJavaScript_ShowsContentAndLinks()
    {
        await using var tab = await app.OpenAsync("/", javaScript: false);

        Assert.Equal("Anträge an den Rat stellen und verfolgen", await tab.Page.Locator("h1").InnerTextAsync());
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Impressum" }).ClickAsync();
        Assert.Equal("Impressum", await tab.Page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task Form_InvalidSubmitWithoutJavaScript_ShowsErrorsAndKeepsWhatWasEntered()
    {
        await using var tab = await app.OpenAsync("/muster", javaScript: false);
        var page = tab.Page;
        await page.GetByLabel("Titel des Antrags").FillAsync("Mehr Fahrradbügel am Bahnhof");
        await page.GetByLabel("Verwaltungsausschuss").CheckAsync();
        await page.GetByLabel("E-Mail-Adresse").FillAsync("keine-adresse");

        await page.GetByRole(AriaRole.Button, new() { Name = "Angaben prüfen" }).ClickAsync();

        var summary = page.Locator(".error-summary");
        Assert.Equal("alert", await summary.GetAttributeAsync("role"));
        Assert.Contains("E-Mail-Adresse im Format name@beispiel.de", await summary.InnerTextAsync());
        Assert.DoesNotContain("Geben Sie einen Titel ein.", await summary.InnerTextAsync());
        Assert.Equal("Mehr Fahrradbügel am Bahnhof", await page.GetByLabel("Titel des Antrags").InputValueAsync());
        Assert.Equal("keine-adresse", await page.GetByLabel("E-Mail-Adresse").InputValueAsync());
        Assert.True(await page.GetByLabel("Verwaltungsausschuss").IsCheckedAsync());
    }

    [Fact]
    public async Task Form_CompleteSubmitWithoutJavaScript_IsAccepted()
    {
        await using var tab = await app.OpenAsync("/muster", javaScript: false);
        var page = tab.Page;
        await page.GetByLabel("Titel des Antrags").FillAsync("Mehr Fahrradbügel am Bahnhof");
        await page.GetByLabel("E-Mail-Adresse").FillAsync("fraktion@example.org");
        await page.GetByLabel("Fraktion oder Gruppe").SelectOptionAsync("buergerliste");
        await page.GetByLabel("Beschlussvorschlag").FillAsync("Die Verwaltung wird beauftragt, 50 Fahrradbügel aufzustellen.");
        await page.GetByLabel("Gewünschter Sitzungstermin (optional)").FillAsync("2026-03-15");
        await page.GetByLabel("Anlage (optional)").SetInputFilesAsync(new FilePayload
        {
            Name = "plan.pdf",
            MimeType = "application/pdf",
            Buffer = "%PDF-1.4\n%%EOF\n"u8.ToArray(),
        });
        await page.GetByLabel("Enthaltung").CheckAsync();
        await page.GetByLabel("Ausschuss für Soziales und Integration", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Den Integrationsrat um eine Empfehlung bitten").CheckAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Angaben prüfen" }).ClickAsync();

        Assert.Equal(0, await page.Locator(".error-summary").CountAsync());
        Assert.Contains("Alle Angaben sind vollständig", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal("2026-03-15", await page.GetByLabel("Gewünschter Sitzungstermin (optional)").InputValueAsync());
        Assert.True(await page.GetByLabel("Enthaltung").IsCheckedAsync());
    }
}
