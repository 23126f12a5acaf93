using System.Net;
using Microsoft.Playwright;
using Ratsworkflow.EndToEnd.Tests.Harness;
using Xunit;

namespace Ratsworkflow.EndToEnd.Tests;

/// <summary>The confirmation page from the faction's mail: GET shows, only the POST confirms.</summary>
[Collection(AppCollection.Name)]
public sealed class ConfirmationPageTests(AppFixture app)
{
    [Fact]
    public async Task ConfirmationLink_OpenedTwice_ShowsHostileTitleAsTextAndConfirmsOnlyByButton()
    {
        var title = Motions.UniqueTitle("<script>alert('xss')</script> <b>fett</b> & Co");
        var motionId = await app.SubmitAsync(title);
        var link = await app.Mail.LinkAsync(Motions.SpdMailbox, title, $"/antrag/{motionId}/bestaetigen/");
        await using var tab = await app.OpenAsync(link);
        var page = tab.Page;
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        await page.ReloadAsync();

        Assert.Equal(title, await page.Locator(".summary dd").First.InnerTextAsync());
        Assert.Equal(0, await page.Locator("main b, main script").CountAsync());
        Assert.Equal(0, dialogs);
        Assert.Equal("AwaitingConfirmation", await app.StageOfAsync(motionId));
        Assert.Contains("no-store", (await page.ReloadAsync())!.Headers["cache-control"]);

        await page.GetByRole(AriaRole.Button, new() { Name = "Antrag verbindlich bestätigen" }).ClickAsync();

        Assert.Equal("Antrag bestätigt", await page.Locator("h1").InnerTextAsync());
        await page.AssertAccessibleAsync();
        // Without committees the motion goes straight to the council once registered.
        await app.WaitForStageAsync(motionId, "Council");
        await page.ReloadAsync();
        Assert.Contains("Aktenzeichen", await page.Locator("main").InnerTextAsync());
    }

    [Fact]
    public async Task ConfirmationLink_Altered_ExplainsInGermanWith404()
    {
        await using var tab = await app.NewTabAsync();

        var response = await tab.Page.GotoAsync("/antrag/abc/bestaetigen/" + new string('A', 64));

        Assert.Equal(404, response!.Status);
        Assert.Equal("Dieser Bestätigungslink ist ungültig", await tab.Page.Locator("h1").InnerTextAsync());
        await tab.Page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Confirmation_PostedWithoutAntiforgeryToken_IsRefused()
    {
        var title = Motions.UniqueTitle("Ohne Token bestätigen");
        var motionId = await app.SubmitAsync(title);
        var link = await app.Mail.LinkAsync(Motions.SpdMailbox, title, $"/antrag/{motionId}/bestaetigen/");

        using var response = await app.Http.PostAsync(link, new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("AwaitingConfirmation", await app.StageOfAsync(motionId));
    }
}
