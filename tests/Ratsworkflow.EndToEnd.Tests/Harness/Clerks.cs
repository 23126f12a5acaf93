using System.Security.Cryptography;
using Microsoft.Playwright;
using Xunit;

namespace Ratsworkflow.EndToEnd.Tests.Harness;

/// <summary>Signs a browser tab in as a clerk the way a person does: form, mail, link, button.</summary>
public static class Clerks
{
    public const string Ratsbuero = "ratsbuero@example.org";
    public const string SignInSubject = "Anmeldung im Ratsworkflow";

    /// <summary>
    /// Sends this tab's requests as if from its own client address (the app trusts X-Forwarded-For from loopback, as
    /// from the Functions host), so the per-client sign-in limit counts each test's clerk on its own.
    /// </summary>
    public static Task UseOwnClientAddressAsync(this BrowserTab tab) =>
        tab.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["X-Forwarded-For"] = RandomClientAddress() });

    /// <summary>A documentation-range IPv6 address in a /64 of its own (the limiter counts per /64).</summary>
    public static string RandomClientAddress()
    {
        var bytes = RandomNumberGenerator.GetBytes(4);
        return $"2001:db8:{bytes[0] << 8 | bytes[1]:x}:{bytes[2] << 8 | bytes[3]:x}::1";
    }

    /// <summary>Requests a link on the sign-in page the tab shows (or opens it), follows it from the mail and signs in.</summary>
    public static async Task SignInAsync(this AppFixture app, BrowserTab tab, string email = Ratsbuero)
    {
        await tab.UseOwnClientAddressAsync();
        var page = tab.Page;
        if (!page.Url.Contains("/ratsbuero/anmelden", StringComparison.Ordinal))
        {
            await page.GotoAsync("/ratsbuero/anmelden");
        }
        var before = await app.Mail.CountAsync(email, SignInSubject);
        await page.GetByLabel("E-Mail-Adresse").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmeldelink anfordern" }).ClickAsync();
        await app.Mail.WaitForAsync(async () => await app.Mail.CountAsync(email, SignInSubject) > before);
        var link = await app.Mail.LinkAsync(email, SignInSubject, "/ratsbuero/anmelden/");
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = "Jetzt anmelden" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/anmelden", StringComparison.Ordinal));
        Assert.Equal(1, await page.GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).CountAsync());
    }

    private static async Task WaitForAsync(this Ratsworkflow.Testing.MailDev mail, Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "The sign-in mail did not arrive.");
            await Task.Delay(100);
        }
    }
}
