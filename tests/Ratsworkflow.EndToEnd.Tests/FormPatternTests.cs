using Microsoft.Playwright;
using Ratsworkflow.EndToEnd.Tests.Harness;
using Xunit;

namespace Ratsworkflow.EndToEnd.Tests;

/// <summary>The shared building blocks on the pattern library page (/muster): form fields, error summary, steps, table.</summary>
[Collection(AppCollection.Name)]
public sealed class FormPatternTests(AppFixture app)
{
    [Fact]
    public async Task EmptySubmit_Posted_FocusesErrorSummaryThatLinksToEveryInvalidField()
    {
        await using var tab = await app.OpenAsync("/muster");
        var page = tab.Page;

        await page.GetByRole(AriaRole.Button, new() { Name = "Angaben prüfen" }).ClickAsync();

        Assert.StartsWith("Fehler: Gestaltungsmuster", await page.TitleAsync());
        Assert.True(await page.FocusSettlesAsync(".error-summary"), "Focus: " + await page.FocusedAsync());
        var targets = await page.Locator(".error-summary a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href').slice(1))");
        Assert.Equal(["Input_Title", "Input_Email", "Input_FactionId", "Input_ResolutionText", "Input_Choice", "Input_Consultations"], targets);
        foreach (var id in targets)
        {
            var field = page.Locator("#" + id);
            Assert.Equal("true", await field.GetAttributeAsync("aria-invalid"));
            Assert.Contains(id + "-error", (await page.Locator("#" + id).GetAttributeAsync("aria-describedby")
                ?? await page.Locator($"fieldset:has(#{id})").GetAttributeAsync("aria-describedby")) ?? "");
        }
    }

    [Fact]
    public async Task ErrorSummaryLink_ActivatedByKeyboard_FocusesItsField()
    {
        await using var tab = await app.OpenAsync("/muster");
        var page = tab.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "Angaben prüfen" }).ClickAsync();

        await page.TabToAsync(".error-summary a[href='#Input_Email']");
        await page.Keyboard.PressAsync("Enter");

        Assert.True(await page.FocusSettlesAsync("#Input_Email"), "Focus: " + await page.FocusedAsync());
    }

    [Fact]
    public async Task FieldWithHint_Rendered_DescribesControlWithHintAndGermanLabel()
    {
        await using var tab = await app.OpenAsync("/muster");
        var page = tab.Page;

        var title = page.GetByLabel("Titel des Antrags");
        Assert.Equal("Input_Title-hint", await title.GetAttributeAsync("aria-describedby"));
        Assert.Null(await title.GetAttributeAsync("aria-invalid"));
        Assert.Equal(1, await page.GetByLabel("Finanzielle Auswirkungen (optional)").CountAsync());
        Assert.Equal("checkbox", await page.GetByLabel("Den Integrationsrat um eine Empfehlung bitten").GetAttributeAsync("type"));
    }

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task PatternLibrary_WithAndWithoutErrors_PassesAxeAndFitsTheWidth(string screen)
    {
        await using var tab = await app.OpenAsync("/muster", Viewport.ByName(screen));
        var page = tab.Page;
        await page.AssertAccessibleAsync();
        await page.AssertNoSidewaysScrollingAsync();
        await page.SaveScreenshotAsync("muster-" + screen);

        await page.GetByRole(AriaRole.Button, new() { Name = "Angaben prüfen" }).ClickAsync();

        await page.AssertAccessibleAsync();
        await page.AssertNoSidewaysScrollingAsync();
        await page.SaveScreenshotAsync("muster-fehler-" + screen);
    }

    [Fact]
    public async Task StepLine_MotionInBeirat_MarksBeiratAsTheOnlyCurrentStep()
    {
        await using var tab = await app.OpenAsync("/muster");
        var steps = tab.Page.GetByRole(AriaRole.List, new() { Name = "Stand des Verfahrens" }).First;

        var current = steps.Locator("[aria-current=step]");

        Assert.Equal(1, await current.CountAsync());
        Assert.Equal("Beirat aktuell", Normalize(await current.InnerTextAsync()));
        Assert.Equal("Eingang erledigt", Normalize(await steps.Locator("li").First.InnerTextAsync()));
    }

    [Fact]
    public async Task Table_Rendered_HasCaptionAndIsAFocusableNamedRegion()
    {
        await using var tab = await app.OpenAsync("/muster");

        var region = tab.Page.GetByRole(AriaRole.Region, new() { Name = "Anträge im Ausschuss für Soziales und Integration" });

        Assert.Equal("0", await region.GetAttributeAsync("tabindex"));
        Assert.Equal(1, await region.GetByRole(AriaRole.Table, new() { Name = "Anträge im Ausschuss für Soziales und Integration" }).CountAsync());
        Assert.Contains("März 2026", await region.InnerTextAsync());
    }

    // Marker glyphs ("✓", "2") are aria-hidden decoration; compare what the step says in words.
    private static string Normalize(string text) =>
        string.Join(' ', text.Split((char[])['\n', ' ', '✓'], StringSplitOptions.RemoveEmptyEntries).Where(w => !w.All(char.IsDigit)));
}
