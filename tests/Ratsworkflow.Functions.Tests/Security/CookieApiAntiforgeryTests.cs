using System.Net;
using System.Text;
using System.Text.Json;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Security;

/// <summary>
/// A page of another origin on the same site (another port) can make the clerk's browser send a POST with its cookie
/// (SameSite=Lax lets it through). Cookie-authenticated unsafe API calls therefore need the anti-forgery token; the
/// bearer API does not.
/// </summary>
public sealed class CookieApiAntiforgeryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Token = "csrf-test-clerk-token-0123456789abcdef";

    [Theory]
    [InlineData("/api/motions/m1/withdraw", null)]
    [InlineData("/api/motions/m1/retry", null)]
    [InlineData("/api/motions/m1/followup/end", null)]
    [InlineData("/api/motions/m1/schedule", "{\"organizationId\":\"rat\",\"meetingDate\":\"2026-12-01\"}")]
    [InlineData(SecurityTestApp.ClerkApi, "text/plain body from a foreign form")]
    public async Task CommandApi_ClerkCookieWithoutAntiforgeryToken_Is403GermanProblem(string path, string? body)
    {
        await using var app = await StartAsync();
        var browser = await SignedInAsync(app);

        using var response = await app.SendAsync(HttpMethod.Post, path, browser,
            body is null ? null : new StringContent(body, Encoding.UTF8, body.StartsWith('{') ? "application/json" : "text/plain"), "Origin", "http://127.0.0.1:9999");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        Assert.Contains("Fälschungsschutz", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClerkApiPost_CookieWithAntiforgeryHeader_IsAccepted()
    {
        await using var app = await StartAsync();
        var browser = await SignedInAsync(app);
        using var tokenResponse = await app.SendAsync(HttpMethod.Get, SecurityTestApp.AntiforgeryToken, browser);
        var requestToken = await tokenResponse.Content.ReadAsStringAsync();

        using var response = await app.SendAsync(HttpMethod.Post, SecurityTestApp.ClerkApi, browser, header: "RequestVerificationToken", value: requestToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ClerkApiPost_BearerToken_NeedsNoAntiforgeryToken()
    {
        await using var app = await StartAsync();

        using var response = await app.SendAsync(HttpMethod.Post, SecurityTestApp.ClerkApi, new CookieJar(), header: "Authorization", value: "Bearer " + Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<CookieJar> SignedInAsync(SecurityTestApp app)
    {
        var browser = new CookieJar();
        using var _ = await app.SendAsync(HttpMethod.Post, SecurityTestApp.CookieSignIn, browser);
        return browser;
    }

    private Task<SecurityTestApp> StartAsync() =>
        SecurityTestApp.StartAsync("Production", new Dictionary<string, string?>
        {
            ["Clerks:ApiToken"] = Token,
            ["Storage:ConnectionString"] = azurite.ConnectionString,
        });
}
