using Microsoft.Playwright;
using Ratsworkflow.EndToEnd.Tests.Harness;
using Xunit;

namespace Ratsworkflow.EndToEnd.Tests;

/// <summary>
/// Every page at 320 CSS pixels (WCAG 1.4.10 reflow): nothing wider than the screen, so nobody scrolls sideways —
/// with real content where it is widest: the public Beratungsfolge with results and votes, the council's result form.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class NarrowScreenTests(AppFixture app)
{
    [Fact]
    public async Task EveryPage_At320Pixels_NoSidewaysScrolling()
    {
        var title = Motions.UniqueTitle("Barrierefreie Bushaltestellen im gesamten Stadtgebiet");
        var (motionId, _) = await app.InConsultationAsync(title, "ausschuss-soziales");
        await app.ClerkPostAsync($"/api/motions/{motionId}/schedule", new { organizationId = "ausschuss-soziales", meetingDate = Motions.Today });
        await app.ClerkPostAsync($"/api/motions/{motionId}/result", new { organizationId = "ausschuss-soziales", outcome = "approved", votes = new { yes = 11, no = 2, abstain = 1 } });
        await app.WaitForStageAsync(motionId, "Council");
        await app.ClerkPostAsync($"/api/motions/{motionId}/schedule", new { organizationId = "rat", meetingDate = Motions.Today });
        var status = await app.Mail.LinkAsync(Motions.SpdMailbox, title, $"/antrag/{motionId}/status/");
        var (_, vote) = await app.InBeiratAsync(Motions.UniqueTitle("Sprachcafé"), Motions.Members[0]);
        var unconfirmed = Motions.UniqueTitle("Sitzbänke am Kiessee");
        var pendingId = await app.SubmitAsync(unconfirmed);
        var confirm = await app.Mail.LinkAsync(Motions.SpdMailbox, unconfirmed, $"/antrag/{pendingId}/bestaetigen/");

        string[] everyone =
        [
            "/", "/antraege", $"/antraege/{motionId}", "/antrag/neu", "/antrag/gesendet?fraktion=spd", confirm, status, status + "/zurueckziehen",
            vote, "/impressum", "/datenschutz", "/barrierefreiheit", "/muster", "/gibt-es-nicht", "/ratsbuero/anmelden",
        ];
        string[] clerks = ["/ratsbuero", $"/ratsbuero/antraege/{motionId}", $"/ratsbuero/antraege/{motionId}/zurueckziehen", "/ratsbuero/abmelden"];
        var tooWide = new List<string>();
        await using var tab = await app.NewTabAsync(Viewport.Narrow);

        foreach (var path in everyone)
        {
            await tab.Page.GotoAsync(path);
            await CollectAsync(tab.Page, tooWide);
        }
        await tab.Page.GotoAsync("/antrag/neu");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Antrag absenden" }).ClickAsync();
        await CollectAsync(tab.Page, tooWide); // the form with every error message
        await app.SignInAsync(tab);
        foreach (var path in clerks)
        {
            await tab.Page.GotoAsync(path);
            await CollectAsync(tab.Page, tooWide);
        }

        Assert.True(tooWide.Count == 0, "Wider than 320 px:\n" + string.Join("\n", tooWide));
    }

    private static async Task CollectAsync(IPage page, List<string> tooWide)
    {
        if (await page.TooWideAsync() is { } found)
        {
            tooWide.Add($"{new Uri(page.Url).PathAndQuery} {found}");
        }
    }
}
