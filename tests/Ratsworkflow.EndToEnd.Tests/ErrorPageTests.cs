using System.Net;
using Microsoft.Playwright;
using Ratsworkflow.EndToEnd.Tests.Harness;
using Xunit;

namespace Ratsworkflow.EndToEnd.Tests;

[Collection(AppCollection.Name)]
public sealed class ErrorPageTests(AppFixture app)
{
    [Fact]
    public async Task UnknownPage_Opened_ShowsGerman404Page()
    {
        await using var tab = await app.NewTabAsync();
        var response = await tab.Page.GotoAsync("/antrag/gibt-es-nicht");

        Assert.Equal(404, response!.Status);
        Assert.Equal("Seite nicht gefunden", await tab.Page.Locator("h1").InnerTextAsync());
        Assert.StartsWith("Seite nicht gefunden – Ratsworkflow", await tab.Page.TitleAsync());
        Assert.Equal("/", await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Zur Startseite" }).GetAttributeAsync("href"));
        await tab.Page.AssertAccessibleAsync();
        await tab.Page.SaveScreenshotAsync("fehler-404");
    }

    [Fact]
    public async Task UnhandledException_InPage_ShowsGerman500PageWithSecurityHeaders()
    {
        await using var tab = await app.NewTabAsync();
        var response = await tab.Page.GotoAsync("/muster?handler=Ausnahme");

        Assert.Equal(500, response!.Status);
        Assert.Equal("Entschuldigung, hier ist etwas schiefgelaufen", await tab.Page.Locator("h1").InnerTextAsync());
        Assert.NotEmpty(await tab.Page.Locator(".reference").InnerTextAsync());
        Assert.DoesNotContain("Absichtlicher Fehler", await tab.Page.ContentAsync());
        // The exception handler clears the response's headers before it renders the page; these must be back.
        var headers = await response.AllHeadersAsync();
        Assert.Equal("DENY", headers["x-frame-options"]);
        Assert.StartsWith("default-src 'self'", headers["content-security-policy"]);
    }

    [Fact]
    public async Task UnknownApiPath_Requested_Returns404WithoutHtmlPage()
    {
        using var response = await app.Http.GetAsync("/api/gibt-es-nicht");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ErrorPage_OpenedDirectly_ApologisesInGermanWithReference()
    {
        await using var tab = await app.OpenAsync("/fehler");

        Assert.Equal("Entschuldigung, hier ist etwas schiefgelaufen", await tab.Page.Locator("h1").InnerTextAsync());
        Assert.NotEmpty(await tab.Page.Locator(".reference").InnerTextAsync());
        await tab.Page.AssertAccessibleAsync();
    }
}
