using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Ratsworkflow.EndToEnd.Tests.Harness;
using Xunit;

namespace Ratsworkflow.EndToEnd.Tests;

/// <summary>The Beirat member's vote page: opening the link never votes; the page explains every state of the link.</summary>
[Collection(AppCollection.Name)]
public sealed class VotePageTests(AppFixture app)
{
    [Fact]
    public async Task VoteLink_OpenedAndPostedWithoutTokenOrChoice_CountsNothingAndExplains()
    {
        var title = Motions.UniqueTitle("Dolmetschpool für Elterngespräche");
        var (motionId, link) = await app.InBeiratAsync(title, Motions.Members[0]);

        // A mail scanner: GET, HEAD, GET again, and a form post without the page's anti-forgery token.
        using (await app.Http.GetAsync(link)) { }
        using (await app.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, link))) { }
        using (var forged = await app.Http.PostAsync(link, new FormUrlEncodedContent([new("Input.Choice", "No")])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }
        await using var tab = await app.OpenAsync(link);
        var page = tab.Page;
        Assert.Equal(0, (await app.GetMotionAsync(motionId)).GetProperty("beirat").GetProperty("yes").GetInt32()
            + (await app.GetMotionAsync(motionId)).GetProperty("beirat").GetProperty("no").GetInt32());

        await page.GetByRole(AriaRole.Button, new() { Name = "Stimme abgeben" }).ClickAsync();

        Assert.True(await page.FocusSettlesAsync(".error-summary"), "Focus: " + await page.FocusedAsync());
        Assert.Equal("#Input_Choice", await page.Locator(".error-summary a").GetAttributeAsync("href"));
        Assert.Contains("Wählen Sie Ja, Nein oder Enthaltung.", await page.Locator("#Input_Choice-error").InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.AssertNoSidewaysScrollingAsync();
    }

    [Fact]
    public async Task VoteLink_AfterWithdrawal_SaysTheVoteHasEnded()
    {
        var title = Motions.UniqueTitle("Sprachcafé in der Stadtbibliothek");
        var (motionId, link) = await app.InBeiratAsync(title, Motions.Members[1]);
        using (var request = new HttpRequestMessage(HttpMethod.Post, $"/api/motions/{motionId}/withdraw"))
        {
            request.Headers.Authorization = new("Bearer", app.ClerkApiToken);
            using var response = await app.Http.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
        await app.WaitForStageAsync(motionId, "Withdrawn");

        await using var tab = await app.OpenAsync(link, Viewport.Phone);

        var main = await tab.Page.Locator("main").InnerTextAsync();
        Assert.Contains("Die Abstimmung ist beendet.", main);
        Assert.Contains("Die Fraktion hat den Antrag zurückgezogen.", main);
        Assert.Equal(0, await tab.Page.Locator("form[method=post]").CountAsync());
        await tab.Page.AssertAccessibleAsync();
        await tab.Page.AssertNoSidewaysScrollingAsync();
        using var late = await app.Http.PostAsJsonAsync("/api/votes/" + Inbox.TokenOf(link), new { choice = "yes" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task VoteLink_Unknown_ExplainsInGermanWith404()
    {
        await using var tab = await app.NewTabAsync();

        var response = await tab.Page.GotoAsync("/votum/" + new string('C', 64));

        Assert.Equal(404, response!.Status);
        Assert.Equal("Dieser Abstimmungslink ist ungültig", await tab.Page.Locator("h1").InnerTextAsync());
        await tab.Page.AssertAccessibleAsync();
    }
}
