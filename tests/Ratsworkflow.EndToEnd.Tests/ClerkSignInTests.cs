using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ratsworkflow.EndToEnd.Tests.Harness;
using Xunit;

namespace Ratsworkflow.EndToEnd.Tests;

/// <summary>The Ratsbüro's sign-in by mailed link, and that its pages are closed without it.</summary>
[Collection(AppCollection.Name)]
public sealed partial class ClerkSignInTests(AppFixture app)
{
    [Theory]
    [InlineData("GET", "/ratsbuero")]
    [InlineData("GET", "/ratsbuero/antraege/irgendeiner")]
    [InlineData("GET", "/ratsbuero/antraege/irgendeiner/zurueckziehen")]
    [InlineData("GET", "/ratsbuero/export.csv")]
    [InlineData("POST", "/ratsbuero/antraege/irgendeiner?handler=Schedule")]
    [InlineData("POST", "/ratsbuero/antraege/irgendeiner/zurueckziehen")]
    public async Task ClerkPage_WithoutSignIn_SendsToTheSignInPage(string method, string path)
    {
        using var response = await app.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/ratsbuero/anmelden?ReturnUrl=", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task SignInRequest_ForAnyAddress_AnswersTheSameAndMailsOnlyClerks()
    {
        var stranger = $"neugierig-{Guid.NewGuid():N}@example.org";
        var clerkMailsBefore = await app.Mail.CountAsync("sitzungsdienst@example.org", Clerks.SignInSubject);

        var forStranger = await RequestLinkAsync(stranger);
        var forClerk = await RequestLinkAsync("Sitzungsdienst@Example.org");

        Assert.Equal(forClerk, forStranger);
        await app.Mail.WaitForAsync(mails => mails.Count(m => m.IsTo("sitzungsdienst@example.org") && m.Subject == Clerks.SignInSubject) > clerkMailsBefore);
        Assert.Equal(0, await app.Mail.CountAsync(stranger, Clerks.SignInSubject));
    }

    [Fact]
    public async Task SignInLink_OpenedThenUsed_SignsInOnceOnly()
    {
        await using var tab = await app.OpenAsync("/ratsbuero/anmelden");
        await tab.UseOwnClientAddressAsync();
        var page = tab.Page;
        await page.AssertAccessibleAsync();
        var before = await app.Mail.CountAsync(Clerks.Ratsbuero, Clerks.SignInSubject);
        // Keyboard only: to the field, type, Enter sends the form.
        await page.TabToAsync("#Input_Email");
        Assert.Null(await page.MissingFocusIndicatorAsync());
        await page.Keyboard.TypeAsync(Clerks.Ratsbuero);
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("Anmeldelink gesendet", await page.Locator("h1").InnerTextAsync());
        await page.AssertAccessibleAsync();
        await app.Mail.WaitForAsync(mails => mails.Count(m => m.IsTo(Clerks.Ratsbuero) && m.Subject == Clerks.SignInSubject) > before);
        var link = await app.Mail.LinkAsync(Clerks.Ratsbuero, Clerks.SignInSubject, "/ratsbuero/anmelden/");

        // Opening the link (as a mail scanner would) neither signs in nor uses it up.
        await page.GotoAsync(link);
        await page.GotoAsync(link);
        Assert.Contains(Clerks.Ratsbuero, await page.Locator("main").InnerTextAsync());
        await page.AssertAccessibleAsync();
        using (var unsigned = await app.Http.GetAsync("/ratsbuero"))
        {
            Assert.Equal(HttpStatusCode.Redirect, unsigned.StatusCode);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Jetzt anmelden" }).ClickAsync();
        Assert.Equal("Übersicht der Anträge", await page.Locator("h1").InnerTextAsync());

        await using var other = await app.NewTabAsync();
        await other.Page.GotoAsync(link);
        var again = await other.Page.GetByRole(AriaRole.Button, new() { Name = "Jetzt anmelden" }).CountAsync();
        Assert.Equal("Dieser Anmeldelink wurde schon benutzt", await other.Page.Locator("h1").InnerTextAsync());
        Assert.Equal(0, again);
        await other.Page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task SignOut_FromTheHeader_ClosesTheClerkPagesAgain()
    {
        await using var tab = await app.OpenAsync("/ratsbuero/antraege/gibt-es-nicht");
        await app.SignInAsync(tab);
        var page = tab.Page;

        await page.GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).ClickAsync();

        Assert.Contains("Sie sind abgemeldet.", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        await page.GotoAsync("/ratsbuero");
        Assert.Contains("/ratsbuero/anmelden", page.Url);
    }

    [Fact]
    public async Task SignInRequests_FromOneClient_AreLimitedWhileTheFormStaysOpen()
    {
        var client = Clerks.RandomClientAddress();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, "/ratsbuero/anmelden") { Content = new FormUrlEncodedContent([]) };
            post.Headers.Add("X-Forwarded-For", client);
            using var response = await app.Http.SendAsync(post);
            statuses.Add(response.StatusCode);
        }
        using var get = new HttpRequestMessage(HttpMethod.Get, "/ratsbuero/anmelden");
        get.Headers.Add("X-Forwarded-For", client);
        using var form = await app.Http.SendAsync(get);

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }

    /// <summary>Requests a link with the real form and returns the answer page's main text.</summary>
    private async Task<string> RequestLinkAsync(string email)
    {
        await using var tab = await app.OpenAsync("/ratsbuero/anmelden", javaScript: false);
        await tab.UseOwnClientAddressAsync();
        await tab.Page.GetByLabel("E-Mail-Adresse").FillAsync(email);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Anmeldelink anfordern" }).ClickAsync();
        return Whitespace().Replace(await tab.Page.Locator("main").InnerTextAsync(), " ");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
