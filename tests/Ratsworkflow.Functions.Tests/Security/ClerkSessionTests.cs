using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Ratsworkflow.Functions.Security;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Security;

/// <summary>A clerk's sign-in is a session on the server: signing out ends it for every copy of the cookie, and it ends after an absolute lifetime.</summary>
public sealed partial class ClerkSessionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task SignOut_CopiedCookie_IsRefusedAfterwards()
    {
        await using var app = await StartAsync();
        var browser = new CookieJar();
        using var _ = await app.SendAsync(HttpMethod.Post, SecurityTestApp.CookieSignIn, browser);
        var copied = browser.Copy();
        using var before = await app.SendAsync(HttpMethod.Get, SecurityTestApp.ClerkApi, copied);

        using var page = await app.SendAsync(HttpMethod.Get, "/ratsbuero/abmelden", browser);
        var form = FormToken().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        using var signOut = await app.SendAsync(HttpMethod.Post, "/ratsbuero/abmelden", browser,
            new FormUrlEncodedContent([new("__RequestVerificationToken", WebUtility.HtmlDecode(form))]));
        using var after = await app.SendAsync(HttpMethod.Get, SecurityTestApp.ClerkApi, copied);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Null(browser[ClerkAuthentication.CookieName]);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Cookie_InUseBeyondAbsoluteLifetime_IsRefused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(clock);
        var browser = new CookieJar();
        using var _ = await app.SendAsync(HttpMethod.Post, SecurityTestApp.CookieSignIn, browser);

        clock.Advance(TimeSpan.FromHours(7));
        using var inUse = await app.SendAsync(HttpMethod.Get, SecurityTestApp.ClerkApi, browser);
        clock.Advance(TimeSpan.FromHours(5) + TimeSpan.FromMinutes(1));
        using var late = await app.SendAsync(HttpMethod.Get, SecurityTestApp.ClerkApi, browser);

        Assert.Equal(HttpStatusCode.OK, inUse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, late.StatusCode);
    }

    private Task<SecurityTestApp> StartAsync(TimeProvider? clock = null) =>
        SecurityTestApp.StartAsync("Production", new Dictionary<string, string?> { ["Storage:ConnectionString"] = azurite.ConnectionString }, clock);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
