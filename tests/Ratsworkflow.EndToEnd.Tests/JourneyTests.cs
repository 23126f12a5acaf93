using System.Net.Http.Json;
using Microsoft.Playwright;
using Ratsworkflow.EndToEnd.Tests.Harness;
using Xunit;

namespace Ratsworkflow.EndToEnd.Tests;

/// <summary>
/// A motion's whole way through the pages, with the mails in maildev as the only link between the people: the faction
/// submits and confirms, the Beirat votes, a clerk signs in, schedules and records until the council has decided, and
/// the faction's status page shows the decision.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class JourneyTests(AppFixture app)
{
    [Fact]
    public async Task Motion_FromFormThroughBeiratAndCouncil_FactionSeesTheDecision()
    {
        var title = Motions.UniqueTitle("Mehrsprachige Beratung im Bürgerbüro");

        // The faction fills in the form.
        await using var faction = await app.OpenAsync("/antrag/neu");
        var form = faction.Page;
        await form.GetByLabel("Fraktion oder Gruppe").SelectOptionAsync("spd");
        await form.GetByLabel("Ihr Name").FillAsync("Anna Schmidt");
        await form.GetByLabel("Ihre E-Mail-Adresse").FillAsync("anna.schmidt@example.org");
        await form.GetByLabel("Titel des Antrags").FillAsync(title);
        await form.GetByLabel("Beschlussvorschlag").FillAsync("Die Verwaltung richtet im Bürgerbüro eine Beratung in fünf Sprachen ein.");
        await form.GetByLabel("Begründung").FillAsync("Viele Menschen in unserer Stadt sprechen Deutsch als zweite Sprache.\nSie sollen ihre Anliegen sicher erledigen können.");
        await form.GetByLabel("Finanzielle Auswirkungen (optional)").FillAsync("Etwa 40.000 € im Jahr für Dolmetschleistungen.");
        await form.GetByRole(AriaRole.Group, new() { Name = "Soll der Integrationsrat eine Empfehlung abgeben?" }).GetByLabel("Ja").CheckAsync();
        await form.GetByLabel("1. Ausschuss (optional)").SelectOptionAsync("ausschuss-soziales");
        await form.AssertAccessibleAsync();
        await form.SaveScreenshotAsync("antrag-neu");
        await form.GetByRole(AriaRole.Button, new() { Name = "Antrag absenden" }).ClickAsync();

        Assert.Equal("Bitte bestätigen Sie den Antrag", await form.Locator("h1").InnerTextAsync());
        Assert.Contains("SPD-Ratsfraktion", await form.Locator("main").InnerTextAsync());
        await form.AssertAccessibleAsync();

        // Someone at the faction's registered address confirms from the mail; opening the link alone changes nothing.
        var confirmLink = await app.Mail.LinkAsync(Motions.SpdMailbox, title, "/antrag/");
        var motionId = confirmLink.Split('/')[2];
        await form.GotoAsync(confirmLink);
        Assert.Equal("Antrag bestätigen", await form.Locator("h1").InnerTextAsync());
        Assert.Contains("Ausschuss für Soziales, Integration und Gleichstellung → Rat der Stadt Göttingen", await form.Locator(".summary").InnerTextAsync());
        await form.AssertAccessibleAsync();
        Assert.Equal("AwaitingConfirmation", await app.StageOfAsync(motionId));
        await form.GetByRole(AriaRole.Button, new() { Name = "Antrag verbindlich bestätigen" }).ClickAsync();
        Assert.Equal("Antrag bestätigt", await form.Locator("h1").InnerTextAsync());
        await app.WaitForStageAsync(motionId, "BeiratReview");

        // Beirat: the first member votes no, sees her vote, and changes it to yes.
        await using (var member = await app.OpenAsync(await app.Mail.LinkAsync(Motions.Members[0], title, "/votum/")))
        {
            var vote = member.Page;
            Assert.Equal(title, await vote.Locator("h1").InnerTextAsync());
            Assert.Contains("noch nicht abgegeben", await vote.Locator(".summary").InnerTextAsync());
            await vote.AssertAccessibleAsync();
            await vote.SaveScreenshotAsync("votum");
            await vote.GetByLabel("Nein").CheckAsync();
            await vote.GetByRole(AriaRole.Button, new() { Name = "Stimme abgeben" }).ClickAsync();
            Assert.Contains("Ihre Stimme wurde gezählt", await vote.GetByRole(AriaRole.Status).InnerTextAsync());
            Assert.StartsWith("Ihre Stimme Nein", Normalize(await vote.Locator(".summary__row").First.InnerTextAsync()));
            Assert.True(await vote.GetByLabel("Nein").IsCheckedAsync());
            await vote.AssertAccessibleAsync();

            await vote.GetByLabel("Ja").CheckAsync();
            await vote.GetByRole(AriaRole.Button, new() { Name = "Stimme ändern" }).ClickAsync();
            Assert.Contains("ersetzt", await vote.GetByRole(AriaRole.Status).InnerTextAsync());
            Assert.StartsWith("Ihre Stimme Ja", Normalize(await vote.Locator(".summary__row").First.InnerTextAsync()));
        }
        // The second votes without JavaScript, the third with the keyboard only.
        await using (var member = await app.OpenAsync(await app.Mail.LinkAsync(Motions.Members[1], title, "/votum/"), javaScript: false))
        {
            await member.Page.GetByLabel("Ja").CheckAsync();
            await member.Page.GetByRole(AriaRole.Button, new() { Name = "Stimme abgeben" }).ClickAsync();
            Assert.Contains("Ihre Stimme wurde gezählt", await member.Page.GetByRole(AriaRole.Status).InnerTextAsync());
        }
        await using (var member = await app.OpenAsync(await app.Mail.LinkAsync(Motions.Members[2], title, "/votum/")))
        {
            var vote = member.Page;
            await vote.TabToAsync("input[type=radio]");
            Assert.Null(await vote.MissingFocusIndicatorAsync());
            await vote.Keyboard.PressAsync("Space");
            Assert.True(await vote.GetByLabel("Ja").IsCheckedAsync(), "Space must choose the focused first answer (Ja).");
            await vote.TabToAsync("button[type=submit]");
            Assert.Null(await vote.MissingFocusIndicatorAsync());
            await vote.Keyboard.PressAsync("Enter");
            Assert.Contains("Ihre Stimme wurde gezählt", await vote.GetByRole(AriaRole.Status).InnerTextAsync());
        }
        // The fourth votes through the JSON API: four of seven say yes, so the vote closes early.
        var fourth = Inbox.TokenOf(await app.Mail.LinkAsync(Motions.Members[3], title, "/votum/"));
        using (var response = await app.Http.PostAsJsonAsync($"/api/votes/{fourth}", new { choice = "yes" }))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }
        await app.WaitForStageAsync(motionId, "Consultation");
        await using (var member = await app.OpenAsync(await app.Mail.LinkAsync(Motions.Members[0], title, "/votum/")))
        {
            var closed = await member.Page.Locator("main").InnerTextAsync();
            Assert.Contains("Die Abstimmung ist beendet.", closed);
            Assert.Contains("empfiehlt den Antrag (Ja 4, Nein 0, Enthaltung 0)", closed);
            Assert.Equal(0, await member.Page.GetByRole(AriaRole.Button, new() { Name = "Stimme ändern" }).CountAsync());
            await member.Page.AssertAccessibleAsync();
        }

        // A clerk opens the dashboard, is sent to sign in, and comes back to it from the mailed link.
        await using var clerk = await app.OpenAsync("/ratsbuero");
        var desk = clerk.Page;
        Assert.Contains("/ratsbuero/anmelden", desk.Url);
        await app.SignInAsync(clerk);
        Assert.EndsWith("/ratsbuero", desk.Url);
        await desk.SaveScreenshotAsync("ratsbuero", fullPage: false);
        await desk.GetByLabel("Suche").FillAsync(title);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Filtern" }).ClickAsync();
        var row = desk.GetByRole(AriaRole.Row).Filter(new() { HasText = title });
        Assert.Contains("In den Ausschüssen", await row.InnerTextAsync());
        Assert.Contains("Sitzungstermin festlegen", await row.InnerTextAsync());
        await desk.AssertAccessibleAsync();
        await desk.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();

        // The committee meets today and recommends; then the council meets today and decides with a new wording.
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).ToString("yyyy-MM-dd");
        await desk.GetByLabel("Sitzungstag").FillAsync(today);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Termin eintragen" }).ClickAsync();
        Assert.Contains("Der Sitzungstermin ist eingetragen.", await desk.GetByRole(AriaRole.Status).InnerTextAsync());
        await desk.AssertAccessibleAsync();
        await desk.GetByLabel("Ungeändert empfohlen", new() { Exact = true }).CheckAsync();
        await desk.GetByLabel("Ja-Stimmen (optional)").FillAsync("9");
        await desk.GetByLabel("Nein-Stimmen (optional)").FillAsync("2");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Ergebnis eintragen" }).ClickAsync();
        Assert.Contains("Das Ergebnis ist eingetragen.", await desk.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Contains("Sitzung terminieren: Rat der Stadt Göttingen", await desk.Locator(".actions").InnerTextAsync());

        await desk.GetByLabel("Sitzungstag").FillAsync(today);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Termin eintragen" }).ClickAsync();
        await desk.GetByLabel("Geändert beschlossen", new() { Exact = true }).CheckAsync();
        await desk.GetByLabel("Geänderter Beschlussvorschlag (optional)").FillAsync("Die Verwaltung richtet im Bürgerbüro eine Beratung in sieben Sprachen ein.");
        await desk.GetByLabel("Ja-Stimmen (optional)").FillAsync("31");
        await desk.GetByLabel("Nein-Stimmen (optional)").FillAsync("9");
        await desk.GetByLabel("Enthaltungen (optional)").FillAsync("3");
        await desk.GetByLabel("Wiedervorlage (optional)").SelectOptionAsync(new SelectOptionValue { Label = "nach 2 Jahren" });
        await desk.AssertAccessibleAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Ergebnis eintragen" }).ClickAsync();
        Assert.Contains("Das Ergebnis ist eingetragen.", await desk.GetByRole(AriaRole.Status).InnerTextAsync());
        var decided = await desk.Locator("main").InnerTextAsync();
        Assert.Contains("geändert beschlossen", decided);
        Assert.Contains("in sieben Sprachen", decided);
        Assert.Contains("Frühere Fassungen des Beschlussvorschlags", decided);
        await app.WaitForStageAsync(motionId, "Decided");

        // The council asked for a Wiedervorlage every two years; the clerk ends it.
        var endFollowUp = desk.GetByRole(AriaRole.Button, new() { Name = "Wiedervorlage beenden" });
        for (var attempt = 0; attempt < 50 && await endFollowUp.CountAsync() == 0; attempt++)
        {
            await Task.Delay(200);
            await desk.ReloadAsync();
        }
        await desk.AssertAccessibleAsync();
        await desk.SaveScreenshotAsync("ratsbuero-antrag");
        await endFollowUp.ClickAsync();
        Assert.Contains("Die Wiedervorlage ist beendet.", await desk.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal(0, await endFollowUp.CountAsync());

        // The faction follows the link in the decision mail.
        await form.GotoAsync(await app.Mail.LinkAsync(Motions.SpdMailbox, "Entscheidung des Rates", $"/antrag/{motionId}/status/"));
        Assert.Equal(title, await form.Locator("h1").InnerTextAsync());
        var current = form.GetByRole(AriaRole.List, new() { Name = "Stand des Verfahrens" }).Locator("[aria-current=step]");
        Assert.Equal("Beschluss abgeschlossen", Normalize(await current.InnerTextAsync()));
        var status = await form.Locator("main").InnerTextAsync();
        Assert.Contains("geändert beschlossen", status);
        Assert.Contains("Integrationsrat empfiehlt den Antrag", status);
        Assert.DoesNotContain("Antrag zurückziehen", status);
        await form.AssertAccessibleAsync();
        await form.SaveScreenshotAsync("antrag-status");
    }

    private static string Normalize(string text) =>
        string.Join(' ', text.Split((char[])['\n', ' ', '✓', '\t'], StringSplitOptions.RemoveEmptyEntries).Where(w => !w.All(char.IsDigit)));
}
