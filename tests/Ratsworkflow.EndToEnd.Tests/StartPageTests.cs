using Microsoft.Playwright;
using Ratsworkflow.EndToEnd.Tests.Harness;
using Xunit;

namespace Ratsworkflow.EndToEnd.Tests;

[Collection(AppCollection.Name)]
public sealed class StartPageTests(AppFixture app)
{
    [Fact]
    public async Task StartPage_Get_IsGermanAndLinksToTheServices()
    {
        await using var tab = await app.OpenAsync("/");
        var page = tab.Page;

        Assert.Equal("de", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Contains("Ratsworkflow", await page.TitleAsync());
        Assert.Equal("Anträge an den Rat stellen und verfolgen", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("/antrag/neu", await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Antrag stellen" }).GetAttributeAsync("href"));
        Assert.Equal("/ratsbuero/anmelden", await page.GetByRole(AriaRole.Link, new() { Name = "Anmeldung für das Ratsbüro" }).GetAttributeAsync("href"));
        Assert.Equal(1, await page.GetByRole(AriaRole.Main).CountAsync());
        Assert.Equal(1, await page.GetByRole(AriaRole.Banner).CountAsync());
        Assert.Equal(1, await page.GetByRole(AriaRole.Contentinfo).CountAsync());
    }

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task StartPage_EachScreenSize_PassesAxeAndFitsTheWidth(string screen)
    {
        await using var tab = await app.OpenAsync("/", Viewport.ByName(screen));

        await tab.Page.AssertAccessibleAsync();
        await tab.Page.AssertNoSidewaysScrollingAsync();
        await tab.Page.SaveScreenshotAsync("start-" + screen);
    }

    [Fact]
    public async Task SkipLink_TabThenEnter_MovesFocusToMainContent()
    {
        await using var tab = await app.OpenAsync("/");
        var page = tab.Page;

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("a \"Zum Inhalt springen\"", await page.FocusedAsync());
        Assert.True(await page.Locator(".skip-link").IsVisibleAsync(), "The skip link must become visible when focused.");

        await page.Keyboard.PressAsync("Enter");
        Assert.True(await page.FocusSettlesAsync("main#inhalt"), "Focus after Enter: " + await page.FocusedAsync());
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.FocusSettlesAsync("main", within: true), "The next Tab must stay in main, not return to the header: " + await page.FocusedAsync());
    }

    [Theory]
    [InlineData("Impressum", "Impressum")]
    [InlineData("Datenschutz", "Datenschutzerklärung")]
    [InlineData("Barrierefreiheit", "Erklärung zur Barrierefreiheit")]
    public async Task FooterLink_Followed_OpensGermanLegalPage(string link, string heading)
    {
        await using var tab = await app.OpenAsync("/");
        var page = tab.Page;

        await page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync();

        Assert.Equal(heading, await page.Locator("h1").InnerTextAsync());
        Assert.Equal("page", await page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = link }).GetAttributeAsync("aria-current"));
        await page.AssertAccessibleAsync();
    }
}
