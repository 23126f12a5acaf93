using Microsoft.Playwright;
using Ratsworkflow.EndToEnd.Tests.Harness;
using Xunit;

namespace Ratsworkflow.EndToEnd.Tests;

/// <summary>The faction's form <c>/antrag/neu</c>: server-side checks in German, next to each field, nothing typed is lost.</summary>
[Collection(AppCollection.Name)]
public sealed class MotionFormTests(AppFixture app)
{
    [Fact]
    public async Task Form_SentIncomplete_FocusesSummaryLinkingEachFieldAndKeepsTheText()
    {
        await using var tab = await app.OpenAsync("/antrag/neu");
        var page = tab.Page;
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Titel des Antrags").FillAsync("<b>Radwege</b> sanieren");
        await page.GetByLabel("Begründung").FillAsync("Zeile eins\nZeile zwei");
        await page.GetByLabel("Ihre E-Mail-Adresse").FillAsync("keine-adresse");
        await page.GetByLabel("1. Ausschuss (optional)").SelectOptionAsync("ausschuss-finanzen");
        await page.GetByLabel("2. Ausschuss (optional)").SelectOptionAsync("ausschuss-finanzen");

        await page.GetByRole(AriaRole.Button, new() { Name = "Antrag absenden" }).ClickAsync();

        Assert.StartsWith("Fehler: Antrag stellen", await page.TitleAsync());
        Assert.True(await page.FocusSettlesAsync(".error-summary"), "Focus: " + await page.FocusedAsync());
        var targets = await page.Locator(".error-summary a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(["#Input_FactionId", "#Input_SubmitterName", "#Input_SubmitterEmail", "#Input_ResolutionText", "#Input_BeiratReview", "#Input_Consultations_0_"], targets);
        Assert.Equal("true", await page.GetByLabel("Ihre E-Mail-Adresse").GetAttributeAsync("aria-invalid"));
        Assert.Contains("gültige E-Mail-Adresse", await page.Locator("#Input_SubmitterEmail-error").InnerTextAsync());
        Assert.Contains("mehrfach angegeben", await page.Locator("#Input_Consultations_0_-error").InnerTextAsync());
        Assert.Equal("<b>Radwege</b> sanieren", await page.GetByLabel("Titel des Antrags").InputValueAsync());
        Assert.Equal("Zeile eins\nZeile zwei", await page.GetByLabel("Begründung").InputValueAsync());
        Assert.Equal("ausschuss-finanzen", await page.GetByLabel("2. Ausschuss (optional)").InputValueAsync());
        await page.AssertAccessibleAsync();

        await page.Locator(".error-summary a[href='#Input_SubmitterEmail']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await page.FocusSettlesAsync("#Input_SubmitterEmail"), "Focus: " + await page.FocusedAsync());
    }

    [Fact]
    public async Task Form_CompleteWithoutJavaScript_IsSentAndSaysWhatHappensNext()
    {
        var title = Motions.UniqueTitle("Trinkwasserbrunnen in der Innenstadt");
        await using var tab = await app.OpenAsync("/antrag/neu", javaScript: false);
        var page = tab.Page;
        await page.FillMotionFormAsync(title, "Die Stadt stellt fünf Trinkwasserbrunnen auf.", "Hitzesommer.", beirat: false);

        await page.GetByRole(AriaRole.Button, new() { Name = "Antrag absenden" }).ClickAsync();

        Assert.EndsWith("/antrag/gesendet?fraktion=gruene", page.Url);
        Assert.Contains("Postfach der Fraktion Bündnis 90/Die Grünen", await page.Locator("main").InnerTextAsync());
        await app.Mail.LinkAsync("gruene-fraktion@example.org", title, "/antrag/");
    }

    [Fact]
    public async Task Form_SentTwiceAtOnce_CreatesOneMotionAndOneMail()
    {
        var title = Motions.UniqueTitle("Sitzbänke am Stadtwall");
        await using var tab = await app.OpenAsync("/antrag/neu");
        var page = tab.Page;
        await page.FillMotionFormAsync(title, "Die Stadt stellt zehn Sitzbänke auf.", "Mehr Aufenthaltsqualität.", beirat: false);
        // What a double click sends: the same form twice, with the browser's cookies, at the same moment.
        var fields = await page.Locator("form.form").EvaluateAsync<Dictionary<string, string>>(
            "f => Object.fromEntries([...new FormData(f)].filter(([, v]) => typeof v === 'string'))");
        var form = page.APIRequest.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Append(name, value);
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            page.APIRequest.PostAsync("/antrag/neu", new() { Multipart = form, MaxRedirects = 0 })));

        Assert.All(answers, a => Assert.EndsWith("/antrag/gesendet?fraktion=gruene", a.Headers["location"]));
        await app.Mail.LinkAsync("gruene-fraktion@example.org", title, "/antrag/");
        Assert.Equal(1, await app.Mail.CountAsync("gruene-fraktion@example.org", title));
        Assert.Equal(1, await app.CountListedAsync(title, "AwaitingConfirmation"));
    }

    [Fact]
    public async Task Form_WithPdfAndAFakePdf_RefusesTheFakeThenFactionAndBeiratReadTheAnlageFromTheirLinks()
    {
        var title = Motions.UniqueTitle("Lärmschutz an der B27");
        await using var tab = await app.OpenAsync("/antrag/neu");
        var page = tab.Page;
        await page.FillMotionFormAsync(title, "Die Stadt beantragt Lärmschutz.", "Anwohnende klagen.", beirat: true);
        var pdf = new FilePayload { Name = "Lärmkarte.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7\n%âãÏÓ\n"u8.ToArray() };
        var fake = new FilePayload { Name = "Foto.pdf", MimeType = "application/pdf", Buffer = "GIF89a"u8.ToArray() };

        await page.GetByLabel("Anlagen (optional)").SetInputFilesAsync([pdf, fake]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Antrag absenden" }).ClickAsync();

        Assert.StartsWith("Fehler: Antrag stellen", await page.TitleAsync());
        Assert.Contains("„Foto.pdf“ ist keine PDF-Datei", await page.Locator("#Input_Attachments-error").InnerTextAsync());
        Assert.Equal(title, await page.GetByLabel("Titel des Antrags").InputValueAsync());
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Anlagen (optional)").SetInputFilesAsync([pdf]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Antrag absenden" }).ClickAsync();
        Assert.Contains("/antrag/gesendet", page.Url);
        await page.GotoAsync(await app.Mail.LinkAsync("gruene-fraktion@example.org", title, "/antrag/"));
        Assert.Contains("Lärmkarte.pdf (PDF, 1 KB)", await page.Locator("main").InnerTextAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Antrag verbindlich bestätigen" }).ClickAsync();
        var motionId = new Uri(page.Url).AbsolutePath.Split('/')[2];

        foreach (var link in new[]
        {
            await app.Mail.LinkAsync(Motions.Members[0], title, "/votum/"),
            await app.Mail.LinkAsync("gruene-fraktion@example.org", title, $"/antrag/{motionId}/status/"),
        })
        {
            await page.GotoAsync(link);
            await page.AssertAccessibleAsync();
            var href = await page.GetByRole(AriaRole.Link, new() { Name = "Lärmkarte.pdf" }).GetAttributeAsync("href");
            using var download = await app.Http.GetAsync(href);
            Assert.Equal(pdf.Buffer, await download.Content.ReadAsByteArrayAsync());
            Assert.Equal("Lärmkarte.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
            var tampered = href!.Replace(Inbox.TokenOf(link), Inbox.TokenOf(link)[..^2] + "xx", StringComparison.Ordinal);
            using var refused = await app.Http.GetAsync(tampered);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, refused.StatusCode);
        }
    }

    [Fact]
    public async Task Form_OnAPhone_FitsTheScreen()
    {
        await using var tab = await app.OpenAsync("/antrag/neu", Viewport.Phone);

        await tab.Page.AssertNoSidewaysScrollingAsync();
        await tab.Page.SaveScreenshotAsync("antrag-neu-phone");
    }

    [Fact]
    public async Task Form_PostedWithoutAntiforgeryToken_IsRefusedAndStoresNothing()
    {
        var title = Motions.UniqueTitle("Ohne Token");
        using var form = new FormUrlEncodedContent(
        [
            new("Input.FactionId", "spd"), new("Input.SubmitterName", "X"), new("Input.SubmitterEmail", "x@example.org"),
            new("Input.Title", title), new("Input.ResolutionText", "R"), new("Input.Justification", "J"), new("Input.BeiratReview", "False"),
        ]);

        using var response = await app.Http.PostAsync("/antrag/neu", form);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Das Formular konnte nicht verarbeitet werden", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.Mail.CountAsync(Motions.SpdMailbox, title));
    }
}
