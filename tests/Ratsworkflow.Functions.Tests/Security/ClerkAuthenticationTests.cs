using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Ratsworkflow.Functions.Security;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Security;

public sealed class ClerkAuthenticationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Token = "test-clerk-token-0123456789abcdef";

    [Fact]
    public async Task ClerkApi_NoCredentials_Is401ProblemJsonInGerman()
    {
        await using var app = await StartAsync();

        using var response = await app.Client.GetAsync(SecurityTestApp.ClerkApi);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        var problem = await ProblemAsync(response);
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Contains("Anmeldung erforderlich", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bearer wrong-token")]
    [InlineData("Bearer " + Token + "x")]
    [InlineData("Bearer ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task ClerkApi_WrongCredentials_Is401(string authorization)
    {
        await using var app = await StartAsync();

        using var response = await SendAsync(app, SecurityTestApp.ClerkApi, authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty((await ProblemAsync(response)).GetProperty("detail").GetString()!);
    }

    [Theory]
    [InlineData("Bearer " + Token)]
    [InlineData("bearer " + Token)]
    public async Task ClerkApi_ConfiguredToken_Is200(string authorization)
    {
        await using var app = await StartAsync();

        using var response = await SendAsync(app, SecurityTestApp.ClerkApi, authorization);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ClerkApi_ProductionWithoutToken_RefusesEveryBearerAndSaysSoAtStart()
    {
        await using var app = await SecurityTestApp.StartAsync("Production", new Dictionary<string, string?>());

        using var response = await SendAsync(app, SecurityTestApp.ClerkApi, "Bearer ");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(string.IsNullOrEmpty(app.Configuration[ClerkApiToken.ConfigurationKey]));
        Assert.Single(app.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("Clerks:ApiToken", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Startup_DevelopmentWithoutToken_GeneratesOneUnderTheSameKeyAndLogsItOnce()
    {
        await using var app = await SecurityTestApp.StartAsync("Development", new Dictionary<string, string?>());

        var generated = app.Configuration[ClerkApiToken.ConfigurationKey];
        Assert.False(string.IsNullOrWhiteSpace(generated));
        Assert.True(generated.Length >= 43, generated);
        Assert.Single(app.Logs.Entries, e => e.Message.Contains(generated, StringComparison.Ordinal));
        using var response = await SendAsync(app, SecurityTestApp.ClerkApi, "Bearer " + generated);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Startup_DevelopmentWithToken_KeepsItAndLogsNoSecret()
    {
        await using var app = await StartAsync("Development");

        Assert.Equal(Token, app.Configuration[ClerkApiToken.ConfigurationKey]);
        Assert.DoesNotContain(app.Logs.Entries, e => e.Message.Contains(Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClerkCookie_SignedIn_IsSafeCookieAndPassesClerkPolicy()
    {
        await using var app = await StartAsync();

        using var signIn = await app.Client.PostAsync(SecurityTestApp.CookieSignIn, null);
        var setCookie = signIn.Headers.GetValues("Set-Cookie").Single();
        using var response = await SendAsync(app, SecurityTestApp.ClerkApi, null, setCookie.Split(';')[0]);

        Assert.StartsWith(ClerkAuthentication.CookieName + "=", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", setCookie.Replace("samesite", "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ratsbuero@example.org", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ClerkApi_InvalidCookie_Is401ProblemNotRedirect()
    {
        await using var app = await StartAsync();

        using var response = await SendAsync(app, SecurityTestApp.ClerkApi, null, ClerkAuthentication.CookieName + "=forged");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ClerkPage_NoCookie_RedirectsToSignIn()
    {
        await using var app = await StartAsync();

        using var response = await app.Client.GetAsync(SecurityTestApp.ClerkPage);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ClerkAuthentication.LoginPath, response.Headers.Location!.AbsolutePath);
    }

    /// <summary>With storage: a cookie sign-in is a session row (<see cref="ClerkSessions"/>).</summary>
    private Task<SecurityTestApp> StartAsync(string environment = "Production") =>
        SecurityTestApp.StartAsync(environment, new Dictionary<string, string?>
        {
            [ClerkApiToken.ConfigurationKey] = Token,
            ["Storage:ConnectionString"] = azurite.ConnectionString,
        });

    private static async Task<HttpResponseMessage> SendAsync(SecurityTestApp app, string path, string? authorization, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        return await app.Client.SendAsync(request);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
